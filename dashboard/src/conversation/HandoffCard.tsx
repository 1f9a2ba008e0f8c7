import { reasonText } from '../lib/format';
import type { Conversation } from '../types';
import { useWorkspaceData } from '../workspace-data';

const DETAIL_LABELS = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['orderNumber', 'Order'],
  ['product', 'Product'],
  ['budget', 'Budget'],
  ['quantity', 'Quantity'],
] as const;

/** Why the AI handed over, what it captured, a summary, and what it already tried. */
export function HandoffCard({ c }: { c: Conversation }) {
  const { tags } = useWorkspaceData();
  const card = c.handoffCard;
  const reason = card?.reason ?? c.handoffReason;
  if (!card && !reason) return null;
  // For a topic the detail is the tag's id: name it. Other details are the detector's score.
  const topic = reason === 'topic' ? tags.find((t) => t.id === card?.detail)?.name : undefined;
  const signal = reason !== 'topic' && card?.detail ? card.detail : null;
  const details = DETAIL_LABELS.filter(([k]) => card?.details?.[k] !== undefined && card.details[k] !== '');
  return (
    <section className="card handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">Handoff</h2>
      <p className="handoff-reason">
        Handed off because {reasonText(reason)}
        {topic ? `: ${topic}` : ''}.
      </p>
      {signal && <p className="muted small">Signal: {signal}</p>}
      {card?.summary && <p>{card.summary}</p>}
      {details.length > 0 && (
        <dl className="details">
          {details.map(([k, label]) => (
            <div key={k}>
              <dt>{label}</dt>
              <dd>{String(card?.details?.[k])}</dd>
            </div>
          ))}
        </dl>
      )}
      {card?.tried && card.tried.length > 0 && (
        <>
          <h3>What the AI tried</h3>
          <ul className="tried">
            {card.tried.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
