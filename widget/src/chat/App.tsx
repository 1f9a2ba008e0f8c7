/** The chat panel: header, the thread (a `log`), where things stand, and the composer. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { WidgetConfig } from '../types';
import type { ChatClient, ChatState } from './client';
import { Composer } from './Composer';
import { FollowUp } from './FollowUp';
import { ChevronDown, CloseIcon, PersonIcon, SparkIcon } from './icons';
import { Greeting, initials, Message } from './Message';
import { Status } from './Status';

export interface AppProps {
  client: ChatClient;
  config: WidgetConfig;
  open: boolean;
  /** Changes each time the panel is opened by the visitor: focus the text box then. */
  focusSeq: number;
  onClose(): void;
}

function useChat(client: ChatClient): ChatState {
  const [s, setS] = useState(client.snapshot);
  useEffect(() => client.subscribe(setS), [client]);
  return s;
}

/** A chat waiting while nobody can take it: the header says so, as the "leave your email" card does. */
function nobodyHere(s: ChatState): boolean {
  return s.state?.status === 'waiting' && (!s.state.agentsOnline || !s.state.withinHours);
}

function subtitle(s: ChatState): string {
  switch (s.state?.status) {
    case 'waiting':
      return nobodyHere(s) ? 'No one is online right now' : 'Connecting you to the team';
    case 'human':
      return 'Joined the chat';
    case 'resolved':
      return 'Conversation resolved — write again anytime';
    default:
      if (s.everConnected && !s.connected) return 'Reconnecting…';
      return s.notice ? 'AI assistant · busy, a reply is coming' : 'AI assistant · answers instantly';
  }
}

export function App({ client, config, open, focusSeq, onClose }: AppProps) {
  const s = useChat(client);
  const input = useRef<HTMLTextAreaElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [restore, setRestore] = useState<{ body: string; n: number } | null>(null);

  useEffect(() => {
    client.onRefused = (body) => setRestore((r) => ({ body, n: (r?.n ?? 0) + 1 }));
  }, [client]);

  useEffect(() => {
    if (open && focusSeq) input.current?.focus();
  }, [open, focusSeq]);

  // Follow the conversation unless the visitor scrolled up to read.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && (stick.current || s.messages[s.messages.length - 1]?.author.type === 'visitor'))
      el.scrollTop = el.scrollHeight;
  }, [s.messages, s.typing, open]);
  // ...also when the panel changes size (phone rotated, keyboard shown, status card appears).
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const human = s.state?.status === 'human';
  const title = human && s.state?.agentName ? s.state.agentName : config.botName;
  const lastBot = [...s.messages].reverse().find((m) => m.author.type === 'bot');
  const suggest = Boolean(lastBot?.meta.suggestHandoff);
  const withBot = (s.state?.status ?? 'bot') === 'bot' && !s.handoffAsked;
  // A chat only the AI had may be ended by the visitor (then rated and emailed, see FollowUp).
  // A new visitor's state names no conversation until it changes: the stored messages do.
  const conversationId = s.state?.conversationId ?? s.messages.find((m) => m.conversationId)?.conversationId ?? null;
  const canEnd = withBot && !!conversationId && s.messages.some((m) => m.author.type === 'bot');
  const resolution = String(
    [...s.messages]
      .reverse()
      .find((m) => m.meta.event === 'conversation.resolved' || m.meta.event === 'conversation.ended')?.seq ?? 0,
  );

  return (
    <section
      class="panel"
      role="dialog"
      aria-label={`Chat with ${config.botName}`}
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="head">
        <span class="avatar big" aria-hidden="true">
          {human && s.state?.agentName ? initials(s.state.agentName) : <SparkIcon />}
        </span>
        <div class="titles">
          <h2>{title}</h2>
          <p>
            <span class={`dot${s.connected && !nobodyHere(s) ? ' on' : ''}`} aria-hidden="true" />
            {subtitle(s)}
          </p>
        </div>
        <button type="button" class="icon-btn" aria-label="Minimize chat" onClick={onClose}>
          <ChevronDown />
        </button>
      </header>

      <div
        class="scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        <div class="log" role="log" aria-live="polite" aria-label="Messages">
          {config.greeting && <Greeting text={config.greeting} botName={config.botName} />}
          {s.messages.map((m, i) => {
            const prev = i > 0 ? s.messages[i - 1] : null;
            const continued =
              !!prev &&
              prev.kind !== 'event' &&
              m.kind !== 'event' &&
              prev.author.type === m.author.type &&
              prev.author.name === m.author.name;
            return (
              <Message
                key={m.author.type === 'visitor' ? `c:${m.clientId}` : `m:${m.id}`}
                m={m}
                botName={config.botName}
                continued={continued || (i === 0 && m.author.type === 'bot' && !!config.greeting)}
              />
            );
          })}
        </div>
        {s.typing && (
          <div class="typing">
            <span class="dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
            {s.typing} is typing…
          </div>
        )}
        {s.notice && (
          <div class="notice" role="status">
            <span class="dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
            {s.notice}
          </div>
        )}
      </div>

      <div class="dock">
        <Status
          state={s.state}
          emailSaved={s.emailSaved}
          handoffAsked={s.handoffAsked}
          saveEmail={(e) => client.saveEmail(e)}
        />
        <FollowUp client={client} state={s.state} resolution={resolution} />
        {s.error && (
          <p class="error" role="alert">
            <span>{s.error}</span>
            <button
              type="button"
              class="icon-btn small"
              aria-label="Dismiss error"
              onClick={() => client.dismissError()}
            >
              <CloseIcon />
            </button>
          </p>
        )}
        {withBot && (
          <div class="actions">
            <button type="button" class={`handoff${suggest ? ' suggested' : ''}`} onClick={() => client.askForPerson()}>
              <PersonIcon />
              Talk to a person
            </button>
            {canEnd && (
              <button
                type="button"
                class="link-btn end-chat"
                onClick={() => void client.request('end', { conversationId })}
              >
                End chat
              </button>
            )}
          </div>
        )}
        <Composer
          inputRef={input}
          restore={restore}
          onSend={(b) => client.send(b)}
          onTyping={() => client.typing(true)}
        />
        <p class="brand">
          Powered by <strong>Chatref</strong>
        </p>
      </div>
    </section>
  );
}
