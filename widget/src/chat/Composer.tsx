/** The text box and Send button: Enter sends, Shift+Enter starts a new line. */
import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SendIcon } from './icons';

interface Props {
  inputRef: Ref<HTMLTextAreaElement>;
  onSend(body: string): void;
  onTyping(): void;
  /** Text given back after the server refused it, to edit and send again. */
  restore: { body: string; n: number } | null;
}

const MAX_HEIGHT = 128;

function fit(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
}

export function Composer({ inputRef, onSend, onTyping, restore }: Props) {
  const [text, setText] = useState('');
  const [restored, setRestored] = useState(0);
  if (restore && restore.n !== restored) {
    setRestored(restore.n);
    if (!text) setText(restore.body);
  }
  const own = useRef<HTMLTextAreaElement | null>(null);
  useLayoutEffect(() => {
    if (own.current) fit(own.current);
  }, [text]);
  const submit = (e?: Event) => {
    e?.preventDefault();
    if (!text.trim()) return;
    onSend(text);
    setText('');
  };
  return (
    <form class="composer" onSubmit={submit}>
      <textarea
        ref={(el) => {
          own.current = el;
          if (typeof inputRef === 'function') inputRef(el);
          else if (inputRef) inputRef.current = el;
        }}
        rows={1}
        aria-label="Message"
        placeholder="Write a message…"
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
        }}
      />
      <button type="submit" class="send" aria-label="Send" disabled={!text.trim()}>
        <SendIcon />
      </button>
    </form>
  );
}
