/** The visitor's "How did we do?" answer in the thread (agents only): the rating, then their comment. */
import { clock } from '../lib/format';
import type { WireMessage } from '../types';

const LABELS: Record<string, string> = { good: 'Good', okay: 'Okay', bad: 'Bad' };

export const isRating = (m: WireMessage): boolean =>
  m.kind === 'event' && (m.meta.event === 'csat.submitted' || m.meta.event === 'csat.commented');

export function RatingItem({ m }: { m: WireMessage }) {
  const rating = typeof m.meta.rating === 'string' ? m.meta.rating : '';
  const comment = typeof m.meta.comment === 'string' ? m.meta.comment : null;
  return (
    <li className={`msg-rating rating-${rating}`}>
      <div className="msg-head">
        <span className="msg-author">{comment ? 'Visitor’s comment on the rating' : 'Visitor rated this chat'}</span>
        <time dateTime={m.createdAt}>{clock(m.createdAt)}</time>
      </div>
      {comment ? (
        <blockquote className="rating-comment">{comment}</blockquote>
      ) : (
        <p className="rating-value">
          <span className="rating-dot" aria-hidden="true" />
          {LABELS[rating] ?? rating}
        </p>
      )}
    </li>
  );
}
