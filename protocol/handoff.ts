/**
 * The handoff card: what an agent reads when the AI hands a chat over (why, what the visitor
 * said about themselves, a summary, what the AI tried, the topics). Written by the server's
 * handoff, shown by the dashboard. The engine owns the reason and the captured details.
 */
import type { HandoffReason } from '../engine/conversation/handoff';
import type { CapturedDetails } from '../engine/conversation/details';

export type { HandoffReason, CapturedDetails };

export interface HandoffCard {
  reason: HandoffReason;
  /** For a topic, the tag's id; for other reasons, the detector's reading (a score), if any. */
  detail: string | null;
  details: CapturedDetails;
  summary: string;
  /** What the AI answered before the handoff, one line each. */
  tried: string[];
  /** The names of the chat's confident topics. */
  tags: string[];
}

/**
 * A card as a conversation holds it and the API returns it: cards written before a field
 * existed, or by the demo's history, lack some; a quantity was once stored as a number.
 */
export interface StoredHandoffCard {
  reason?: HandoffReason;
  detail?: string | null;
  details?: StoredDetails;
  summary?: string;
  tried?: string[];
  tags?: string[];
}
export interface StoredDetails extends Omit<CapturedDetails, 'quantity'> {
  quantity?: string | number;
}
