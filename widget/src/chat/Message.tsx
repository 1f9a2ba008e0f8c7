/** One entry of the thread: a bubble that says who wrote it, or a small centred note for events. */
import type { EventName } from '../../../protocol/events';
import type { Citation } from '../../../protocol/socket';
import { LinkIcon, SparkIcon } from './icons';
import type { ThreadMessage } from './thread';

/** What an event note says when the server sent no text of its own. */
function eventText(m: ThreadMessage): string {
  if (m.body) return m.body;
  const agent = typeof m.meta.agentName === 'string' ? m.meta.agentName : m.author.name;
  const texts: Partial<Record<EventName, string>> = {
    'handoff.created': 'Handed to the team',
    'conversation.assigned': `${agent || 'Someone from the team'} joined the chat`,
    'conversation.resolved': 'Conversation resolved',
    'conversation.ended': 'Chat ended',
    'conversation.handed_back': 'The assistant is back: ask away',
  };
  return (m.meta.event && texts[m.meta.event]) || '';
}

export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

const time = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

export function authorName(m: Pick<ThreadMessage, 'author'>, botName: string): string {
  if (m.author.type === 'visitor') return 'You';
  if (m.author.type === 'bot') return botName;
  return m.author.name || 'Support';
}

function Citations({ items }: { items: Citation[] }) {
  return (
    <div class="sources">
      <span class="sources-label">Sources</span>
      <ul>
        {items.map((c) => (
          <li key={c.chunkId}>
            {c.url ? (
              <a href={c.url} target="_blank" rel="noopener noreferrer">
                {c.title}
                <LinkIcon />
                <span class="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              <span class="source">{c.title}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Props {
  m: ThreadMessage;
  botName: string;
  /** The previous entry was written by the same author: show the name to screen readers only. */
  continued: boolean;
}

export function Message({ m, botName, continued }: Props) {
  if (m.kind === 'event') {
    const text = eventText(m);
    return text ? <p class="note">{text}</p> : null;
  }
  const who = authorName(m, botName);
  const side = m.author.type === 'visitor' ? 'mine' : 'theirs';
  const citations = m.author.type === 'bot' ? (m.meta.citations ?? []) : [];
  return (
    <div
      class={`msg ${side} ${m.author.type}${continued ? ' continued' : ''}${m.local === 'pending' ? ' pending' : ''}`}
    >
      {side === 'theirs' && (
        <span class="avatar" aria-hidden="true">
          {continued ? null : m.author.type === 'bot' ? <SparkIcon /> : initials(who)}
        </span>
      )}
      <div class="stack">
        <span class={continued ? 'sr-only' : 'who'}>
          {who}
          {m.author.type === 'bot' && !continued && <span class="tag">AI</span>}
          <span class="sr-only">: </span>
        </span>
        <div class="bubble">{m.body}</div>
        {citations.length > 0 && <Citations items={citations} />}
        <span class="meta">{m.local === 'pending' ? 'Sending…' : time(m.createdAt)}</span>
      </div>
    </div>
  );
}

/** The workspace's greeting, drawn as the assistant's first bubble (not stored on the server). */
export function Greeting({ text, botName }: { text: string; botName: string }) {
  return (
    <div class="msg theirs bot">
      <span class="avatar" aria-hidden="true">
        <SparkIcon />
      </span>
      <div class="stack">
        <span class="who">
          {botName}
          <span class="tag">AI</span>
          <span class="sr-only">: </span>
        </span>
        <div class="bubble">{text}</div>
      </div>
    </div>
  );
}
