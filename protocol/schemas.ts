/**
 * zod schemas for what clients send on the socket: the server validates every arrival with these.
 * Kept apart from protocol/socket.ts so the front ends do not bundle zod.
 */
import { z } from 'zod';
import {
  MAX_BODY,
  type AgentActivityPayload,
  type AgentJoinPayload,
  type AgentSendPayload,
  type AgentTypingPayload,
  type ContactPayload,
  type FollowUpPayload,
  MAX_COMMENT,
  type RateCommentPayload,
  type RatePayload,
  type TranscriptPayload,
  type SyncPayload,
  type TypingPayload,
  type VisitorAuthPayload,
  type VisitorSendPayload,
} from './socket';

const ClientId = z.string().trim().min(1, 'clientId is required').max(64, 'clientId is at most 64 characters');
const Body = z
  .string()
  .trim()
  .min(1, 'message is empty')
  .max(MAX_BODY, `message is longer than ${MAX_BODY} characters`);

/** Handshake `auth` of the widget: which workspace, and the visitor token kept in local storage. */
export const VisitorAuth = z.object({
  workspaceId: z.uuid('workspaceId must be a UUID'),
  token: z.string().max(500).optional(),
  protocol: z.number().int().optional(),
}) satisfies z.ZodType<VisitorAuthPayload>;

export const VisitorSend = z.object({ clientId: ClientId, body: Body }) satisfies z.ZodType<VisitorSendPayload>;
export const Sync = z.object({ afterSeq: z.number().int().min(0) }) satisfies z.ZodType<SyncPayload>;
export const Typing = z.object({ typing: z.boolean() }) satisfies z.ZodType<TypingPayload>;
export const ContactUpdate = z
  .object({
    email: z.email('enter a valid email address').max(200).optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .refine(
    (c) => c.email !== undefined || c.name !== undefined,
    'send an email or a name',
  ) satisfies z.ZodType<ContactPayload>;

/** The visitor taps "Talk to a person" (no fields). */
export const VisitorHandoff = z.object({}).optional();

export const FollowUp = z.object({
  conversationId: z.uuid('conversationId must be a UUID'),
}) satisfies z.ZodType<FollowUpPayload>;
export const Rate = FollowUp.extend({
  rating: z.enum(['good', 'okay', 'bad'], 'rating must be good, okay or bad'),
}) satisfies z.ZodType<RatePayload>;
export const RateComment = FollowUp.extend({
  comment: z
    .string()
    .trim()
    .min(1, 'comment is empty')
    .max(MAX_COMMENT, `comment is longer than ${MAX_COMMENT} characters`),
}) satisfies z.ZodType<RateCommentPayload>;
export const TranscriptRequest = FollowUp.extend({
  email: z.email('enter a valid email address').max(200).optional(),
}) satisfies z.ZodType<TranscriptPayload>;

export const AgentSend = z.object({
  conversationId: z.uuid(),
  clientId: ClientId,
  body: Body,
  /** A note is never shown to the visitor. */
  note: z.boolean().default(false),
}) satisfies z.ZodType<Required<AgentSendPayload>>;
export const AgentTyping = z.object({
  conversationId: z.uuid(),
  typing: z.boolean(),
}) satisfies z.ZodType<AgentTypingPayload>;
export const AgentJoin = z.object({ workspaceId: z.uuid() }) satisfies z.ZodType<AgentJoinPayload>;
export const AgentActivity = z.object({ conversationId: z.uuid() }) satisfies z.ZodType<AgentActivityPayload>;
