/**
 * The conversation domain: starting a chat, appending messages (idempotent, sequenced) and moving
 * a conversation through the state machine.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client';
import { contacts, conversations, events, messages, type AuthorType, type MessageKind } from '../../db/schema';
import { transition, type ActorType, type Transition } from '../domain/conversation-state';
import { AppError } from '../errors';
import type { StoredEvent } from '../events/bus';
import { UNASSIGN_NOTES } from '../../protocol/events';
import type { StoredHandoffCard } from '../../protocol/handoff';
import { getConversation, type Conversation } from '../queries/conversation';
import { isUniqueViolation, unitOfWork, type Deps, type Record_ } from './unit';

export type { Conversation };
export type Message = typeof messages.$inferSelect;

/** Finds or creates the contact for a widget visitor. */
export async function contactForVisitor(db: Queryable, workspaceId: string, visitorId: string) {
  return (await findOrCreateContact(db, workspaceId, visitorId)).contact;
}

/** The visitor's contact, and whether it was created just now. */
export async function findOrCreateContact(db: Queryable, workspaceId: string, visitorId: string) {
  // Insert first: the caller has usually just found no contact (one statement for a new visitor).
  const [created] = await db.insert(contacts).values({ workspaceId, visitorId }).onConflictDoNothing().returning();
  if (created) return { contact: created, created: true };
  const [existing] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.visitorId, visitorId)));
  return { contact: existing, created: false };
}

/**
 * Starts a conversation with the bot, and records conversation.created, in one statement (a new
 * visitor's first message; a transaction would hold the embedded database across round trips).
 */
export async function startConversation(
  deps: Deps,
  input: { workspaceId: string; contactId: string },
): Promise<Conversation> {
  return (await insertConversation(deps, input, null))!;
}

/**
 * A new visitor's first message: their contact, the conversation and its conversation.created, in
 * one statement rather than two. When a burst of new visitors arrives, their first messages cost
 * the database twice the statements of later ones (contact, conversation, message, answer); this
 * takes one away. Null, with nothing written, when the visitor has a contact already (another of
 * their tabs wrote first): the caller then finds it.
 */
export async function startVisitorConversation(
  deps: Deps,
  input: { workspaceId: string; visitorId: string },
): Promise<Conversation | null> {
  const contactId = randomUUID();
  return insertConversation(
    deps,
    { workspaceId: input.workspaceId, contactId },
    insertNewContact({ ...input, contactId }),
  );
}

/** A visitor's contact, only if they have none yet (returns its id then; nothing otherwise): for a CTE. */
export function insertNewContact(c: { contactId: string; workspaceId: string; visitorId: string }): SQL {
  return sql`insert into ${contacts} (id, workspace_id, visitor_id)
    values (${c.contactId}::uuid, ${c.workspaceId}::uuid, ${c.visitorId})
    on conflict do nothing
    returning id`;
}

/** The conversation and its event; with `newContact`, only if that insert (a CTE) made the contact. */
async function insertConversation(
  deps: Deps,
  input: { workspaceId: string; contactId: string },
  newContact: SQL | null,
): Promise<Conversation | null> {
  const now = deps.now();
  const conversation = newConversation({ id: randomUUID(), ...input, lastSeq: 0 }, now);
  const at = now.toISOString();
  const result = await deps.db.execute(sql`
    with ${newContact ? sql`ct as (${newContact}),` : sql``} c as (
      insert into ${conversations} (id, workspace_id, contact_id, status, last_seq, priority, created_at, updated_at)
      select ${conversation.id}::uuid, ${input.workspaceId}::uuid, ${input.contactId}::uuid, 'bot', 0, 0,
        ${at}::timestamptz, ${at}::timestamptz
      ${newContact ? sql`from ct` : sql``}
      returning id
    )
    insert into ${events} (workspace_id, name, conversation_id, actor_type, actor_id, data, created_at)
    select ${input.workspaceId}::uuid, 'conversation.created', c.id, 'visitor', ${input.contactId}, '{}'::jsonb,
      ${at}::timestamptz
    from c
    returning id`);
  const [row] = (result as unknown as { rows: { id: number | string | bigint }[] }).rows;
  if (!row) return null;
  deps.bus.publish(conversationCreated(conversation, row.id));
  return conversation;
}

