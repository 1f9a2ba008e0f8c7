/** The tag feed's waiting-time targets panel: per tag, the handoffs that missed each target. */
import { wsPath } from '../api';
import '../styles/targets.css';
import { useLoad } from './period';
import type { TagFeedRow } from './types';
import type { TargetBreachData } from '../../../protocol/analytics';

const mins = (s: number) => (s % 60 ? `${Math.round((s / 60) * 10) / 10} min` : `${s / 60} min`);

export function TargetBreaches({
  workspaceId,
  range,
  rows,
}: {
  workspaceId: string;
  range: { from?: string; to?: string };
  /** The feed's tags, for names and colours. */
  rows: TagFeedRow[];
}) {
  const { data } = useLoad<TargetBreachData>(wsPath(workspaceId, '/analytics/target-breaches', range));
  if (!data || data.total.handoffs === 0) return null;
  const named = data.tags.map((b) => ({ ...b, tag: rows.find((r) => r.tagId === b.tagId) }));
  return (
    <section className="card panel" aria-label="Waiting-time targets">
      <div className="panel-head">
        <h2>Waiting-time targets</h2>
        <span className="muted small">
          First response within {mins(data.targets.firstResponseS)}, resolution within {mins(data.targets.resolutionS)}{' '}
          of the handoff.
        </span>
      </div>
      <div className="table-scroll">
        <table className="table breach-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col" className="num">
                Handoffs
              </th>
              <th scope="col" className="num">
                Missed first response
              </th>
              <th scope="col" className="num">
                Missed resolution
              </th>
            </tr>
          </thead>
          <tbody>
            {named.map((b) => (
              <tr key={b.tagId ?? 'untagged'}>
                <th scope="row">
                  <span className="dot" style={{ background: b.tag?.color ?? '#94a3b8' }} aria-hidden="true" />{' '}
                  {b.tag?.name ?? (b.tagId ? 'Other tag' : 'Untagged')}
                </th>
                <td className="num">{b.handoffs}</td>
                <td className={`num${b.firstResponseBreaches ? ' strong' : ''}`}>{b.firstResponseBreaches}</td>
                <td className={`num${b.resolutionBreaches ? ' strong' : ''}`}>{b.resolutionBreaches}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">All handoffs</th>
              <td className="num">{data.total.handoffs}</td>
              <td className="num">{data.total.firstResponseBreaches}</td>
              <td className="num">{data.total.resolutionBreaches}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
