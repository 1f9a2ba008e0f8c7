/** The drill-down under the tag feed: one tag's conversations in the period, costliest first. */
import { useEffect, useRef } from 'react';
import { wsPath } from '../api';
import { clock, reasonLabel, visitorName } from '../lib/format';
import { useSession } from '../session';
import type { Conversation } from '../types';
import { Link } from '../ui/Link';
import { minutes, useLoad } from './period';
import type { TagConversation, TagFeedRow } from './types';

export function TagConversations({
  tag,
  from,
  to,
  onClose,
}: {
  tag: TagFeedRow;
  from: string;
  to: string;
  onClose: () => void;
}) {
  const { workspace } = useSession();
  const list = useLoad<TagConversation[]>(
    wsPath(workspace.id, '/analytics/tag-feed/conversations', { tagId: tag.tagId ?? undefined, from, to }),
  );
  // The drill-down gives ids only; the inbox list adds who wrote and when, where it has them.
  const details = useLoad<Conversation[]>(
    wsPath(workspace.id, '/conversations', { view: 'all', tagId: tag.tagId ?? undefined, limit: '200' }),
  );
  const byId = new Map((details.data ?? []).map((c) => [c.id, c]));
  const rows = [...(list.data ?? [])].sort((a, b) => b.humanMinutes - a.humanMinutes);

  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // In braces: newer browsers return a promise from scrollIntoView, which is no cleanup.
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);

  return (
    <section ref={ref} className="card panel drill" aria-labelledby="drill-title">
      <div className="panel-head">
        <h2 id="drill-title">
          <span className="dot" style={{ background: tag.color }} aria-hidden="true" /> {tag.name}: conversations
        </h2>
        <span className="muted small">
          {tag.conversations} chat{tag.conversations === 1 ? '' : 's'} · {minutes(tag.humanMinutes)} of human time
        </span>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="Close the conversation list">
          ×
        </button>
      </div>
      {list.error && (
        <p className="form-error" role="alert">
          {list.error}
        </p>
      )}
      {!list.data && !list.error && <p className="muted">Loading…</p>}
      {list.data?.length === 0 && <p className="muted">No conversations with this tag in the period.</p>}
      {rows.length > 0 && (
        <ul className="drill-list">
          {rows.map((r) => {
            const c = byId.get(r.conversationId);
            return (
              <li key={r.conversationId}>
                <Link to={`/conversations/${r.conversationId}`} className="drill-item">
                  <span className="drill-main">
                    <span className="drill-name">
                      {c ? visitorName(c) : `Conversation ${r.conversationId.slice(0, 8)}`}
                    </span>
                    {c?.preview && <span className="muted small drill-preview">{c.preview}</span>}
                  </span>
                  {r.handoffReason && <span className="badge">{reasonLabel(r.handoffReason)}</span>}
                  {c && <span className="muted small">{clock(c.createdAt)}</span>}
                  <span className="drill-minutes">{minutes(r.humanMinutes)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