/** A conversation with the bot as stored by a new chat's insert. */
export function newConversation(
  c: { id: string; workspaceId: string; contactId: string; lastSeq: number },
  now: Date,
): Conversation {
  return {
    ...c,
    status: 'bot',
    assigneeId: null,
    teamId: null,
    handoffReason: null,
    handoffCard: null,
    priority: 0,
    waitingSince: null,
    resolvedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The conversation.created of a new chat (its visitor's contact is the actor). */
export function conversationCreated(c: Conversation, id: number | string | bigint): StoredEvent {
  return {
    id: Number(id),
    workspaceId: c.workspaceId,
    name: 'conversation.created',
    conversationId: c.id,
    actorType: 'visitor',
    actorId: c.contactId,
    data: {},
    createdAt: c.createdAt,
  };
}

export interface NewMessage {
  workspaceId: string;
  conversationId: string;
  clientId: string;
  authorType: AuthorType;
  authorId?: string | null;
  kind?: MessageKind;
  body: string;
  meta?: Record<string, unknown>;
  /** Store only while the conversation is in this status (else a `conflict` error, nothing stored). */
  whileStatus?: Conversation['status'];
  /** Store only while the conversation is not in this status (else a `conflict` error, nothing stored). */
  unlessStatus?: Conversation['status'];
  /** The connection it came from, which has it in its ack (see StoredEvent.origin). */
  origin?: string;
}

/** Appends inside an open transaction: the next sequence number, the message and message.created. */
export async function appendInTx(tx: Tx, record: Record_, now: Date, m: NewMessage): Promise<Message> {
  const { message, event } = await storeMessage(tx, now, m);
  record.written(event);
  return message;
}

/**
 * Stores a message once: a retry with the same client id returns the stored message
 * (`duplicate: true`) instead of storing it again. Acknowledge only after this resolves.
 */
export async function appendMessage(deps: Deps, m: NewMessage): Promise<{ message: Message; duplicate: boolean }> {
  // No lookup first: a retry is rare, and the unique (conversation, client id) index catches it.
  try {
    const { message, event } = await storeMessage(deps.db, deps.now(), m);
    deps.bus.publish(m.origin ? { ...event, origin: m.origin } : event);
    return { message, duplicate: false };
  } catch (err) {
    if (!isUniqueViolation(err, 'messages_conv_client')) throw err;
    const raced = await findByClientId(deps.db, m.conversationId, m.clientId);
    if (!raced) throw err;
    return { message: raced, duplicate: true };
  }
}

/** A message as stored, before its seq is known. */
export function messageRow(m: NewMessage, now: Date): Message {
  return {
    id: randomUUID(),
    workspaceId: m.workspaceId,
    conversationId: m.conversationId,
    seq: 0,
    clientId: m.clientId,
    authorType: m.authorType,
    authorId: m.authorId ?? null,
    kind: m.kind ?? 'text',
    body: m.body,
    meta: m.meta ?? {},
    createdAt: now,
  };
}

/** The message.created of a stored message (with the message, for this process's subscribers). */
export function messageEvent(message: Message, id: number | string | bigint): StoredEvent {
  return {
    id: Number(id),
    workspaceId: message.workspaceId,
    name: 'message.created',
    conversationId: message.conversationId,
    actorType: message.authorType === 'agent' ? 'user' : message.authorType,
    actorId: message.authorId,
    data: { messageId: message.id, seq: message.seq, kind: message.kind },
    createdAt: message.createdAt,
    message,
  };
}

/**
 * Stores a message in one statement, which PostgreSQL runs atomically: the conversation's next seq
 * (taking its row lock), the message, and its message.created event. One statement rather than
 * three because it is the hot path: every visitor message and every answer.
 */
async function storeMessage(
  db: Queryable,
  now: Date,
  m: NewMessage,
): Promise<{ message: Message; event: StoredEvent }> {
  const message = messageRow(m, now);
  const actorType = m.authorType === 'agent' ? 'user' : m.authorType;
  const at = now.toISOString();
  const result = await db.execute(sql`
    with c as (
      update ${conversations} set last_seq = last_seq + 1, updated_at = ${at}::timestamptz
      where id = ${m.conversationId}::uuid and workspace_id = ${m.workspaceId}::uuid
        ${m.whileStatus ? sql`and status = ${m.whileStatus}` : sql``}
        ${m.unlessStatus ? sql`and status <> ${m.unlessStatus}` : sql``}
      returning last_seq
    ), m as (
      insert into ${messages}
        (id, workspace_id, conversation_id, seq, client_id, author_type, author_id, kind, body, meta, created_at)
      select ${message.id}::uuid, ${m.workspaceId}::uuid, ${m.conversationId}::uuid, c.last_seq, ${m.clientId},
        ${m.authorType}, ${message.authorId}::uuid, ${message.kind}, ${m.body}, ${JSON.stringify(message.meta)}::jsonb,
        ${at}::timestamptz
      from c
      returning seq
    )
    insert into ${events} (workspace_id, name, conversation_id, actor_type, actor_id, data, created_at)
    select ${m.workspaceId}::uuid, 'message.created', ${m.conversationId}::uuid, ${actorType}, ${message.authorId},
      jsonb_build_object('messageId', ${message.id}::text, 'seq', m.seq, 'kind', ${message.kind}::text),
      ${at}::timestamptz
    from m
    returning id, (data->>'seq')::int as seq`);
  const [row] = (result as unknown as { rows: { id: number | string | bigint; seq: number }[] }).rows;
  if (!row) {
    if (m.whileStatus) throw new AppError('conflict', `the conversation is gone or no longer ${m.whileStatus}`);
    if (m.unlessStatus) throw new AppError('conflict', `the conversation is gone or ${m.unlessStatus}`);
    throw new AppError('not_found', 'no such conversation');
  }
  message.seq = Number(row.seq);
  return { message, event: messageEvent(message, row.id) };
}

export async function findByClientId(db: Queryable, conversationId: string, clientId: string) {
  const [m] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.clientId, clientId)));
  return m ?? null;
}

