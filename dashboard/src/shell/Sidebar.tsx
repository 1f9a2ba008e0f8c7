import { useEffect, useState } from 'react';
import { api, wsPath } from '../api';
import { Link } from '../ui/Link';
import { useRoute } from '../router';
import { useSession } from '../session';
import { announceSetup, SETUP_EVENT } from '../onboarding/useGetStarted';
import type { GetStartedState } from '../types';
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
  const setupLeft = useSetupLeft(segments[0]);
  // On a narrow screen the list is the Menu button's drop-down; going anywhere closes it.
  const [open, setOpen] = useState(false);
  const path = segments.join('/');
  useEffect(() => setOpen(false), [path]);

  return (
    <nav className={open ? 'sidebar is-open' : 'sidebar'} aria-label="Inbox views">
      <button
        type="button"
        className={open ? 'btn small menu-toggle is-on' : 'btn small menu-toggle'}
        aria-expanded={open}
        aria-controls="nav-list"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> Menu
        {counts.waiting > 0 && <span className="count urgent">{counts.waiting} waiting</span>}
      </button>
      <div className="nav-body" id="nav-list">
        {setupLeft > 0 && (
          <Link to="/get-started" current={segments[0] === 'get-started'} className="nav-item setup-link">
            <span className="grow">Get started</span>
            <span className="count">{setupLeft} left</span>
          </Link>
        )}
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
          <li>
            <Link to="/try" current={segments[0] === 'try'} className="nav-item">
              Try your assistant
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
      </div>
    </nav>
  );
}

/** How many Get started steps are left (0 once all are done: the link goes). Read again on each page change. */
function useSetupLeft(page: string | undefined): number {
  const { workspace, isAdmin } = useSession();
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!isAdmin) return;
    let live = true;
    const fresh = (e: Event) => setLeft((e as CustomEvent<number>).detail);
    window.addEventListener(SETUP_EVENT, fresh);
    api.get<GetStartedState>(wsPath(workspace.id, '/get-started')).then(
      (s) => live && announceSetup(s),
      () => undefined,
    );
    return () => {
      live = false;
      window.removeEventListener(SETUP_EVENT, fresh);
    };
  }, [workspace.id, isAdmin, page]);
  return left;
}
