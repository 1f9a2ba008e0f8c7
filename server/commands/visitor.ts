/**
 * What a widget visitor's actions write: their contact and current conversation (made on their
 * first message), and their messages (a resolved chat resumes when they write again).
 */
import { AppError } from '../errors';
import { getConversation } from '../queries/conversation';
import { latestConversationFor } from '../queries/thread';
import {
  appendMessage,
  findOrCreateContact,
  moveConversation,
  startConversation,
  startVisitorConversation,
  type Conversation,
  type Message,
} from './conversations';
import type { Deps } from './unit';

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
 * The visitor writes: a resolved conversation resumes first; a retried message is stored once.
 * `conversation` may be the caller's copy from an earlier message (no read per message): the store
 * refuses a conversation resolved since, and then it is read again and resumed.
 */
export async function visitorSends(
  deps: Deps,
  input: { workspaceId: string; conversation: Conversation; clientId: string; body: string },
): Promise<{ message: Message; conversation: Conversation }> {
  const append = (conversation: Conversation) =>
    appendMessage(deps, {
      workspaceId: input.workspaceId,
      conversationId: conversation.id,
      clientId: input.clientId,
      authorType: 'visitor',
      body: input.body,
      unlessStatus: 'resolved',
    });
  let conversation = input.conversation;
  if (conversation.status !== 'resolved') {
    try {
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