export interface Move {
  workspaceId: string;
  conversationId: string;
  move: Transition;
  actor: { type: ActorType; id?: string | null };
  /** For assign: who takes it. */
  assigneeId?: string | null;
  teamId?: string | null;
  /** For handoff: why (stored on the conversation and in the event). */
  reason?: string;
  card?: StoredHandoffCard;
  /** When set, the move only happens if the conversation is still in this state (atomic claim). */
  expectStatus?: Conversation['status'];
  note?: string;
}

/**
 * Moves a conversation through the state machine under a row lock, writes the event and a system
 * message into the thread. Two agents claiming at once: one wins, the other gets `already_claimed`.
 */
export async function moveConversation(deps: Deps, mv: Move): Promise<Conversation> {
  return unitOfWork(deps, (tx, record) => moveInTx(tx, record, deps.now(), mv));
}

export async function moveInTx(tx: Tx, record: Record_, now: Date, mv: Move): Promise<Conversation> {
  const [c] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, mv.conversationId), eq(conversations.workspaceId, mv.workspaceId)))
    .for('update');
  if (!c) throw new AppError('not_found', 'no such conversation');
  if (mv.expectStatus && c.status !== mv.expectStatus) {
    throw new AppError(
      'already_claimed',
      c.status === 'human' ? 'someone else already picked this chat up' : `the chat is no longer ${mv.expectStatus}`,
    );
  }
  const rule = transition(c.status, mv.move, mv.actor.type);
  const patch: Partial<Conversation> = { status: rule.to, updatedAt: now };
  if (mv.move === 'handoff')
    Object.assign(patch, {
      handoffReason: mv.reason ?? null,
      handoffCard: mv.card ?? null,
      waitingSince: now,
      assigneeId: null,
    });
  if (mv.move === 'assign' || mv.move === 'reopen')
    Object.assign(patch, { assigneeId: mv.assigneeId ?? mv.actor.id ?? null, resolvedAt: null });
  // Back in the queue, the customer keeps their place: they have waited since the handoff.
  if (mv.move === 'unassign') Object.assign(patch, { assigneeId: null, waitingSince: c.waitingSince ?? now });
  if (mv.move === 'resolve' || mv.move === 'end') Object.assign(patch, { resolvedAt: now, waitingSince: null });
  if (mv.move === 'resume' || mv.move === 'handback')
    Object.assign(patch, { assigneeId: null, handoffReason: null, resolvedAt: null, waitingSince: null });
  if (mv.teamId !== undefined) patch.teamId = mv.teamId;
  const [updated] = await tx.update(conversations).set(patch).where(eq(conversations.id, c.id)).returning();
  const data = {
    from: c.status,
    to: rule.to,
    ...(mv.reason ? { reason: mv.reason } : {}),
    ...(patch.assigneeId ? { assigneeId: patch.assigneeId } : {}),
    ...(mv.teamId ? { teamId: mv.teamId } : {}),
    ...(mv.note ? { note: mv.note } : {}),
  };
  await record({
    workspaceId: mv.workspaceId,
    name: rule.event,
    conversationId: c.id,
    actorType: mv.actor.type === 'user' ? 'user' : mv.actor.type,
    actorId: mv.actor.id ?? null,
    data,
  });
  await appendInTx(tx, record, now, {
    workspaceId: mv.workspaceId,
    conversationId: c.id,
    clientId: `event:${rule.event}:${c.lastSeq + 1}`,
    authorType: 'system',
    kind: 'event',
    // Clients word events themselves (from meta.event, with names resolved when presented).
    body: '',
    meta: { event: rule.event, ...data },
  });
  return updated;
}

