import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session';
import { useCannedReplies } from './canned';

/** A small menu of saved replies: insert one, save the current draft, or remove one. */
export function CannedReplies({ draft, onInsert }: { draft: string; onInsert: (text: string) => void }) {
  const { workspace } = useSession();
  const canned = useCannedReplies(workspace.id);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="canned" ref={ref}>
      <button
        type="button"
        className="btn ghost small"
        aria-expanded={open}
        aria-controls="canned-menu"
        onClick={() => setOpen(!open)}
      >
        Canned replies
      </button>
      {open && (
        <div id="canned-menu" className="popover" role="group" aria-label="Canned replies">
          {canned.items.length === 0 && <p className="muted small">No canned replies yet.</p>}
          <ul>
            {canned.items.map((text, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="canned-item"
                  onClick={() => {
                    onInsert(text);
                    setOpen(false);
                  }}
                >
                  {text}
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Remove “${text.slice(0, 30)}”`}
                  onClick={() => canned.remove(i)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn small" disabled={!draft.trim()} onClick={() => canned.add(draft)}>
            Save current text as a canned reply
          </button>
        </div>
      )}
    </div>
  );
}
