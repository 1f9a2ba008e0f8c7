/** One conversation: header with actions, the whole thread, the reply box, and the side panel. */
import { useState } from 'react';
import { assigneesBefore, duration, STATUS_LABEL, visitorName } from '../lib/format';
import { useNow } from '../lib/useNow';
import { useSession } from '../session';
import { useWorkspaceData } from '../workspace-data';
import { Actions } from './Actions';
import { Composer } from './Composer';
import { Copilot } from './Copilot';
import { MessageItem } from './MessageItem';
import { SidePanel } from './SidePanel';
import { useActivityHeartbeat } from './useActivityHeartbeat';
import { useConversation } from './useConversation';
import { useStickToBottom } from './useStickToBottom';

export function ConversationView({ id, onClose }: { id: string; onClose: () => void }) {
  const { workspace } = useSession();
  const { memberName, teamName } = useWorkspaceData();
  const { data: c, error, reload, addMessage, typing } = useConversation(workspace.id, id);
  const now = useNow();
  // Only time on chats a person owns is counted; the server decides, the heartbeat just reports.
  useActivityHeartbeat(id, c?.status === 'human');
  const [draft, setDraft] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  // On a narrow screen the details panel takes the thread's place while it is shown.
  const [details, setDetails] = useState(false);
  // The newest message stays in view as messages arrive and as the panels below load.
  const log = useStickToBottom<HTMLOListElement>(id, [c?.messages.length, typing.length]);

  if (error && !c)
    return (
      <div className="empty center" role="alert">
        <p className="empty-title">Could not open this conversation</p>
        <p>{error}</p>
      </div>
    );
  if (!c)
    return (
      <p className="muted pad" aria-busy="true">
        Loading conversation…
      </p>
    );

  const name = visitorName(c);
  const assignee = memberName(c.assigneeId);
  const holders = assigneesBefore(c.messages);
  const typists = typing.map((t) => (t === 'visitor' ? 'Visitor' : t));

  return (
    <div className="conversation">
      <header className="conv-header">
        <button type="button" className="btn ghost small back" onClick={onClose} aria-label="Back to the list">
          ←
        </button>
        <div className="conv-title">
          <h2>{name}</h2>
          <p className="muted small">
            <span className={`badge badge-${c.status}`}>{STATUS_LABEL[c.status]}</span>
            {c.status === 'waiting' &&
              c.waitingSince &&
              // "Waiting · for 4 min", not "Waiting waiting 4 min".
              ` · ${waitedFor(duration(c.waitingSince, now))}${c.queuePosition ? ` · #${c.queuePosition} in line` : ''}`}
            {c.status === 'human' && assignee && ` · ${assignee}`}
            {c.teamId && ` · ${teamName(c.teamId) ?? 'team'}`}
          </p>
        </div>
        <button
          type="button"
          className={details ? 'btn small details-toggle is-on' : 'btn small details-toggle'}
          aria-expanded={details}
          aria-controls={`details-${c.id}`}
          onClick={() => setDetails(!details)}
        >
          Details
        </button>
        <Actions c={c} onChanged={reload} />
      </header>
      <div className={details ? 'conv-body show-details' : 'conv-body'}>
        <div className="thread-col">
          <ol
            className="thread"
            ref={log.ref}
            role="log"
            aria-label="Messages"
            aria-live="polite"
            tabIndex={0}
            onScroll={log.onScroll}
          >
            {c.messages.length === 0 && <li className="muted pad">No messages yet.</li>}
            {c.messages.map((m, i) => (
              <MessageItem key={m.id} m={m} teamName={teamName} previousAgent={holders[i]} />
            ))}
          </ol>
          <p className="typing" aria-live="polite">
            {typists.length > 0 ? `${typists.join(', ')} ${typists.length > 1 ? 'are' : 'is'} typing…` : ''}
          </p>
          {c.status !== 'resolved' && (
            <Copilot c={c} onUse={(text) => setDraft((d) => ({ text, n: d.n + 1 }))} onTagged={reload} />
          )}
          <Composer c={c} onSent={addMessage} draft={draft} />
        </div>
        <SidePanel id={`details-${c.id}`} c={c} onChanged={reload} />
      </div>
    </div>
  );
}

/** How long a chat has waited, after its "Waiting" badge: "for 4 min", "just now". */
const waitedFor = (d: string) => (d === 'just now' ? d : `for ${d}`);
