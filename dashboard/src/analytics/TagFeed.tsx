/**
 * The tag feed: for a period, where the team's time goes by topic — summary figures, minutes per
 * tag and handoffs over time as charts, a table per tag with the trend against the previous
 * period, handoff reasons, minutes per agent — and a click on a tag lists its conversations.
 */
import { Suspense, type ReactNode } from 'react';
import { wsPath } from '../api';
import { percent, reasonLabel } from '../lib/format';
import { lazyPage } from '../lib/lazy';
import { navigate, useRoute } from '../router';
import { useSession } from '../session';
import '../styles/analytics.css';
import { PeriodPicker } from './PeriodPicker';
import { Satisfaction } from './Satisfaction';
import { minutes, periodParams, useLoad, usePeriod, withQuery } from './period';
import { TagConversations } from './TagConversations';
import { TargetBreaches } from './TargetBreaches';
import type { TagFeedData, TagFeedRow } from './types';

const MinutesByTag = lazyPage(() => import('./charts').then((m) => ({ default: m.MinutesByTag })));
const HandoffsOverTime = lazyPage(() => import('./charts').then((m) => ({ default: m.HandoffsOverTime })));

const PATH = '/tag-feed';
const keyOf = (r: Pick<TagFeedRow, 'tagId'>) => r.tagId ?? 'untagged';