/**
 * A member writes in a conversation. A reply (not a note) to a chat nobody owns claims it first,
 * so the bot falls silent the moment a person speaks; a reply to a resolved chat reopens it.
 */
export async function sendAgentMessage(
  deps: Deps,
  input: { workspaceId: string; conversationId: string; userId: string; clientId: string; body: string; note: boolean },
): Promise<{ message: Message; duplicate: boolean }> {
  const c = await getConversation(deps.db, input.workspaceId, input.conversationId);
  if (!input.note) {
    const base = {
      workspaceId: input.workspaceId,
      conversationId: c.id,
      actor: { type: 'user' as const, id: input.userId },
    };
    if (c.status === 'bot' || c.status === 'waiting')
      await moveConversation(deps, { ...base, move: 'assign', assigneeId: input.userId, expectStatus: c.status });
    else if (c.status === 'resolved')
      await moveConversation(deps, { ...base, move: 'reopen', assigneeId: input.userId });
  }
  return appendMessage(deps, {
    workspaceId: input.workspaceId,
    conversationId: c.id,
    clientId: input.clientId,
    authorType: 'agent',
    authorId: input.userId,
    kind: input.note ? 'note' : 'text',
    body: input.body,
  });
}

/**
 * Sends a chat to a team's queue without giving it to anyone: a waiting chat changes team; a chat
 * a person owns goes back to the queue, for that team. Routing then offers it to the team.
 */
export async function routeToTeam(
  deps: Deps,
  input: {
    workspaceId: string;
    conversationId: string;
    teamId: string | null;
    actor: { type: 'user' | 'api'; id?: string | null };
  },
): Promise<Conversation> {
  return unitOfWork(deps, async (tx, record) => {
    const [c] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, input.conversationId), eq(conversations.workspaceId, input.workspaceId)))
      .for('update');
    if (!c) throw new AppError('not_found', 'no such conversation');
    if (c.status === 'human') {
      return moveInTx(tx, record, deps.now(), {
        ...input,
        move: 'unassign',
        teamId: input.teamId,
        note: UNASSIGN_NOTES.sentToTeam,
      });
    }
    if (c.status !== 'waiting')
      throw new AppError(
        'illegal_transition',
        'only a chat waiting for a person or owned by one can be sent to a team',
      );
    const [updated] = await tx
      .update(conversations)
      .set({ teamId: input.teamId, updatedAt: deps.now() })
      .where(eq(conversations.id, c.id))
      .returning();
    await record({
      workspaceId: input.workspaceId,
      name: 'conversation.assigned',
      conversationId: c.id,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      data: { teamId: input.teamId, from: c.status, to: c.status },
    });
    return updated;
  });
}
