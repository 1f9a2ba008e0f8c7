/**
 * What a widget visitor's actions write: their contact and current conversation (made on their
 * first message), and their messages (a resolved chat resumes when they write again).
 */
import { latestConversationFor } from '../queries/thread';
import {
  appendMessage,
  findOrCreateContact,
  moveConversation,
  startConversation,
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
  // No contact known yet: insert it rather than look it up first (a new visitor's first message).
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

/** The visitor writes: a resolved conversation resumes first; a retried message is stored once. */
export async function visitorSends(
  deps: Deps,
  input: { workspaceId: string; conversation: Conversation; clientId: string; body: string },
): Promise<Message> {
  let conversation = input.conversation;
  if (conversation.status === 'resolved') {
    conversation = await moveConversation(deps, {
      workspaceId: input.workspaceId,
      conversationId: conversation.id,
      move: 'resume',
      actor: { type: 'visitor' },
    });
  }
  const { message } = await appendMessage(deps, {
    workspaceId: input.workspaceId,
    conversationId: conversation.id,
    clientId: input.clientId,
    authorType: 'visitor',
    body: input.body,
  });
  return message;
}
