/** The inbox page: the list for the chosen view (with search) beside the open conversation. */
import { useEffect, useState } from 'react';
import { ConversationView } from '../conversation/ConversationView';
import { navigate, useRoute } from '../router';
import { useSession } from '../session';
import type { View } from '../types';
import { useWorkspaceData } from '../workspace-data';
import { ConversationList } from './ConversationList';
import { useConversations, type ConversationQuery } from './useConversations';

const VIEWS: View[] = ['waiting', 'mine', 'open', 'resolved', 'all'];
const TITLES: Record<View, string> = {
  waiting: 'Waiting for a person',
  mine: 'Mine',
  open: 'All open',
  resolved: 'Resolved',
  all: 'Everything',
};

/** `waiting`, `tag:<id>` or `team:<id>` → the API query and a title. */
function parseFilter(
  filter: string,
  tagName: (id: string) => string,
  teamName: (id: string) => string,
): { query: ConversationQuery; title: string } {
  if (filter.startsWith('tag:'))
    return { query: { view: 'open', tagId: filter.slice(4) }, title: `Tag: ${tagName(filter.slice(4))}` };
  if (filter.startsWith('team:'))
    return { query: { view: 'open', teamId: filter.slice(5) }, title: `Team: ${teamName(filter.slice(5))}` };
  const view = (VIEWS as string[]).includes(filter) ? (filter as View) : 'waiting';
  return { query: { view }, title: TITLES[view] };
}

export function Inbox() {
  const { segments, query: search } = useRoute();
  const { workspace } = useSession();
  const { tags, teamName } = useWorkspaceData();
  const filter = segments[1] ?? 'waiting';
  const selected = segments[2] ?? null;
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const { query, title } = parseFilter(
    filter,
    (id) => tags.find((t) => t.id === id)?.name ?? '…',
    (id) => teamName(id) ?? '…',
  );
  const { items, error } = useConversations(workspace.id, { ...query, q: q || undefined });

  // Search as you type, without a history entry per key.
  useEffect(() => {
    if (draft === q) return;
    const t = setTimeout(() => {
      const qs = draft.trim() ? `?q=${encodeURIComponent(draft.trim())}` : '';
      navigate(`/inbox/${filter}${selected ? `/${selected}` : ''}${qs}`, { replace: true });
    }, 250);
    return () => clearTimeout(t);
  }, [draft, q, filter, selected]);

  return (
    <div className={selected ? 'inbox has-selection' : 'inbox'}>
      <section className="list-pane" aria-labelledby="list-title">
        <div className="list-head">
          <h1 id="list-title">{title}</h1>
          <input
            type="search"
            className="search"
            aria-label="Search conversations"
            placeholder="Search messages, names, emails"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <ConversationList items={items} error={error} selected={selected} view={query.view} searching={!!q} />
      </section>
      <section className="detail-pane" aria-label="Conversation">
        {selected ? (
          <ConversationView
            key={selected}
            id={selected}
            onClose={() => navigate(`/inbox/${filter}${q ? `?q=${encodeURIComponent(q)}` : ''}`)}
          />
        ) : (
          <div className="empty center">
            <p className="empty-title">No conversation open</p>
            <p>Pick one from the list. New handoffs appear here as they arrive.</p>
          </div>
        )}
      </section>
    </div>
  );
}
