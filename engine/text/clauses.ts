/**
 * The clause of a message that asks, after what the visitor tells first: "Planning to stop by
 * Saturday with my mom, what time do you open?" asks "what time do you open?"; "Hi there! Quick
 * one - do you take Venmo?" asks "do you take Venmo?". A plain ask for one of the shop's details
 * is read in it when the whole message says more than the ask (answer/shop-details.ts).
 */

/** A question's opening word. */
const OPENING =
  /^(?:what|whats|what's|when|where|wheres|where's|how|hows|how's|who|which|why|do|does|did|can|could|would|will|is|are|r|any|anything|got|u|you|ya)\b/i;

/** Where a message's clauses part: a sentence's end, a dash, a comma or a semicolon. */
const PARTS = /(?<=[.!?])\s+|\s+[-–—]\s+|[,;:]\s+/;

/**
 * The last clause of a message of more than one that reads as a question (a question mark, or a
 * question's opening word; the first clause only with its question mark: "Is the shop open on
 * Mondays? Some places round here shut then."), or null when the message is one clause or none
 * asks.
 */
export function askingClause(message: string): string | null {
  const parts = message
    .trim()
    .split(PARTS)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (p.endsWith('?') || OPENING.test(p)) return i === 0 && !p.endsWith('?') ? null : p;
  }
  return null;
}
