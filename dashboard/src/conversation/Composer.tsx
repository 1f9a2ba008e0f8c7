import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import { useSession } from '../session';
import type { Conversation, WireMessage } from '../types';
import { matchCanned, useCannedReplies, type CannedReply } from './canned';
import { CannedReplies, SlashSuggestions } from './CannedReplies';

const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 2500;

/** `/word` just before the caret, at the start of the text or after a space: a canned reply being looked up. */
function slashAt(text: string, caret: number): { start: number; query: string } | null {
  const m = text.slice(0, caret).match(/(?:^|\s)\/([\w-]*)$/);
  return m ? { start: caret - m[1].length - 1, query: m[1] } : null;
}

/** The reply box: Enter sends (Shift+Enter for a new line); a note stays inside the team; `/` inserts a canned reply. */
export function Composer({
  c,
  onSent,
  draft,
}: {
  c: Conversation;
  onSent: (m: WireMessage) => void;
  /** Text to put in the box (a suggestion the agent chose), with a counter so the same text can be put again. */
  draft?: { text: string; n: number };
}) {
  const { workspace } = useSession();
  const rt = useRealtime();
  const [body, setBody] = useState('');
  const [note, setNote] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typingSince = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedReplies(workspace.id);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const slash = slashAt(body, caret);
  const suggestions = slash && dismissed !== slash.start ? matchCanned(canned.items, slash.query).slice(0, 8) : [];

  const stopTyping = () => {
    if (idle.current) clearTimeout(idle.current);
    if (typingSince.current) rt.typing(c.id, false);
    typingSince.current = 0;
  };
  // Leaving the conversation ends the typing signal.
  const stopRef = useRef(stopTyping);
  stopRef.current = stopTyping;
  useEffect(() => () => stopRef.current(), []);

  const onChange = (text: string, at = text.length) => {
    setBody(text);
    setCaret(at);
    setActive(0);
    if (note) return; // The visitor does not see notes being written.
    const now = Date.now();
    if (text && now - typingSince.current > TYPING_REPEAT_MS) {
      rt.typing(c.id, true);
      typingSince.current = now;
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const draftN = draft?.n ?? 0;
  useEffect(() => {
    if (!draftN || !draft) return;
    onChange(draft.text);
    input.current?.focus();
    // Only a new draft replaces the text, not a re-render.
  }, [draftN]);

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
      // A note is one note: the next message goes to the visitor unless the box is ticked again.
      setNote(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  /** Puts a canned reply in place of the `/word` typed (or at the end, from the menu). */
  const insert = (r: CannedReply) => {
    const at = slash ? slash.start : body.length;
    const end = slash ? caret : body.length;
    const before = slash ? body.slice(0, at) : body ? `${body}\n` : '';
    const text = before + r.body + body.slice(end);
    onChange(text, before.length + r.body.length);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(before.length + r.body.length, before.length + r.body.length);
    });
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length && slash) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = suggestions.length;
        setActive((active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
        e.preventDefault();
        insert(suggestions[Math.min(active, suggestions.length - 1)]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(slash.start);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) void send(e);
  };

  // The keyboard hint alone is left out on a phone (CSS), where there is no Enter to learn.
  const keysOnly = !note && c.status === 'human';
  const hint = note
    ? 'Internal note — only your team sees this'
    : c.status === 'waiting' || c.status === 'bot'
      ? 'Replying picks the chat up'
      : c.status === 'resolved'
        ? 'Replying reopens the chat'
        : 'Enter to send, Shift+Enter for a new line';

  return (
    <form className={note ? 'composer is-note' : 'composer'} onSubmit={send}>
      {suggestions.length > 0 && (
        <SlashSuggestions items={suggestions} active={Math.min(active, suggestions.length - 1)} onPick={insert} />
      )}
      <textarea
        ref={input}
        aria-label="Reply"
        placeholder={note ? 'Write an internal note…' : 'Write a reply… (type / for a canned reply)'}
        rows={3}
        value={body}
        aria-autocomplete="list"
        aria-controls="canned-suggestions"
        aria-activedescendant={
          suggestions.length ? `canned-option-${suggestions[Math.min(active, suggestions.length - 1)].id}` : undefined
        }
        onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
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
        <CannedReplies canned={canned} draft={body} onInsert={insert} />
        <span className={`muted small grow composer-hint${keysOnly ? ' is-keys' : ''}`}>{hint}</span>
        <button type="submit" className="btn primary" disabled={busy || !body.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
