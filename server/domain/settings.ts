/**
 * A workspace's settings: stored as JSON, validated here, defaults filled on every read so that
 * older rows gain new settings without a migration.
 */
import { z } from 'zod';
import type { WorkspaceSettings as WorkspaceSettingsShape } from '../../protocol/settings';
import type { Equal, Expect } from '../../protocol/type-check';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour');

export const BusinessHours = z.object({
  enabled: z.boolean().default(false),
  timezone: z.string().default('UTC'),
  /** One window per weekday, 0 = Sunday; a missing day is closed. */
  days: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.object({ open: hhmm, close: hhmm })).default({}),
});

const BOT_NAME_MAX = 60;

export const WorkspaceSettings = z.object({
  handoff: z
    .object({
      mode: z.enum(['suggest', 'automatic']).default('suggest'),
      /** null: the engine's default threshold, chosen on data. */
      answerThreshold: z.number().min(0).max(1).nullable().default(null),
      frustrationThreshold: z.number().min(0).max(1).default(0.5),
      /** handoff: a frustrated visitor goes to a person in both modes; suggest: only offered one. */
      frustrationMode: z.enum(['handoff', 'suggest']).default('handoff'),
      topicThreshold: z.number().min(0).max(1).default(0.75),
      triggers: z
        .object({
          customerRequest: z.boolean().default(true),
          topic: z.boolean().default(true),
          frustration: z.boolean().default(true),
          lowConfidence: z.boolean().default(true),
          repeatedUnanswered: z.boolean().default(true),
        })
        .prefault({}),
    })
    .prefault({}),
  routing: z
    .object({
      strategy: z.enum(['round_robin', 'least_loaded']).default('least_loaded'),
      /**
       * Off by default: chats wait in the shared queue and any free person picks one up (the way a
       * team of two or three works). On: chats are assigned to online agents under their caps.
       */
      autoAssign: z.boolean().default(false),
    })
    .prefault({}),
  widget: z
    .object({
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1f6feb')
        .default('#b4462b'),
      greeting: z.string().max(300).default('Hi! Ask me anything about the shop.'),
      position: z.enum(['right', 'left']).default('right'),
      botName: z.string().max(BOT_NAME_MAX).default('Shop assistant'),
      allowedOrigins: z.array(z.string().max(200)).max(50).default([]),
    })
    .prefault({}),
  businessHours: BusinessHours.prefault({}),
  notifications: z.object({ emails: z.array(z.email()).max(20).default([]) }).prefault({}),
  /** "How did we do?" after a resolve; `aiChats`: also when the visitor ends a chat only the AI answered. */
  satisfaction: z.object({ enabled: z.boolean().default(true), aiChats: z.boolean().default(true) }).prefault({}),
  /** The visitor may have the conversation emailed to them once it is resolved. */
  transcript: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  /** Waiting-time targets, in seconds (see server/domain/targets.ts). */
  targets: z
    .object({
      /**
       * A handed-off chat not picked up within this alerts again, and after twice this emails the
       * owner/admins. Five minutes: what a team that also serves the shop floor can keep, and the
       * wait above which the visitor is offered email (offerEmailAboveS).
       */
      firstResponseS: z.number().int().min(1).max(86_400).default(300),
      /** From the handoff to the resolve. */
      resolutionS: z
        .number()
        .int()
        .min(1)
        .max(30 * 86_400)
        .default(4 * 3600),
      /** Above this estimated wait the visitor is offered to be answered by email. */
      offerEmailAboveS: z.number().int().min(0).max(86_400).default(300),
    })
    .prefault({}),
});

export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
type _SameAsProtocol = Expect<Equal<WorkspaceSettings, WorkspaceSettingsShape>>;

/**
 * The assistant's name a new shop starts with, the widget's title: "Bean There assistant" tells a
 * visitor whose chat this is where "Shop assistant" did not. A name too long for the title stands
 * alone, cut to fit at a word.
 */
export function assistantNameFor(shop: string): string {
  const name = `${shop} assistant`;
  if (name.length <= BOT_NAME_MAX) return name;
  if (shop.length <= BOT_NAME_MAX) return shop;
  // At the last whole word, unless the first word alone is too long.
  const cut = shop.slice(0, BOT_NAME_MAX + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, BOT_NAME_MAX)).trim();
}

/**
 * Reads stored settings, filling defaults. A section stored invalid (written by an older version,
 * or by hand) falls back to its defaults alone: the other sections keep what the team set.
 */
export function readSettings(stored: unknown): WorkspaceSettings {
  const parsed = WorkspaceSettings.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const raw: Record<string, unknown> = stored !== null && typeof stored === 'object' ? { ...stored } : {};
  for (const [key, section] of Object.entries(WorkspaceSettings.shape))
    if (!section.safeParse(raw[key]).success) delete raw[key];
  return WorkspaceSettings.parse(raw);
}
