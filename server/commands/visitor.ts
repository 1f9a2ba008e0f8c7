/**
 * What a widget visitor's actions write: their contact and current conversation (made on their
 * first message), and their messages (a resolved chat resumes when they write again), with the
 * bot's answer in the same statement when it can be written at once.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { conversations, events, messages } from '../../db/schema';
import { AppError } from '../errors';
import { getConversation } from '../queries/conversation';
import { latestConversationFor } from '../queries/thread';
import {
  appendMessage,
  conversationCreated,
  findByClientId,
  insertNewContact,
  findOrCreateContact,
  messageEvent,
  messageRow,
  moveConversation,
  newConversation,
  startConversation,
  startVisitorConversation,
  type Conversation,
  type Message,
  type NewMessage,
} from './conversations';
import { isUniqueViolation, type Deps } from './unit';

export interface VisitorRef {
  workspaceId: string;
  visitorId: string;
  /** The contact, when the caller already knows it (it never changes once it exists). */
  contact: { id: string } | null;
}

/**
 * The visitor's contact and current conversation, made if missing; `started` when the conversation
 * is new (the caller's sockets join its room).
 */
export async function visitorConversation(
  deps: Deps,
  v: VisitorRef,
): Promise<{ contact: { id: string }; conversation: Conversation; started: boolean }> {
  // No contact known yet: make it with the conversation rather than look it up first (a new
  // visitor's first message); if it exists after all, find it below.
  if (!v.contact) {
    const conversation = await startVisitorConversation(deps, { workspaceId: v.workspaceId, visitorId: v.visitorId });
    if (conversation) return { contact: { id: conversation.contactId }, conversation, started: true };
  }
  const found = v.contact
    ? { contact: v.contact, created: false }
    : await findOrCreateContact(deps.db, v.workspaceId, v.visitorId);
  const contact = found.contact;
  // A contact created just now has no conversation yet.
  const existing = found.created ? null : await latestConversationFor(deps.db, v.workspaceId, contact.id);
  if (existing) return { contact, conversation: existing, started: false };
  const conversation = await startConversation(deps, { workspaceId: v.workspaceId, contactId: contact.id });
  return { contact, conversation, started: true };
}

/**
 * The bot's answer to a visitor's message written before the message is stored, when it can be
 * at once (an offline answer from memory; see BotTurns.answerNow): then both are stored in one
 * statement. Null leaves the turn to the bot's processor, after the message's commit.
 */
export interface InlineAnswerer {
  /** `lastSeq`: the conversation's last seq as the caller knows it (0 for a chat started just now). */
  answerNow(q: {
    workspaceId: string;
    conversationId: string;
    lastSeq: number;
    body: string;
  }): Promise<PreparedReply | null>;
}

/**
 * The visitor writes: a resolved conversation resumes first; a retried message is stored once.
 * `conversation` may be the caller's copy from an earlier message (no read per message): the store
 * refuses a conversation resolved since, and then it is read again and resumed. With `bot`, the
 * answer is stored with the message when it can be (see InlineAnswerer).
 */
export async function visitorSends(
  deps: Deps,
  input: { workspaceId: string; conversation: Conversation; clientId: string; body: string; origin?: string },
  bot?: InlineAnswerer,
): Promise<{ message: Message; conversation: Conversation }> {
  const message = (conversation: Conversation) => ({
    workspaceId: input.workspaceId,
    conversationId: conversation.id,
    clientId: input.clientId,
    authorType: 'visitor' as const,
    body: input.body,
    unlessStatus: 'resolved' as const,
    origin: input.origin,
  });
  const append = (conversation: Conversation) => appendMessage(deps, message(conversation));
  let conversation = input.conversation;
  if (conversation.status !== 'resolved') {
    try {
      const reply = await bot?.answerNow({
        workspaceId: input.workspaceId,
        conversationId: conversation.id,
        lastSeq: conversation.lastSeq,
        body: input.body,
      });
      if (reply) return { message: (await appendWithReply(deps, message(conversation), reply)).message, conversation };
      return { message: (await append(conversation)).message, conversation };
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      conversation = await getConversation(deps.db, input.workspaceId, conversation.id);
    }
  }
  if (conversation.status === 'resolved') {
    conversation = await moveConversation(deps, {
      workspaceId: input.workspaceId,
      conversationId: conversation.id,
      move: 'resume',
      actor: { type: 'visitor' },
    });
  }
  return { message: (await append(conversation)).message, conversation };
}

