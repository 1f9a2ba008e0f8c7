/**
 * The widget's side of the socket: identify the visitor (signed token), check the page's origin,
 * then send / sync / typing / ask for a person / leave an email. Each handler is one command.
 */
import { randomUUID } from 'node:crypto';
import { ContactUpdate, Sync, Typing, VisitorAuth, VisitorHandoff, VisitorSend } from '../../protocol/schemas';
import type { VisitorSession } from '../../protocol/socket';
import { issueVisitorToken, newVisitorId, verifyVisitorToken } from '../auth/visitor-token';
import type { Conversation, Message } from '../commands/conversations';
import { updateContact } from '../commands/contacts';
import { visitorConversation, visitorSends, visitorStarts, type InlineAnswerer } from '../commands/visitor';
import { visitorAsksForPerson, type TopicReader } from '../commands/handoff';
import { visitorState } from '../queries/queue';
import { messagesAfter, visitorCurrent } from '../queries/thread';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import type { Serial } from '../events/serial';
import { on, type HandlerOptions } from './handler';
import { agentNamespace, type VisitorNamespace } from './namespaces';
import { presentMessages } from '../presenters/message';
import { joinWithGroup, rooms } from './rooms';
import { visitorFollowUp } from './visitor-follow-up';

export interface VisitorData {
  workspaceId: string;
  visitorId: string;
  token: string;
  botName: string;
  /** Came with a valid token: may have a contact and chats already (a new visitor has neither). */
  returning: boolean;
}

/** Is a page on `origin` allowed to open the widget? An empty list allows any origin. */
export function originAllowed(allowed: string[], origin: string | undefined, selfOrigin: string | null): boolean {
  if (!allowed.length) return true;
  if (!origin) return false;
  const norm = (o: string) => o.replace(/\/+$/, '').toLowerCase();
  return norm(origin) === norm(selfOrigin ?? '') || allowed.some((a) => norm(a) === norm(origin));
}

