/** The signed-in layout: top bar, the left nav with live counts, and the page for the route. */
import { Suspense, useEffect } from 'react';
import { Inbox } from '../inbox/Inbox';
import { lazyPage } from '../lib/lazy';
import { useConversations } from '../inbox/useConversations';
import { navigate, useRoute } from '../router';
import { useSession } from '../session';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Sidebar, type Counts } from './Sidebar';
import { TopBar } from './TopBar';
import { useHandoffAlerts } from './useHandoffAlerts';

// Settings are visited rarely: load them on first visit so the inbox opens faster. A chunk gone
// since an upgrade reloads the page once (lib/lazy.ts).
const Settings = lazyPage(() => import('../settings/Settings').then((m) => ({ default: m.Settings })));
// The reports too; the tag feed's charts come in a further chunk of their own.
const TagFeed = lazyPage(() => import('../analytics/TagFeed').then((m) => ({ default: m.TagFeed })));
const KnowledgeGaps = lazyPage(() => import('../analytics/KnowledgeGaps').then((m) => ({ default: m.KnowledgeGaps })));
// The first setup's pages.
const GetStarted = lazyPage(() => import('../onboarding/GetStarted').then((m) => ({ default: m.GetStarted })));
const TryAssistant = lazyPage(() => import('../onboarding/TryAssistant').then((m) => ({ default: m.TryAssistant })));
const PAGES = ['inbox', 'settings', 'tag-feed', 'knowledge-gaps', 'get-started', 'try'];
const LAZY_PAGES = new Set(PAGES.filter((p) => p !== 'inbox'));

export function Shell() {
  const route = useRoute();
  const { workspace, me } = useSession();
  const open = useConversations(workspace.id, { view: 'open', limit: 200 });
  useHandoffAlerts();

  const [section, conversationId] = route.segments;
  useEffect(() => {
    // `/conversations/:id` (links in emails and reports) opens the chat in the inbox.
    if (section === 'conversations' && conversationId) navigate(`/inbox/all/${conversationId}`, { replace: true });
    else if (!PAGES.includes(section)) navigate('/inbox/waiting', { replace: true });
  }, [section, conversationId]);

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
        <ErrorBoundary key={section}>
          {LAZY_PAGES.has(section) ? (
            <Suspense fallback={<p className="muted pad">Loading…</p>}>
              {section === 'settings' && <Settings section={route.segments[1] ?? 'members'} />}
              {section === 'tag-feed' && <TagFeed />}
              {section === 'knowledge-gaps' && <KnowledgeGaps />}
              {section === 'get-started' && <GetStarted />}
              {section === 'try' && <TryAssistant />}
            </Suspense>
          ) : (
            <Inbox />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
