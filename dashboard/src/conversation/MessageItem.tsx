import type { Citation } from '../../../protocol/socket';
import { clock, eventText, percent } from '../lib/format';
import type { WireMessage } from '../types';
import { isRating, RatingItem } from './RatingItem';

/** One entry of the thread: visitor, AI (citations + confidence), person, internal note, or system event. */
export function MessageItem({
  m,
  teamName,
  previousAgent = null,
}: {
  m: WireMessage;
  teamName: (id: string) => string | null;
  /** Who had the chat before this message (words a "returned to the queue" event). */
  previousAgent?: string | null;
}) {
  if (isRating(m)) return <RatingItem m={m} />;
  if (m.kind === 'event') {
    return (
      <li className="msg-event">
        <span>{eventText(m.meta.event, m.meta, teamName, previousAgent)}</span>
        <time dateTime={m.createdAt}>{clock(m.createdAt)}</time>
      </li>
    );
  }
  const note = m.kind === 'note';
  const who =
    m.author.type === 'visitor'
      ? 'Visitor'
      : m.author.type === 'bot'
        ? `${m.author.name ?? 'AI'} (AI)`
        : (m.author.name ?? 'Team');
  const cls = note ? 'msg note' : `msg from-${m.author.type}`;
  const citations = (m.meta.citations ?? []) as Citation[];
  const confidence = typeof m.meta.confidence === 'number' ? m.meta.confidence : null;

  return (
    <li className={cls}>
      <div className="msg-head">
        {note && <span className="note-label">Internal note</span>}
        <span className="msg-author">{who}</span>
        <time dateTime={m.createdAt}>{clock(m.createdAt)}</time>
        {m.author.type === 'bot' && confidence !== null && (
          <span
            className={confidence < 0.5 ? 'confidence low' : 'confidence'}
            title="How sure the AI was of this answer"
          >
            {percent(confidence)} confident
          </span>
        )}
      </div>
      <div className="msg-body">{m.body}</div>
      {citations.length > 0 && (
        <ul className="citations" aria-label="Sources">
          {citations.map((c) => (
            <li key={c.chunkId}>
              {c.url ? (
                <a href={c.url} target="_blank" rel="noreferrer noopener">
                  {c.title || c.url}
                </a>
              ) : (
                <span>{c.title}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
