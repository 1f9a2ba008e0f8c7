/** The signed-in layout: top bar, the left nav with live counts, and the page for the route. */
import { lazy, Suspense, useEffect } from 'react';
import { Inbox } from '../inbox/Inbox';
import { useConversations } from '../inbox/useConversations';
import { navigate, useRoute } from '../router';
import { useSession } from '../session';
import { Sidebar, type Counts } from './Sidebar';
import { TopBar } from './TopBar';
import { useHandoffAlerts } from './useHandoffAlerts';

// Settings are visited rarely: load them on first visit so the inbox opens faster.
const Settings = lazy(() => import('../settings/Settings').then((m) => ({ default: m.Settings })));

export function Shell() {
  const route = useRoute();
  const { workspace, me } = useSession();
  const open = useConversations(workspace.id, { view: 'open', limit: 200 });
  useHandoffAlerts();

  const [section] = route.segments;
  useEffect(() => {
    if (section !== 'inbox' && section !== 'settings') navigate('/inbox/waiting', { replace: true });
  }, [section]);

  const counts: Counts = { waiting: 0, mine: 0, open: 0, byTag: {}, byTeam: {} };
  for (const c of open.items ?? []) {
    counts.open++;
    if (c.status === 'waiting') counts.waiting++;
    if (c.status === 'human' && c.assigneeId === me.user.id) counts.mine++;
    for (const t of c.tags) counts.byTag[t.id] = (counts.byTag[t.id] ?? 0) + 1;
    if (c.teamId) counts.byTeam[c.teamId] = (counts.byTeam[c.teamId] ?? 0) + 1;
  }

  useEffect(() => {
    document.title = counts.waiting ? `(${counts.waiting}) Chatref — ${workspace.name}` : `Chatref — ${workspace.name}`;
  }, [counts.waiting, workspace.name]);

  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <TopBar />
      <Sidebar counts={counts} />
      <main id="main" className="main" tabIndex={-1}>
        {section === 'settings' ? (
          <Suspense fallback={<p className="muted pad">Loading…</p>}>
            <Settings section={route.segments[1] ?? 'members'} />
          </Suspense>
        ) : (
          <Inbox />
        )}
      </main>
    </div>
  );
}