export function attachVisitorNamespace(
  nsp: VisitorNamespace,
  deps: Deps,
  opts: {
    secret: string;
    handler: HandlerOptions;
    /** For typing notices (their own rate limit); `handler` when absent. */
    typingHandler?: HandlerOptions;
    selfOrigin: () => string | null;
    settings: WorkspaceCache<WorkspaceConfig>;
    trustProxy?: number;
    /** The tagger the handoff reads the chat with. */
    taggers: TopicReader;
    /** Per-conversation order shared with the bot's turns: an answer under way lands first. */
    serial: Serial;
    /** Whether this server can send email (the transcript by email is offered only then). */
    mails?: boolean;
    /** The bot, to store its answer with the message when it can at once. */
    bot?: InlineAnswerer;
  },
): void {
  const followUp = visitorFollowUp(deps, opts);
  nsp.use((socket, next) => {
    (async () => {
      const auth = VisitorAuth.safeParse(socket.handshake.auth);
      if (!auth.success) throw new AppError('invalid_input', 'the widget must send its workspaceId');
      const workspaceId = auth.data.workspaceId;
      const { exists, settings } = await opts.settings.get(workspaceId);
      if (!exists) throw new AppError('not_found', 'no such workspace');
      if (!originAllowed(settings.widget.allowedOrigins, socket.handshake.headers.origin, opts.selfOrigin())) {
        throw new AppError('origin_not_allowed', 'this website is not allowed to open the chat of this workspace');
      }
      const known = auth.data.token ? verifyVisitorToken(opts.secret, auth.data.token, workspaceId) : null;
      const visitorId = known?.visitorId ?? newVisitorId();
      const data: VisitorData = {
        workspaceId,
        visitorId,
        token: known ? auth.data.token! : issueVisitorToken(opts.secret, { workspaceId, visitorId }),
        botName: settings.widget.botName,
        returning: !!known,
      };
      socket.data = data;
    })().then(
      () => next(),
      (err: unknown) => {
        const e = err instanceof AppError ? err : new AppError('internal', 'could not open the chat');
        next(Object.assign(new Error(e.message), { data: { code: e.code, message: e.message } }));
      },
    );
  });

  nsp.on('connection', (socket) => {
    const v = socket.data as VisitorData;
    void socket.join(rooms.visitor(v.workspaceId, v.visitorId));
    followUp(socket, v);

    // A visitor's contact never changes once it exists: read once per connection.
    let knownContact: { id: string } | null = null;
    const ref = () => ({ workspaceId: v.workspaceId, visitorId: v.visitorId, contact: knownContact });

    /** The contact and its current conversation, if the visitor has written before. */
    const current = async () => {
      const found = await visitorCurrent(deps.db, ref());
      knownContact = found.contact;
      return found;
    };

    // The visitor's conversation, once known: a contact's conversation never changes (a resolved
    // one resumes), so a send does not read it again; its status is checked by the store itself.
    let knownConversation: Conversation | null = null;
    const ensureConversation = async () => {
      if (knownContact && knownConversation) return { contact: knownContact, conversation: knownConversation };
      const { contact, conversation, started } = await visitorConversation(deps, ref());
      knownContact = contact;
      knownConversation = conversation;
      if (started)
        joinWithGroup(socket, rooms.visitor(v.workspaceId, v.visitorId), rooms.conversation(conversation.id));
      return { contact, conversation };
    };

    const stateOf = async (conversation: Conversation | null, contact: { id: string } | null) =>
      visitorState(deps, {
        config: await opts.settings.get(v.workspaceId),
        conversation,
        contactId: contact?.id ?? null,
      });

    void (async () => {
      const { contact, conversation } = v.returning ? await current() : { contact: null, conversation: null };
      if (conversation) await socket.join(rooms.conversation(conversation.id));
      const session: VisitorSession = {
        token: v.token,
        visitorId: v.visitorId,
        state: await stateOf(conversation, contact),
        lastSeq: conversation?.lastSeq ?? 0,
      };
      socket.emit('session', session);
    })().catch((err: unknown) => opts.handler.onUnexpected(err, 'connection'));

    on(socket, 'send', VisitorSend, opts.handler, async ({ clientId, body }) => {
      const present = async (message: Message) => (await presentMessages(deps.db, [message], 'visitor', v.botName))[0];
      // A visitor with no contact known yet (new, or before their connection's read came back):
      // their first message starts the chat in one statement, its room joined first.
      if (!knownContact && !knownConversation) {
        const conversationId = randomUUID();
        const room = rooms.conversation(conversationId);
        joinWithGroup(socket, rooms.visitor(v.workspaceId, v.visitorId), room);
        const started = await visitorStarts(
          deps,
          { workspaceId: v.workspaceId, visitorId: v.visitorId, conversationId, clientId, body, origin: socket.id },
          opts.bot,
        );
        if (started) {
          knownContact = started.contact;
          knownConversation = started.conversation;
          return present(started.message);
        }
        // They have a contact (another tab, or a retry): the usual way below.
        void socket.leave(room);
      }
      const send = async () =>
        visitorSends(
          deps,
          {
            workspaceId: v.workspaceId,
            conversation: (await ensureConversation()).conversation,
            clientId,
            body,
            origin: socket.id,
          },
          opts.bot,
        );
      const { message, conversation } = await send().catch(async (err: unknown) => {
        // The conversation known to this connection is gone (the contact was deleted): start afresh.
        if (!(err instanceof AppError && err.code === 'not_found') || !knownConversation) throw err;
        knownContact = null;
        knownConversation = null;
        return send();
      });
      knownConversation = conversation;
      return present(message);
    });

    on(socket, 'sync', Sync, opts.handler, async ({ afterSeq }) => {
      const { contact, conversation } = await current();
      if (!conversation) return { messages: [], state: await stateOf(null, contact) };
      await socket.join(rooms.conversation(conversation.id));
      const rows = await messagesAfter(deps.db, {
        workspaceId: v.workspaceId,
        conversationId: conversation.id,
        afterSeq,
        audience: 'visitor',
      });
      return {
        messages: await presentMessages(deps.db, rows, 'visitor', v.botName),
        state: await stateOf(conversation, contact),
      };
    });

    on(socket, 'typing', Typing, opts.typingHandler ?? opts.handler, async ({ typing }) => {
      const { conversation } = await current();
      if (conversation)
        agentNamespace(socket.nsp.server)
          .to(rooms.workspace(v.workspaceId))
          .emit('typing', { conversationId: conversation.id, author: 'visitor', typing });
      return null;
    });

    on(socket, 'handoff', VisitorHandoff, opts.handler, async () => {
      const { conversation } = await ensureConversation();
      if (conversation.status === 'waiting' || conversation.status === 'human') return null;
      const input = { workspaceId: v.workspaceId, conversationId: conversation.id };
      await opts.serial.run(conversation.id, () => visitorAsksForPerson(deps, opts.taggers, input));
      return null;
    });

    on(socket, 'contact', ContactUpdate, opts.handler, async (input) => {
      const { contact, conversation } = await ensureConversation();
      await updateContact(deps, {
        workspaceId: v.workspaceId,
        contactId: contact.id,
        conversationId: conversation.id,
        actor: 'visitor',
        ...input,
      });
      return stateOf(conversation, contact);
    });
  });
}