/** The bot's answer to a visitor's message, written from the thread as it stood at `afterSeq`. */
export interface PreparedReply {
  /** The conversation's last seq the answer was written after (the message gets the next one). */
  afterSeq: number;
  body: string;
  meta: Record<string, unknown>;
}

/**
 * A visitor's message and the bot's answer to it, in one statement (one commit, where a message
 * and its answer stored apart take two): both, or nothing, while the chat is with the bot and
 * its last seq is still `reply.afterSeq`. When it is not (another message or move came first),
 * the message is stored alone and `reply` is null: the bot's processor answers it as usual.
 */
export async function appendWithReply(
  deps: Deps,
  m: NewMessage & { authorType: 'visitor' },
  prepared: PreparedReply,
): Promise<{ message: Message; reply: Message | null; duplicate: boolean }> {
  const now = deps.now();
  const message = messageRow(m, now);
  const reply = messageRow(
    {
      workspaceId: m.workspaceId,
      conversationId: m.conversationId,
      clientId: `bot:${message.id}`,
      authorType: 'bot',
      body: prepared.body,
      meta: prepared.meta,
    },
    now,
  );
  const at = now.toISOString();
  let result;
  try {
    result = await deps.db.execute(sql`
      with c as (
        update ${conversations} set last_seq = last_seq + 2, updated_at = ${at}::timestamptz
        where id = ${m.conversationId}::uuid and workspace_id = ${m.workspaceId}::uuid
          and status = 'bot' and last_seq = ${prepared.afterSeq}
        returning last_seq
      ), ${insertMessages([message, reply], at)}
      insert into ${events} (workspace_id, name, conversation_id, actor_type, actor_id, data, created_at)
      ${messageEvents(m, at)}
      returning id, (data->>'seq')::int as seq`);
  } catch (err) {
    if (!isUniqueViolation(err, 'messages_conv_client')) throw err;
    // A retry of a message already stored (and answered with it, or by the processor).
    const raced = await findByClientId(deps.db, m.conversationId, m.clientId);
    if (!raced) throw err;
    return { message: raced, reply: null, duplicate: true };
  }
  const rows = (result as unknown as { rows: { id: number | string | bigint; seq: number }[] }).rows;
  if (rows.length !== 2) {
    const alone = await appendMessage(deps, m);
    return { ...alone, reply: null };
  }
  message.seq = prepared.afterSeq + 1;
  reply.seq = prepared.afterSeq + 2;
  publishStored(deps, [message, reply], rows, m.origin);
  return { message, reply, duplicate: false };
}

/**
 * The `m` CTE that inserts `rows` (a visitor's message, and the bot's answer after it) as the last
 * seqs of the conversation the `c` CTE updated or inserted (its `last_seq` is theirs).
 */
function insertMessages(rows: Message[], at: string): SQL {
  const select = (x: Message, k: number) =>
    sql`select ${x.id}::uuid, ${x.workspaceId}::uuid, ${x.conversationId}::uuid, c.last_seq - ${rows.length - 1 - k},
      ${x.clientId}, ${x.authorType}, null::uuid, ${x.kind}, ${x.body}, ${JSON.stringify(x.meta)}::jsonb,
      ${at}::timestamptz from c`;
  return sql`m as (
    insert into ${messages}
      (id, workspace_id, conversation_id, seq, client_id, author_type, author_id, kind, body, meta, created_at)
    ${sql.join(
      rows.map((x, k) => select(x, k)),
      sql` union all `,
    )}
    returning id, seq, author_type
  )`;
}

