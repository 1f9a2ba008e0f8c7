/**
 * The shapes the dashboard reads from the REST API, defined once in protocol/ (server, dashboard
 * and widget share them); only the dashboard's own words are defined here.
 */
import type { ConversationListItem, ConversationThread, KnowledgeSource } from '../../protocol/rest';

export type {
  ApiKey,
  ContactDetail as Contact,
  ConversationStatus as Status,
  ConversationTag,
  Invitation,
  Me,
  Member,
  Role,
  Tag,
  Team,
  User,
  Workspace,
} from '../../protocol/rest';
export type {
  StoredDetails as CapturedDetails,
  StoredHandoffCard as HandoffCard,
  HandoffReason,
} from '../../protocol/handoff';
export type { WorkspaceSettings } from '../../protocol/settings';
export type { WireMessage } from '../../protocol/socket';

/** A row of the inbox; with its thread when opened. */
export type Conversation = ConversationListItem;
export type ConversationDetail = ConversationThread;
export type Source = KnowledgeSource;

/** The inbox's views (the `view` query of the conversation list). */
export type View = 'waiting' | 'mine' | 'open' | 'resolved' | 'all';

/** Get started and Try your assistant, defined once in protocol/onboarding.ts. */
export type { AssistantPreview, CoverageReport, GetStartedState } from '../../protocol/onboarding';
