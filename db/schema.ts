/**
 * The one database schema, shared by the embedded (PGlite) and PostgreSQL drivers.
 * Every workspace-owned table carries `workspace_id`, and every query filters on it.
 */
import type { StoredHandoffCard } from '../protocol/handoff';
import type { ConversationStatus, Role } from '../protocol/rest';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
/**
 * Bytes, sent as base64 text that the database decodes: the embedded database took 2-3 s to take a
 * 6.9 MB array as a bytea parameter and 0.1-0.4 s to take it as base64 (PGlite 0.5, in process).
 * Read large values back with `encode(…, 'base64')` for the same reason (see bot/model-store.ts).
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) =>
    sql`decode(${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}, 'base64')`,
});
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export type { ConversationStatus, Role };
export type AuthorType = 'visitor' | 'bot' | 'agent' | 'system';
export type MessageKind = 'text' | 'note' | 'event';

/** Key/value facts about this installation (e.g. the secret that signs visitor tokens). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const workspaces = pgTable('workspaces', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Validated by `WorkspaceSettings` in server/domain/settings.ts; defaults are filled on read. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** When someone first asked "Try your assistant" a question (a step of Get started). */
  assistantTriedAt: timestamp('assistant_tried_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: workspaceId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie value: a leaked table does not leak sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

export const invitations = pgTable('invitations', {
  id: id(),
  workspaceId: workspaceId(),
  email: text('email').notNull(),
  role: text('role').$type<Role>().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const teams = pgTable(
  'teams',
  { id: id(), workspaceId: workspaceId(), name: text('name').notNull(), createdAt: createdAt() },
  (t) => [uniqueIndex('teams_ws_name').on(t.workspaceId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** Who is available to take chats, and how many at once. */
export const agentPresence = pgTable(
  'agent_presence',
  {
    workspaceId: workspaceId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<'online' | 'away' | 'offline'>().notNull().default('offline'),
    capacity: integer('capacity').notNull().default(5),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

export const apiKeys = pgTable('api_keys', {
  id: id(),
  workspaceId: workspaceId(),
  name: text('name').notNull(),
  /** First characters of the key, shown in the dashboard to tell keys apart. */
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** What the key may do (protocol/scopes.ts); keys made before scopes existed got `admin`. */
  scopes: text('scopes').array().notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    workspaceId: workspaceId(),
    /** The widget's visitor id (from the signed visitor token). */
    visitorId: text('visitor_id'),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    /** What the team wrote down about this person (edited from the contact card). */
    notes: text('notes').notNull().default(''),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_ws_visitor').on(t.workspaceId, t.visitorId)],
);

export const tags = pgTable(
  'tags',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    examples: jsonb('examples').$type<string[]>().notNull().default([]),
    /** A topic that needs a person: detecting it triggers a handoff. */
    needsHuman: boolean('needs_human').notNull().default(false),
    /** Auto-tagging only suggests `topic` tags; `manual` tags (VIP, high-value) are set by people. */
    kind: text('kind').$type<'topic' | 'manual'>().notNull().default('topic'),
    routeTeamId: uuid('route_team_id').references(() => teams.id, { onDelete: 'set null' }),
    color: text('color').notNull().default('#64748b'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_ws_name').on(t.workspaceId, t.name)],
);

/** Saved replies the whole team inserts with `/` in the reply box. */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: id(),
    workspaceId: workspaceId(),
    /** What an agent types after `/` to find it ("shipping"). */
    shortcut: text('shortcut').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('canned_ws_shortcut').on(t.workspaceId, t.shortcut)],
);

export const contactTags = pgTable(
  'contact_tags',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] })],
);

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    workspaceId: workspaceId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    status: text('status').$type<ConversationStatus>().notNull().default('bot'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    handoffReason: text('handoff_reason'),
    handoffCard: jsonb('handoff_card').$type<StoredHandoffCard>(),
    /** The last message sequence number used; the next message takes lastSeq + 1. */
    lastSeq: integer('last_seq').notNull().default(0),
    priority: integer('priority').notNull().default(0),
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('conversations_ws_status').on(t.workspaceId, t.status, t.waitingSince),
    index('conversations_ws_assignee').on(t.workspaceId, t.assigneeId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** The sender's own id for the message: a retried send with the same id is not stored twice. */
    clientId: text('client_id').notNull(),
    authorType: text('author_type').$type<AuthorType>().notNull(),
    authorId: uuid('author_id'),
    kind: text('kind').$type<MessageKind>().notNull().default('text'),
    body: text('body').notNull(),
    /** Citations, confidence, event details. */
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_conv_seq').on(t.conversationId, t.seq),
    uniqueIndex('messages_conv_client').on(t.conversationId, t.clientId),
  ],
);

/**
 * What the team taught: a reply an agent sent, remembered (with the customer's details taken out)
 * as a candidate answer to the visitor question it answered. One row per question; the owner can
 * see and remove them (Settings → Knowledge → Learned from the team).
 */
export const learnedAnswers = pgTable(
  'learned_answers',
  {
    id: id(),
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** The visitor's question it answered (its message), and the reply that answered it. */
    questionMessageId: uuid('question_message_id').notNull(),
    replyMessageId: uuid('reply_message_id').notNull(),
    authorId: uuid('author_id'),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    createdAt: createdAt(),
    /** Removed by the owner: kept so that later replies in the same chat do not teach it again. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('learned_answers_ws').on(t.workspaceId),
    uniqueIndex('learned_answers_question').on(t.workspaceId, t.questionMessageId),
  ],
);

export const conversationTags = pgTable(
  'conversation_tags',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    source: text('source').$type<'auto' | 'manual'>().notNull(),
    confidence: real('confidence'),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.tagId] })],
);

export const knowledgeSources = pgTable('knowledge_sources', {
  id: id(),
  workspaceId: workspaceId(),
  kind: text('kind').$type<'file' | 'url' | 'sitemap' | 'crawl' | 'qa'>().notNull(),
  name: text('name').notNull(),
  /** The URL, or the file name for uploads. */
  uri: text('uri'),
  status: text('status').$type<'pending' | 'ingesting' | 'ready' | 'error'>().notNull().default('pending'),
  error: text('error'),
  progress: real('progress').notNull().default(0),
  chunkCount: integer('chunk_count').notNull().default(0),
  createdAt: createdAt(),
  syncedAt: timestamp('synced_at', { withTimezone: true }),
});

export const knowledgeDocuments = pgTable('knowledge_documents', {
  id: id(),
  workspaceId: workspaceId(),
  sourceId: uuid('source_id')
    .notNull()
    .references(() => knowledgeSources.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  url: text('url'),
  contentHash: text('content_hash').notNull(),
  createdAt: createdAt(),
});

export const knowledgeChunks = pgTable(
  'knowledge_chunks',
  {
    id: id(),
    workspaceId: workspaceId(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => knowledgeSources.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    headingPath: jsonb('heading_path').$type<string[]>().notNull().default([]),
    url: text('url'),
    text: text('text').notNull(),
    questions: jsonb('questions').$type<string[]>().notNull().default([]),
    answer: text('answer'),
    contentHash: text('content_hash').notNull(),
    /** Provider embedding, when one is configured (pgvector is not assumed). */
    embedding: real('embedding').array(),
    createdAt: createdAt(),
  },
  (t) => [index('chunks_ws').on(t.workspaceId), uniqueIndex('chunks_source_hash').on(t.sourceId, t.contentHash)],
);

/**
 * The knowledge index's trained classifier, stored with the knowledge so a restarted server
 * answers at once instead of retraining: the weights of the training job whose fingerprint is
 * `key` (a hash of the job: the workspace's chunks as features). One row per workspace, replaced
 * when the knowledge changes.
 */
export const knowledgeModels = pgTable(
  'knowledge_models',
  {
    id: id(),
    workspaceId: workspaceId(),
    key: text('key').notNull(),
    classes: integer('classes').notNull(),
    features: integer('features').notNull(),
    /**
     * Without `spanRows`, Float32 little-endian: weights (features × classes), then biases
     * (classes). With it, the span form (server/bot/model-store.ts `packSpan`).
     */
    weights: bytea('weights').notNull(),
    /** How many examples make the span form's basis; null for plain weights. */
    spanRows: integer('span_rows'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('knowledge_models_ws').on(t.workspaceId)],
);

/** The audit log and the outbox: written in the same transaction as the change it records. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    conversationId: uuid('conversation_id'),
    actorType: text('actor_type').$type<'user' | 'visitor' | 'bot' | 'system' | 'api'>().notNull(),
    actorId: text('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('events_ws_conv').on(t.workspaceId, t.conversationId)],
);

export const webhooks = pgTable('webhooks', {
  id: id(),
  workspaceId: workspaceId(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: jsonb('events').$type<string[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    workspaceId: workspaceId(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').notNull(),
    eventName: text('event_name').notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('deliveries_due')
      .on(t.status, t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);

/**
 * Moments a member was active on a conversation (a reply, typing, the conversation open in a
 * visible tab): the raw material of "human minutes". See docs/HUMAN-TIME.md.
 */
export const agentActivity = pgTable(
  'agent_activity',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'view' | 'typing' | 'reply' | 'note'>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('activity_ws_conv').on(t.workspaceId, t.conversationId, t.at)],
);

/**
 * What agents taught the tagger: adding a tag to a conversation (positive) or removing an auto
 * tag (negative), with the visitor's text. Replayed onto the classifier when it is built.
 */
export const tagFeedback = pgTable(
  'tag_feedback',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    positive: boolean('positive').notNull(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('tag_feedback_ws').on(t.workspaceId, t.id)],
);

/** Where the widget was last loaded from (Get started's "check installation"), per page origin. */
export const widgetSightings = pgTable(
  'widget_sightings',
  {
    workspaceId: workspaceId(),
    origin: text('origin').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.origin] })],
);

/**
 * A visitor's "How did we do?" answer: one per resolution of a conversation (a chat resolved,
 * resumed and resolved again may be rated again). `handledBy` tells chats a person worked from
 * chats the AI answered alone; `agentId` is who owned the chat when it was resolved.
 */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    id: id(),
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** The resolution rated: the conversation's `resolved_at` when the rating was given. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull(),
    rating: text('rating').$type<'good' | 'okay' | 'bad'>().notNull(),
    comment: text('comment'),
    handledBy: text('handled_by').$type<'ai' | 'human'>().notNull(),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('satisfaction_conv_resolution').on(t.conversationId, t.resolvedAt),
    index('satisfaction_ws_created').on(t.workspaceId, t.createdAt),
  ],
);

/** The devices on which a member turned Web Push on: each browser's push subscription. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    /** The browser's ECDH P-256 public key and auth secret (base64url), for RFC 8291 encryption. */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_ws_endpoint').on(t.workspaceId, t.endpoint),
    index('push_subscriptions_ws_user').on(t.workspaceId, t.userId),
  ],
);

/** A member's alert preferences in a workspace; validated by `AlertPrefs` (server/domain/alert-prefs.ts). */
export const alertPreferences = pgTable(
  'alert_preferences',
  {
    workspaceId: workspaceId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    prefs: jsonb('prefs').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/**
 * The alerts of a chat's current wait: `stage` 0 after the first alert, 1 after the re-alert, 2
 * after the email to the owner/admins. An instance claims the next stage with a conditional UPDATE,
 * so two instances never send the same alert; timers are read from `due_at`, so they survive restarts.
 */
export const handoffAlerts = pgTable(
  'handoff_alerts',
  {
    conversationId: uuid('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    workspaceId: workspaceId(),
    /** The wait these alerts are about (the conversation's waiting_since when it was handed off). */
    waitingSince: timestamp('waiting_since', { withTimezone: true }).notNull(),
    stage: integer('stage').notNull().default(0),
    /** When the next stage is due; null once the last one went out. */
    dueAt: timestamp('due_at', { withTimezone: true }),
  },
  (t) => [
    index('handoff_alerts_due')
      .on(t.dueAt)
      .where(sql`due_at is not null`),
  ],
);
