/**
 * "How did we do?" in the tag feed: chats a person worked and chats the AI answered alone side by
 * side, per tag and per agent, and what visitors wrote.
 */
import { wsPath } from '../api';
import { clock, percent } from '../lib/format';
import { useSession } from '../session';
import { Link } from '../ui/Link';
import { useLoad } from './period';
import type { SatisfactionCounts, SatisfactionData } from './types';

const LABEL = { good: 'Good', okay: 'Okay', bad: 'Bad' } as const;
const ratings = (n: number) => (n === 1 ? '1 rating' : `${n} ratings`);

function Counts({ c }: { c: SatisfactionCounts }) {
  if (!c.total) return <span className="muted">–</span>;
  return (
    <span className="csat-counts">
      <strong>{percent(c.goodShare ?? 0)} good</strong>{' '}
      <span className="muted small">
        {c.good} good · {c.okay} okay · {c.bad} bad
      </span>
    </span>
  );
}

export function Satisfaction({ from, to }: { from: string; to: string }) {
  const { workspace } = useSession();
  const range = { from, to };
  const { data, error } = useLoad<SatisfactionData>(wsPath(workspace.id, '/analytics/satisfaction', range));
  const csv = wsPath(workspace.id, '/analytics/satisfaction', { ...range, format: 'csv' });
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!data) return null;
  const none = data.human.total + data.ai.total === 0;
  return (
    <section className="card panel csat" aria-labelledby="csat-title">
      <div className="panel-head">
        <h2 id="csat-title">How did we do?</h2>
        <span className="muted small">Visitors’ ratings after a chat was resolved.</span>
        <a className="btn small" href={csv} download>
          Ratings CSV
        </a>
      </div>
      {none ? (
        <p className="muted">No ratings in this period. Ratings are asked for in Settings › After a chat.</p>
      ) : (
        <>
          <ul className="stat-cards">
            <li className="card stat">
              <span className="stat-label">Chats a person worked</span>
              <span className="stat-value">
                {data.human.total ? percent(data.human.goodShare ?? 0) : '–'} <small>good</small>
              </span>
              <span className="muted small">{ratings(data.human.total)}</span>
            </li>
            <li className="card stat">
              <span className="stat-label">Chats the AI answered alone</span>
              <span className="stat-value">
                {data.ai.total ? percent(data.ai.goodShare ?? 0) : '–'} <small>good</small>
              </span>
              <span className="muted small">{ratings(data.ai.total)}</span>
            </li>
          </ul>
          <div className="table-scroll">
            <table className="table feed-table">
              <caption className="sr-only">Ratings by tag</caption>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Chats a person worked</th>
                  <th scope="col">AI alone</th>
                </tr>
              </thead>
              <tbody>
                {data.tags.map((t) => (
                  <tr key={t.tagId ?? 'untagged'} data-tag={t.name}>
                    <th scope="row">
                      <span className="dot" style={{ background: t.color }} aria-hidden="true" /> {t.name}
                    </th>
                    <td>
                      <Counts c={t.human} />
                    </td>
                    <td>
                      <Counts c={t.ai} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.agents.length > 0 && (
            <>
              <h3 className="csat-sub">Per agent</h3>
              <ul className="csat-agents">
                {data.agents.map((a) => (
                  <li key={a.userId}>
                    <span>{a.name}</span> <Counts c={a.counts} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.comments.length > 0 && (
            <>
              <h3 className="csat-sub">What visitors wrote</h3>
              <ul className="csat-comments">
                {data.comments.map((c) => (
                  <li key={c.conversationId + c.createdAt} className={`rating-${c.rating}`}>
                    <Link to={`/conversations/${c.conversationId}`} className="csat-comment">
                      <span className="csat-rating">
                        <span className="rating-dot" aria-hidden="true" /> {LABEL[c.rating]}
                      </span>
                      <q>{c.comment}</q>
                      <span className="muted small">
                        {c.handledBy === 'ai' ? 'AI alone' : (c.agentName ?? 'Team')}
                        {c.tags.length ? ` · ${c.tags.join(', ')}` : ''} · {clock(c.createdAt)}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
