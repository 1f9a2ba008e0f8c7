import { Link } from '../ui/Link';
import { useRoute } from '../router';
import { useWorkspaceData } from '../workspace-data';

export interface Counts {
  waiting: number;
  mine: number;
  open: number;
  byTag: Record<string, number>;
  byTeam: Record<string, number>;
}

const VIEWS = [
  { key: 'waiting', label: 'Waiting for a person', count: (c: Counts) => c.waiting },
  { key: 'mine', label: 'Mine', count: (c: Counts) => c.mine },
  { key: 'open', label: 'All open', count: (c: Counts) => c.open },
  { key: 'resolved', label: 'Resolved', count: () => null },
  { key: 'all', label: 'Everything', count: () => null },
] as const;

/** The inbox views with their live counts, then tags and teams, then settings. */
export function Sidebar({ counts }: { counts: Counts }) {
  const { segments } = useRoute();
  const { tags, teams } = useWorkspaceData();
  const filter = segments[0] === 'inbox' ? (segments[1] ?? 'waiting') : null;

  return (
    <nav className="sidebar" aria-label="Inbox views">
      <h2 className="nav-heading">Inbox</h2>
      <ul className="nav-list">
        {VIEWS.map((v) => {
          const n = v.count(counts);
          return (
            <li key={v.key}>
              <Link
                to={`/inbox/${v.key}`}
                current={filter === v.key}
                className={v.key === 'waiting' && n ? 'nav-item urgent' : 'nav-item'}
              >
                <span>{v.label}</span>
                {n !== null && <span className="count">{n}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
      <h2 className="nav-heading">Insights</h2>
      <ul className="nav-list">
        <li>
          <Link to="/tag-feed" current={segments[0] === 'tag-feed'} className="nav-item">
            Tag feed
          </Link>
        </li>
        <li>
          <Link to="/knowledge-gaps" current={segments[0] === 'knowledge-gaps'} className="nav-item">
            Knowledge gaps
          </Link>
        </li>
      </ul>
      {tags.length > 0 && (
        <>
          <h2 className="nav-heading">Open by tag</h2>
          <ul className="nav-list">
            {tags.map((t) => (
              <li key={t.id}>
                <Link to={`/inbox/tag:${t.id}`} current={filter === `tag:${t.id}`} className="nav-item">
                  <span className="dot" style={{ background: t.color }} aria-hidden="true" />
                  <span className="grow">{t.name}</span>
                  {counts.byTag[t.id] ? <span className="count">{counts.byTag[t.id]}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {teams.length > 0 && (
        <>
          <h2 className="nav-heading">Open by team</h2>
          <ul className="nav-list">
            {teams.map((t) => (
              <li key={t.id}>
                <Link to={`/inbox/team:${t.id}`} current={filter === `team:${t.id}`} className="nav-item">
                  <span className="grow">{t.name}</span>
                  {counts.byTeam[t.id] ? <span className="count">{counts.byTeam[t.id]}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="nav-foot">
        <Link to="/settings/members" current={segments[0] === 'settings'} className="nav-item">
          Settings
        </Link>
      </div>
    </nav>
  );
}
