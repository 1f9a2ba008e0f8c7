/**
 * The handoff card's text: a short summary of what the visitor wants, and what the AI already
 * tried, so the agent picks up without asking the visitor to repeat themselves.
 */
import { terms } from '../text/index';
import type { CapturedDetails } from './details';
import type { HandoffReason } from './handoff';
import { reportsProblem } from './problem';
import { wantsHuman } from './wants-human';

export interface AiAnswer {
  /** The visitor question it answered (optional). */
  question?: string;
  text: string;
  /** The bot said it was not sure instead of answering. */
  abstained?: boolean;
  /** Titles of the passages it cited. */
  sources?: string[];
  /** A reply to small talk ("You're welcome!"), not an attempt at the visitor's question. */
  smallTalk?: boolean;
}

export interface HandoffSummaryInput {
  visitorMessages: string[];
  aiAnswers: (string | AiAnswer)[];
  reason: HandoffReason | null;
  details: CapturedDetails;
  /** Tag names (or ids) on the conversation. */
  tags?: string[];
}

export interface HandoffSummary {
  summary: string;
  /** One line per AI answer: what it said (or that it could not answer). */
  tried: string[];
}

const REASON_TEXT: Record<HandoffReason, string> = {
  customer_request: 'the visitor asked for a person',
  topic: 'the topic needs a person',
  frustration: 'the visitor seems frustrated',
  low_confidence: 'the AI was not confident enough to answer',
  repeated_unanswered: 'the same question went unanswered twice',
  problem: 'the visitor reported trouble with their order',
};

/** A text on one line, cut at a word boundary to at most `max` characters. */
export function clip(text: string, max = 160): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:\s]+$/, '') + '…';
}

const GREETING =
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks?|thank you|ok|okay|yes|no|sure)\b[\s!.,]*$/i;

/** Content words of a message, 0 for greetings and bare requests for a person. */
function substance(m: string): number {
  if (GREETING.test(m.trim())) return 0;
  const n = terms(m).length;
  return wantsHuman(m).wants && n <= 4 ? 0 : n;
}

/**
 * What the visitor wants. Trouble with their own order if they reported any (the latest such
 * message). When the handoff was called by what they just asked (a topic that needs
 * a person, a question the AI could not answer), that question: the latest with some substance.
 * Otherwise (they asked for a person, or lost patience) their most substantive message; the
 * earliest wins ties, as the first question usually states the need.
 */
function mainRequest(messages: string[], reason: HandoffReason | null): string | undefined {
  // Trouble with their own order is what a person is needed for, whatever else they asked.
  const trouble = messages.findLast(reportsProblem);
  if (trouble) return trouble;
  if (reason === 'topic' || reason === 'low_confidence' || reason === 'repeated_unanswered' || reason === 'problem') {
    const latest = messages.findLast((m) => substance(m) >= 3);
    if (latest) return latest;
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const m of messages) {
    const score = substance(m);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

function describeDetails(d: CapturedDetails): string {
  const parts: string[] = [];
  if (d.product) parts.push(d.product);
  if (d.quantity !== undefined) parts.push(`quantity ${d.quantity}`);
  if (d.budget) parts.push(`budget ${d.budget}`);
  if (d.orderNumber) parts.push(`order ${d.orderNumber}`);
  return parts.join(', ');
}

/** Builds the handoff card's summary and the list of what the AI tried. */
export function summarizeHandoff(input: HandoffSummaryInput): HandoffSummary {
  const { details } = input;
  const who = [details.name, details.email ?? details.phone].filter(Boolean).join(', ');
  const request = mainRequest(input.visitorMessages, input.reason);
  const latest = input.visitorMessages[input.visitorMessages.length - 1];
  const parts: string[] = [];
  // A question the AI answered is said to be: the agent should not read it as still open.
  const settled =
    request !== undefined &&
    input.aiAnswers.some((a) => typeof a !== 'string' && a.question === request && !a.abstained);
  parts.push(
    `${who ? `Visitor (${who})` : 'Visitor'} ${request ? `asks: "${clip(request, 200)}"${settled ? ' (the AI answered it)' : ''}` : 'wants help'}.`,
  );
  if (latest && request && latest !== request && !GREETING.test(latest.trim()))
    parts.push(`Latest: "${clip(latest, 120)}".`);
  const known = describeDetails(details);
  if (known) parts.push(`Details: ${known}.`);
  if (input.tags?.length) parts.push(`Topic: ${input.tags.join(', ')}.`);
  if (input.reason) parts.push(`Handoff reason: ${REASON_TEXT[input.reason]}.`);

  const tried = input.aiAnswers
    .map((a) => (typeof a === 'string' ? { text: a } : a))
    .filter((a) => (a.text.trim() || a.abstained) && !a.smallTalk)
    .map((a) => {
      const q = a.question ? `"${clip(a.question, 100)}" → ` : '';
      if (a.abstained) return `${q}could not answer`;
      const src = a.sources?.length ? ` (source: ${a.sources.join(', ')})` : '';
      return `${q}${clip(a.text, 160)}${src}`;
    });
  const answered = tried.length - input.aiAnswers.filter((a) => typeof a !== 'string' && a.abstained).length;
  // Out of what the visitor asked, not out of what the AI replied to: the question that was
  // handed off got no AI answer, and it counts too. Small talk is not asked.
  const chatted = new Set(input.aiAnswers.flatMap((a) => (typeof a !== 'string' && a.smallTalk ? [a.question] : [])));
  const asked = Math.max(tried.length, input.visitorMessages.filter((m) => substance(m) > 0 && !chatted.has(m)).length);
  if (asked) parts.push(`The AI answered ${answered} of ${asked} message${asked === 1 ? '' : 's'}.`);
  return { summary: parts.join(' '), tried };
}
