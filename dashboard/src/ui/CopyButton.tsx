import { useState } from 'react';

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      setDone('failed');
    }
    setTimeout(() => setDone('idle'), 2000);
  };
  return (
    <span className="copy">
      <button type="button" className="btn small" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted small">
        {done === 'copied' ? 'Copied.' : done === 'failed' ? 'Could not copy; select the text instead.' : ''}
      </span>
    </span>
  );
}
