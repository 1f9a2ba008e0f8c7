/** The text box and Send button: Enter sends, Shift+Enter starts a new line. */
import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_BODY } from '../../../protocol/socket';
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
  // Said before sending, not refused after: a long paste is trimmed by the visitor, not lost.
  const over = text.length - MAX_BODY;
  const submit = (e?: Event) => {
    e?.preventDefault();
    if (!text.trim() || over > 0) return;
    onSend(text);
    setText('');
  };
  return (
    <>
      {over > 0 && (
        <p class="too-long" role="status">
          Too long to send: {over.toLocaleString('en-US')} characters over the limit of{' '}
          {MAX_BODY.toLocaleString('en-US')}.
        </p>
      )}
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
        <button type="submit" class="send" aria-label="Send" disabled={!text.trim() || over > 0}>
          <SendIcon />
        </button>
      </form>
    </>
  );
}
