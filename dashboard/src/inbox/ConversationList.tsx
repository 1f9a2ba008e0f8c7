import { duration, reasonLabel, STATUS_LABEL, visitorName } from '../lib/format';
import { useNow } from '../lib/useNow';
import type { Conversation, View } from '../types';
import { Link } from '../ui/Link';
import { TagChip } from '../ui/TagChip';
import { useRoute } from '../router';
import { useWorkspaceData } from '../workspace-data';
import { TargetClock } from './TargetClock';

interface Props {
  items: Conversation[] | null;
  error: string | null;
  selected: string | null;
  view: View;
  searching: boolean;
}

const EMPTY: Record<View, [string, string]> = {
  waiting: ['Nobody is waiting', 'When the AI hands a chat over, it appears here, oldest first.'],
  mine: ['Nothing assigned to you', 'Pick up a chat from “Waiting for a person”.'],
  open: ['No open conversations', 'Chats handed to people show up here until they are resolved.'],
  resolved: ['Nothing resolved yet', 'Resolved conversations are kept here.'],
  all: ['No conversations yet', 'Once visitors use the chat on your site, their conversations appear here.'],
};

export function ConversationList({ items, error, selected, view, searching }: Props) {
  const now = useNow(5_000);
  const { memberName } = useWorkspaceData();
  const { segments, query } = useRoute();
  const filter = segments[1] ?? 'waiting';
  const qs = query.get('q') ? `?q=${encodeURIComponent(query.get('q') ?? '')}` : '';

  if (error)
    return (
      <p className="form-error pad" role="alert">
        {error}
      </p>
    );
  if (!items)
    return (
      <p className="muted pad" aria-busy="true">
        Loading…
      </p>
    );
  if (!items.length) {
    const [title, text] = searching ? ['No matches', 'Try another word, a name or an email.'] : EMPTY[view];
    return (
      <div className="empty">
        <p className="empty-title">{title}</p>
        <p>{text}</p>
      </div>
    );
  }

  return (
    <ul className="conv-list">
      {items.map((c) => {
        const assignee = memberName(c.assigneeId);
        return (
          <li key={c.id}>
            <Link
              to={`/inbox/${filter}/${c.id}${qs}`}
              current={selected === c.id}
              className={`conv-item status-${c.status}`}
            >
              <span className="conv-top">
                <span className="conv-name">{visitorName(c)}</span>
                {c.status === 'waiting' && c.waitingSince ? (
                  <span className="waiting" title="Waiting for a person">
                    {c.queuePosition ? `#${c.queuePosition} · ` : ''}
                    {duration(c.waitingSince, now)}
                  </span>
                ) : (
                  <span className="muted small">{duration(c.updatedAt, now)}</span>
                )}
              </span>
              <span className="conv-preview">{c.preview ?? 'No messages yet'}</span>
              <span className="conv-meta">
                <span className={`badge badge-${c.status}`}>
                  {c.status === 'human' && assignee ? assignee : STATUS_LABEL[c.status]}
                </span>
                {c.status === 'waiting' && c.handoffReason && (
                  <span className="muted small">{reasonLabel(c.handoffReason)}</span>
                )}
                <TargetClock c={c} now={now} />
                {c.tags.slice(0, 3).map((t) => (
                  <TagChip key={t.id} tag={t} />
                ))}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
