/**
 * The shapes of the REST API that the dashboard reads (inbox, thread, contact, workspace setup).
 * Zod-free, so the front ends import them; the server's response schemas are checked against
 * them at compile time (`Expect<Equal<z.infer<typeof Schema>, Type>>`).
 */
import type { StoredHandoffCard } from './handoff';
import type { ApiKeyScope } from './scopes';
import type { WorkspaceSettings } from './settings';
import type { WireMessage } from './socket';
import type { ConversationStatus } from './status';

export { CONVERSATION_STATUSES, type ConversationStatus } from './status';

export type Role = 'owner' | 'admin' | 'agent';

export interface User {
  id: string;
  email: string;
  name: string;
}
export interface Workspace {
  id: string;
  slug: string;
  name: string;
  settings: WorkspaceSettings;
}
/** `GET /api/auth/me` and the answer to signing in. */
export interface Me {
  user: User;
  csrfToken: string;
  workspaces: { workspace: Workspace; role: Role }[];
}

/** A tag on a conversation: the tagger's (auto), a person's (manual), or the contact's own. */
export interface ConversationTag {
  id: string;
  name: string;
  color: string;
  source: 'auto' | 'manual' | 'contact';
  confidence: number | null;
}

/** One row of the inbox (and the answer to every move: pick up, assign, resolve…). */
export interface ConversationListItem {
  id: string;
  status: ConversationStatus;
  assigneeId: string | null;
  teamId: string | null;
  handoffReason: string | null;
  handoffCard: StoredHandoffCard | null;
  queuePosition: number | null;
  waitingSince: string | null;
  createdAt: string;
  updatedAt: string;
  lastSeq: number;
  priority: number;
  contact: { id: string; name: string | null; email: string | null };
  tags: ConversationTag[];
  /** The last thing a person said, up to 140 characters. */
  preview: string | null;
}

/** One conversation with its whole thread (notes and events included). */
export interface ConversationThread extends ConversationListItem {
  messages: WireMessage[];
}

/** A contact's card: details, contact tags and past conversations. */
export interface ContactDetail {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string;
  attributes: Record<string, string>;
  tags: { id: string; name: string; color: string }[];
  conversations: ConversationListItem[];
}

export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
}
export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}
export interface Tag {
  id: string;
  name: string;
  description: string;
  examples: string[];
  needsHuman: boolean;
  kind: 'topic' | 'manual';
  routeTeamId: string | null;
  color: string;
}
export interface KnowledgeSource {
  id: string;
  kind: string;
  name: string;
  uri: string | null;
  status: 'pending' | 'ingesting' | 'ready' | 'error';
  error: string | null;
  progress: number;
  chunkCount: number;
  createdAt: string;
  syncedAt: string | null;
}
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
  scopes: ApiKeyScope[];
}
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  url: string;
  /** When it was sent (ISO). */
  createdAt: string;
  expiresAt: string;
  /** Mailed to them too (the server has SMTP); the link is shown either way. */
  emailed: boolean;
}