/** The message.created events of the `m` CTE's messages, in seq order (a select for an insert). */
function messageEvents(m: { workspaceId: string; conversationId: string }, at: string): SQL {
  return sql`(select ${m.workspaceId}::uuid, 'message.created', ${m.conversationId}::uuid, m.author_type, null::text,
      jsonb_build_object('messageId', m.id::text, 'seq', m.seq, 'kind', 'text'), ${at}::timestamptz
    from m order by m.seq)`;
}

/**
 * Publishes the message.created of messages stored by one statement (`rows`: the events' ids by
 * seq). The visitor's carries `answered` when the answer came with it (the processor skips it),
 * and the connection it came from (see StoredEvent.origin).
 */
function publishStored(
  deps: Deps,
  stored: Message[],
  rows: { id: number | string | bigint; seq: number }[],
  origin: string | undefined,
): void {
  const answered = stored.some((x) => x.authorType === 'bot');
  for (const x of stored) {
    const event = messageEvent(x, rows.find((r) => Number(r.seq) === x.seq)!.id);
    if (x.authorType === 'visitor') {
      if (answered) event.answered = true;
      if (origin) event.origin = origin;
    }
    deps.bus.publish(event);
  }
}

/**
 * A new visitor's first message, with the bot's answer when it can be written at once (see
 * InlineAnswerer): their contact, the conversation, the message (and answer) and the events, in
 * one statement, where a new chat took two (the contact and conversation, then the message). The
 * caller picks `conversationId` and has the visitor's socket in its room before this runs. Null,
 * with nothing written, when the visitor has a contact already (another tab wrote first, or a
 * retry): the caller then goes the usual way (`visitorConversation`, `visitorSends`).
 */
export async function visitorStarts(
  deps: Deps,
  input: {
    workspaceId: string;
    visitorId: string;
    conversationId: string;
    clientId: string;
    body: string;
    /** The connection it came from (see StoredEvent.origin). */
    origin?: string;
  },
  bot?: InlineAnswerer,
): Promise<{ contact: { id: string }; conversation: Conversation; message: Message } | null> {
  const { workspaceId, conversationId } = input;
  const prepared = await bot?.answerNow({ workspaceId, conversationId, lastSeq: 0, body: input.body });
  const now = deps.now();
  const at = now.toISOString();
  const contactId = randomUUID();
  const base = { workspaceId, conversationId };
  const message = messageRow({ ...base, clientId: input.clientId, authorType: 'visitor', body: input.body }, now);
  const stored = [message];
  if (prepared)
    stored.push(
      messageRow(
        { ...base, clientId: `bot:${message.id}`, authorType: 'bot', body: prepared.body, meta: prepared.meta },
        now,
      ),
    );
  const result = await deps.db.execute(sql`
    with ct as (${insertNewContact({ contactId, workspaceId, visitorId: input.visitorId })}), c as (
      insert into ${conversations} (id, workspace_id, contact_id, status, last_seq, priority, created_at, updated_at)
      select ${conversationId}::uuid, ${workspaceId}::uuid, ct.id, 'bot', ${stored.length}, 0, ${at}::timestamptz,
        ${at}::timestamptz
      from ct
      returning id, last_seq
    ), ${insertMessages(stored, at)}
    insert into ${events} (workspace_id, name, conversation_id, actor_type, actor_id, data, created_at)
    (select ${workspaceId}::uuid, 'conversation.created', c.id, 'visitor', ${contactId}::text, '{}'::jsonb,
      ${at}::timestamptz from c)
    union all ${messageEvents(base, at)}
    returning id, name, (data->>'seq')::int as seq`);
  const rows = (result as unknown as { rows: { id: number | string | bigint; name: string; seq: number | null }[] })
    .rows;
  const created = rows.find((r) => r.name === 'conversation.created');
  if (!created) return null;
  const conversation = newConversation({ id: conversationId, workspaceId, contactId, lastSeq: stored.length }, now);
  deps.bus.publish(conversationCreated(conversation, created.id));
  stored.forEach((x, k) => (x.seq = k + 1));
  publishStored(
    deps,
    stored,
    rows.filter((r) => r.name === 'message.created').map((r) => ({ id: r.id, seq: Number(r.seq) })),
    input.origin,
  );
  return { contact: { id: contactId }, conversation, message };
}
