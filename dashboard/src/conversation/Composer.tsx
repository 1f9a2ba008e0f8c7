import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import { useSession } from '../session';
import type { Conversation, WireMessage } from '../types';
import { CannedReplies } from './CannedReplies';

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 2500;

/** The reply box: Enter sends (Shift+Enter for a new line); a note stays inside the team. */
export function Composer({ c, onSent }: { c: Conversation; onSent: (m: WireMessage) => void }) {
  const { workspace } = useSession();
  const rt = useRealtime();
  const [body, setBody] = useState('');
  const [note, setNote] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typingSince = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const stopTyping = () => {
    if (idle.current) clearTimeout(idle.current);
    if (typingSince.current) rt.typing(c.id, false);
    typingSince.current = 0;
  };
  // Leaving the conversation ends the typing signal.
  const stopRef = useRef(stopTyping);
  stopRef.current = stopTyping;
  useEffect(() => () => stopRef.current(), []);

  const onChange = (text: string) => {
    setBody(text);
    if (note) return; // The visitor does not see notes being written.
    const now = Date.now();
    if (text && now - typingSince.current > TYPING_REPEAT_MS) {
      rt.typing(c.id, true);
      typingSince.current = now;
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    const text = body.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    stopTyping();
    const clientId = crypto.randomUUID();
    try {
      // The socket when it is up; REST otherwise (same clientId, so a retry never doubles a message).
      const m =
        rt.connection === 'live'
          ? await rt.send({ conversationId: c.id, clientId, body: text, note })
          : await api.post<WireMessage>(wsPath(workspace.id, `/conversations/${c.id}/messages`), {
              body: text,
              note,
              clientId,
            });
      onSent(m);
      setBody('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) void send(e);
  };

  const hint = note
    ? 'Internal note — only your team sees this'
    : c.status === 'waiting' || c.status === 'bot'
      ? 'Replying picks the chat up'
      : c.status === 'resolved'
        ? 'Replying reopens the chat'
        : 'Enter to send, Shift+Enter for a new line';

  return (
    <form className={note ? 'composer is-note' : 'composer'} onSubmit={send}>
      <textarea
        ref={input}
        aria-label="Reply"
        placeholder={note ? 'Write an internal note…' : 'Write a reply…'}
        rows={3}
        value={body}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKey}
        onBlur={stopTyping}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-bar">
        <label className="toggle">
          <input type="checkbox" checked={note} onChange={(e) => setNote(e.target.checked)} />
          <span>Internal note</span>
        </label>
        <CannedReplies
          draft={body}
          onInsert={(t) => {
            onChange(body ? `${body}\n${t}` : t);
            input.current?.focus();
          }}
        />
        <span className="muted small grow">{hint}</span>
        <button type="submit" className="btn primary" disabled={busy || !body.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
