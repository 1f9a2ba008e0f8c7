/**
 * A workspace's settings as the dashboard reads and writes them, and the widget's share of them.
 * Zod-free: `server/domain/settings.ts` validates them and is checked against these types.
 */

export type HandoffMode = 'suggest' | 'automatic';

export interface HandoffSettingsShape {
  mode: HandoffMode;
  /** null: the engine's default threshold, chosen on data. */
  answerThreshold: number | null;
  frustrationThreshold: number;
  /** handoff: a frustrated visitor goes to a person in both modes; suggest: only offered one. */
  frustrationMode: 'handoff' | 'suggest';
  topicThreshold: number;
  triggers: {
    customerRequest: boolean;
    topic: boolean;
    frustration: boolean;
    lowConfidence: boolean;
    repeatedUnanswered: boolean;
  };
}

export type Weekday = '0' | '1' | '2' | '3' | '4' | '5' | '6';

export interface BusinessHoursSettings {
  enabled: boolean;
  timezone: string;
  /** One window per weekday ('0' = Sunday), HH:MM 24-hour; a missing day is closed. */
  days: Partial<Record<Weekday, { open: string; close: string }>>;
}

export interface WidgetSettings {
  color: string;
  greeting: string;
  position: 'right' | 'left';
  botName: string;
  allowedOrigins: string[];
}

export interface WorkspaceSettings {
  handoff: HandoffSettingsShape;
  routing: {
    strategy: 'round_robin' | 'least_loaded';
    /** Off: chats wait in the shared queue; on: assigned to online agents under their caps. */
    autoAssign: boolean;
  };
  widget: WidgetSettings;
  businessHours: BusinessHoursSettings;
  notifications: { emails: string[] };
  /** "How did we do?" after a resolve; `aiChats`: also when the visitor ends a chat only the AI answered. */
  satisfaction: { enabled: boolean; aiChats: boolean };
  /** The visitor may have the conversation emailed to them once it is resolved. */
  transcript: { enabled: boolean };
  /** Waiting-time targets, in seconds: first response (re-alert, then email), resolution, and the wait above which the visitor is offered email. */
  targets: { firstResponseS: number; resolutionS: number; offerEmailAboveS: number };
}

/** `GET /api/widget/{workspaceId}/config`: what the widget needs to draw itself (public). */
export type WidgetConfig = Pick<WidgetSettings, 'color' | 'greeting' | 'position' | 'botName'>;
