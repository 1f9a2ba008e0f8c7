/** The shapes the dashboard reads from the REST API (see server/routes/*.ts and presenters). */
import type { WorkspaceSettings } from '../../server/domain/settings';
import type { HandoffReason } from '../../protocol/events';
import type { WireMessage } from '../../protocol/socket';
import type { ApiKeyScope } from '../../protocol/scopes';

export type { WorkspaceSettings, HandoffReason, WireMessage };

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
export interface Me {
  user: User;
  csrfToken: string;
  workspaces: { workspace: Workspace; role: Role }[];
}

export type Status = 'bot' | 'waiting' | 'human' | 'resolved';
export type View = 'waiting' | 'mine' | 'open' | 'resolved' | 'all';

export interface CapturedDetails {
  name?: string;
  email?: string;
  phone?: string;
  orderNumber?: string;
  product?: string;
  budget?: string;
  quantity?: string | number;
}
export interface HandoffCard {
  reason?: HandoffReason;
  detail?: string | null;
  details?: CapturedDetails;
  summary?: string;
  tried?: string[];
  tags?: string[];
}
export interface ConversationTag {
  id: string;
  name: string;
  color: string;
  source: 'auto' | 'manual' | 'contact';
  confidence: number | null;
}
export interface Conversation {
  id: string;
  status: Status;
  assigneeId: string | null;
  teamId: string | null;
  handoffReason: string | null;
  handoffCard: HandoffCard | null;
  queuePosition: number | null;
  waitingSince: string | null;
  createdAt: string;
  updatedAt: string;
  lastSeq: number;
  priority: number;
  contact: { id: string; name: string | null; email: string | null };
  tags: ConversationTag[];
  preview: string | null;
}
export interface Contact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string;
  attributes: Record<string, string>;
  tags: { id: string; name: string; color: string }[];
  conversations: Conversation[];
}
export interface ConversationDetail extends Conversation {
  messages: WireMessage[];
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
export interface Source {
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
  expiresAt: string;
  /** Mailed to them too (the server has SMTP); the link is shown either way. */
  emailed: boolean;
}

/** Get started and Try your assistant, defined once in protocol/onboarding.ts. */
export type { AssistantPreview, CoverageReport, GetStartedState } from '../../protocol/onboarding';