export function TagFeed() {
  const { workspace } = useSession();
  const { query } = useRoute();
  const period = usePeriod(query);
  const range = { from: period.from, to: period.to };
  const { data: feed, error, loading } = useLoad<TagFeedData>(wsPath(workspace.id, '/analytics/tag-feed', range));
  const csv = wsPath(workspace.id, '/analytics/tag-feed', { ...range, format: 'csv' });

  const selectedKey = query.get('tag');
  const selected = feed?.tags.find((t) => keyOf(t) === selectedKey) ?? null;
  const select = (row: TagFeedRow | null) =>
    navigate(withQuery(PATH, { ...periodParams(query), tag: row ? keyOf(row) : null }));

  const active = feed?.tags.filter((t) => t.handoffs > 0 || t.humanMinutes > 0) ?? [];
  const quiet = feed?.tags.filter((t) => t.handoffs === 0 && t.humanMinutes === 0) ?? [];

  return (
    <div className="report" aria-busy={loading}>
      <header className="report-head">
        <div className="grow">
          <h1 className="page-title">Tag feed</h1>
          <p className="muted">Which topics take your team’s time — so you know what to teach the AI next.</p>
        </div>
        <PeriodPicker path={PATH} period={period} />
        <a className="btn" href={csv} download>
          Export CSV
        </a>
      </header>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!feed && !error && <p className="muted">Loading…</p>}

      {feed && (
        <>
          <Summary feed={feed} />
          <Satisfaction from={period.from} to={period.to} />
          {feed.chats === 0 ? (
            <div className="empty card">
              <p className="empty-title">No chats in this period</p>
              <p>Pick a longer period, or come back once visitors have talked to the widget.</p>
            </div>
          ) : active.length === 0 ? (
            <div className="empty card">
              <p className="empty-title">No handoffs in this period</p>
              <p>The AI answered every chat on its own: nothing cost your team time.</p>
            </div>
          ) : (
            <>
              <div className="report-grid">
                <Panel title="Human time by tag" hint="Click a bar to see its conversations.">
                  {active.some((t) => t.humanMinutes > 0) ? (
                    <Suspense fallback={<ChartLoading />}>
                      <MinutesByTag rows={active} onSelect={select} />
                    </Suspense>
                  ) : (
                    <p className="muted">No time recorded yet: handoffs were not picked up in this period.</p>
                  )}
                </Panel>
                <Panel title="Handoffs over time" hint="Per day, by tag.">
                  <Suspense fallback={<ChartLoading />}>
                    <HandoffsOverTime feed={feed} />
                  </Suspense>
                </Panel>
              </div>
              <TagTable rows={active} quiet={quiet} selectedKey={selectedKey} onSelect={select} />
              <TargetBreaches workspaceId={workspace.id} range={range} rows={feed.tags} />
              {selected && (
                <TagConversations
                  key={keyOf(selected) + period.from}
                  tag={selected}
                  from={period.from}
                  to={period.to}
                  onClose={() => select(null)}
                />
              )}
              <div className="report-grid">
                <Panel title="Why chats were handed off">
                  <BarList
                    items={Object.entries(feed.reasons)
                      .sort((a, b) => b[1] - a[1])
                      .map(([reason, n]) => ({
                        key: reason,
                        label: reasonLabel(reason) || reason,
                        value: n,
                        text: `${n} · ${percent(n / Math.max(1, feed.handedOff))}`,
                      }))}
                    empty="No handoffs."
                  />
                </Panel>
                <Panel title="Human time per agent" hint="Active time on the chats they owned.">
                  <BarList
                    items={[...feed.agents]
                      .sort((a, b) => b.humanMinutes - a.humanMinutes)
                      .map((a) => ({
                        key: a.userId,
                        label: a.name,
                        value: a.humanMinutes,
                        text: minutes(a.humanMinutes),
                      }))}
                    empty="Nobody has worked on a chat in this period."
                  />
                </Panel>
              </div>
              <p className="muted small">
                Human time counts an agent’s active moments on chats they own — replies, typing, reading with the tab
                open — with idle gaps capped at 2 minutes. A chat with two tags gives half its time to each, so every
                minute is counted once. Trends compare with the {period.days ? `${period.days} days` : 'period'} before.
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** How chats ended, each counted once; the AI is credited only for cited answers nobody had to follow up. */
function Summary({ feed }: { feed: TagFeedData }) {
  const share = (n: number) => (feed.chats ? n / feed.chats : 0);
  const notSure = feed.aiNotSure;
  const noReply = feed.noAiReply;
  const parts = [
    { key: 'ai', label: 'Answered by the AI', n: feed.answeredByAi, color: 'var(--ai)' },
    { key: 'unsure', label: 'AI not sure', n: notSure, color: 'var(--muted)' },
    { key: 'human', label: 'Handed to a person', n: feed.handedOff, color: 'var(--waiting)' },
  ];
  return (
    <ul className="stat-cards">
      <li className="card stat">
        <span className="stat-label">Chats</span>
        <span className="stat-value">{feed.chats}</span>
        <div className="split" aria-hidden="true">
          {parts.map((p) => (
            <span key={p.key} style={{ width: `${share(p.n) * 100}%`, background: p.color }} />
          ))}
        </div>
        {noReply > 0 && <span className="muted small">{noReply} without any reply from the AI</span>}
      </li>
      {parts.map((p) => (
        <li key={p.key} className="card stat">
          <span className="stat-label">
            <span className="dot" style={{ background: p.color }} aria-hidden="true" /> {p.label}
          </span>
          <span className="stat-value">
            {p.n} <small>{feed.chats ? percent(share(p.n)) : '–'}</small>
          </span>
          {p.key === 'ai' && <span className="muted small">cited answers, no handoff after</span>}
          {p.key === 'unsure' && <span className="muted small">only “I’m not sure” replies</span>}
        </li>
      ))}
      <li className="card stat">
        <span className="stat-label">Human time</span>
        <span className="stat-value">{minutes(feed.humanMinutes)}</span>
        {feed.handedOff > 0 && (
          <span className="muted small">{minutes(feed.humanMinutes / feed.handedOff)} per handoff</span>
        )}
      </li>
    </ul>
  );
}

function TagTable({
  rows,
  quiet,
  selectedKey,
  onSelect,
}: {
  rows: TagFeedRow[];
  quiet: TagFeedRow[];
  selectedKey: string | null;
  onSelect: (r: TagFeedRow) => void;
}) {
  return (
    <Panel title="By tag" hint="Click a tag to see its conversations.">
      <div className="table-scroll">
        <table className="table feed-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col" className="num">
                Handoffs
              </th>
              <th scope="col" className="num">
                Share of chats
              </th>
              <th scope="col" className="num">
                Human time
              </th>
              <th scope="col" className="num">
                Per chat
              </th>
              <th scope="col" className="num">
                First response
              </th>
              <th scope="col" className="num">
                Resolution
              </th>
              <th scope="col">vs previous</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={keyOf(r)} className={selectedKey === keyOf(r) ? 'selected' : undefined}>
                <th scope="row">
                  <button type="button" className="tag-link" onClick={() => onSelect(r)}>
                    <span className="dot" style={{ background: r.color }} aria-hidden="true" />
                    {r.name}
                  </button>
                </th>
                <td className="num">{r.handoffs}</td>
                <td className="num">{percent(r.share)}</td>
                <td className="num strong">{minutes(r.humanMinutes)}</td>
                <td className="num">{minutes(r.minutesPerChat)}</td>
                <td className="num">{r.firstResponseMinutes === null ? '–' : minutes(r.firstResponseMinutes)}</td>
                <td className="num">{r.resolutionMinutes === null ? '–' : minutes(r.resolutionMinutes)}</td>
                <td>
                  <Trend row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {quiet.length > 0 && (
        <p className="muted small">No handoffs this period: {quiet.map((t) => t.name).join(', ')}.</p>
      )}
    </Panel>
  );
}

/** Human time against the previous period: ▲ more time (worse), ▼ less. */
function Trend({ row }: { row: TagFeedRow }) {
  const cur = row.humanMinutes;
  const prev = row.previous.humanMinutes;
  const was = `Previous period: ${row.previous.handoffs} handoff${row.previous.handoffs === 1 ? '' : 's'}, ${minutes(prev)}`;
  let cls = 'trend flat';
  let text: ReactNode = '–';
  let words = 'no change';
  if (prev === 0 && cur > 0) {
    cls = 'trend up';
    text = '▲ new';
    words = 'new this period';
  } else if (prev > 0) {
    const change = (cur - prev) / prev;
    if (Math.abs(change) < 0.05) {
      text = '≈ same';
      words = 'about the same';
    } else {
      cls = change > 0 ? 'trend up' : 'trend down';
      text = `${change > 0 ? '▲' : '▼'} ${Math.round(Math.abs(change) * 100)}%`;
      words = `${change > 0 ? 'up' : 'down'} ${Math.round(Math.abs(change) * 100)}% in human time`;
    }
  }
  return (
    <span className={cls} title={was}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">
        {words}. {was}.
      </span>
      <span className="muted small trend-was" aria-hidden="true">
        was {row.previous.handoffs} · {minutes(prev)}
      </span>
    </span>
  );
}

function Panel({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="card panel">
      <div className="panel-head">
        <h2>{title}</h2>
        {hint && <span className="muted small">{hint}</span>}
      </div>
      {children}
    </section>
  );
}

function BarList({
  items,
  empty,
}: {
  items: { key: string; label: string; value: number; text: string }[];
  empty: string;
}) {
  if (!items.length) return <p className="muted">{empty}</p>;
  const max = Math.max(...items.map((i) => i.value), 1);
  return (
    <ul className="bar-list">
      {items.map((i) => (
        <li key={i.key}>
          <span className="bar-label">{i.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(i.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{i.text}</span>
        </li>
      ))}
    </ul>
  );
}

function ChartLoading() {
  return (
    <div className="chart-loading muted" aria-busy="true">
      Drawing the chart…
    </div>
  );
}
