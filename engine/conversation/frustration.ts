/**
 * Frustration of a customer turn (0..1) and across a conversation. Per turn: a logistic
 * regression over `frustrationFeatures`, weights in frustration-weights.json (fitted by
 * scripts/tune/fit-frustration.ts). Across turns: the recent turns' scores, raised when the visitor repeats a
 * question or says they already said it.
 */
import { readFileSync } from 'node:fs';
import { terms } from '../text/index';
import { FEATURE_NAMES, frustrationFeatures } from './frustration-features';

interface Weights {
  bias: number;
  cues: Record<(typeof FEATURE_NAMES)[number], number>;
  vector: number[];
}

let weights: number[] | undefined;
let bias = 0;

function model(): number[] {
  if (!weights) {
    const w = JSON.parse(readFileSync(new URL('./frustration-weights.json', import.meta.url), 'utf8')) as Weights;
    weights = [...FEATURE_NAMES.map((n) => w.cues[n]), ...w.vector];
    bias = w.bias;
  }
  return weights;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));

/** Default workspace threshold: a turn or conversation at or above it counts as frustrated. */
export const DEFAULT_FRUSTRATION_THRESHOLD = 0.5;

/** A threat to complain elsewhere: a bad review, a chargeback, a lawyer, never buying again. */
const THREAT =
  /\b(?:(?:1|one|zero|0|no)[- ]?stars?|bad|negative|terrible|awful)\s+(?:review|rating)s?\b|\b(?:leave|write|post|give)\s+(?:you\s+)?(?:a\s+)?(?:bad|negative|terrible|1[- ]star|one[- ]star|scathing)\b|\b(?:report(?:ing)?\s+(?:you|this\s+(?:shop|store|company))|better business bureau|trading standards|consumer (?:protection|rights|ombudsman))\b|\bcharge\s?backs?\b|\bdispute\s+(?:the|this|my)\s+(?:charge|payment|transaction)\b|\b(?:my\s+)?(?:lawyer|attorney|solicitor)\b|\b(?:sue|suing)\s+you\b|\blegal action\b|\bnever\s+(?:order|buy|shop|ordering|buying|shopping)\w*\s+(?:from|here|with)\s+(?:you|this|here)\b/i;
/** Asking again: "third time I ask", "how many times do I have to", "I asked this already". */
const ASKED_AGAIN =
  /\b(?:second|2nd|third|3rd|fourth|4th|fifth|5th|\d+th|several|multiple|many)\s+times?\s+(?:now\s+)?(?:that\s+)?(?:i(?:'m|\s+am|'ve|\s+have)?\s+)?(?:ask|asking|asked|contact|contacting|contacted|call|calling|called|email|emailing|emailed|writ|messag|chas|tell|telling|told)\w*|\bhow many times\s+(?:do|must|should|have|will)\s+i\b|\bi(?:'ve|\s+have)?\s+already\s+(?:asked|told you|said|explained)\b|\b(?:i\s+(?:have\s+|'ve\s+)?(?:already\s+)?asked\s+(?:you\s+)?(?:this|that|about this|the same)\b.{0,15}\b(?:already|before|twice|again|yesterday))|\b(?:asked|said|told you|explained)\s+(?:this\s+|that\s+)?(?:already|twice)\b|\bstill\s+(?:no\s+(?:answer|reply|response|refund|word|news|update)|nothing|waiting)\b|\b(?:nobody|no one|noone)\s+(?:has\s+)?(?:answer|repl|respond|got back|call|help)\w*/i;
/** Demanding it now. */
const DEMAND =
  /\b(?:my\s+money\s+back|refund\s+me|give\s+me\s+(?:my|a)\s+refund|fix\s+(?:this|it))\b.{0,30}\b(?:now|immediately|today|right away|asap)\b/i;
/** "NOW", "ASAP" typed in capitals in an otherwise lower-case message. */
const SHOUTED_DEMAND = /\b(?:NOW|ASAP|IMMEDIATELY|TODAY)\b/;
/** Calling the shop a cheat: "total ripoff", "ripped me off", "what a scam", "this is a joke". */
const CONTEMPT =
  /\b(?:rip[- ]?offs?|ripped\s+(?:me\s+|us\s+)?off|scam(?:med|mers?|s)?|(?:what\s+a|total|complete|absolute)\s+joke|(?:this|it)\s+is\s+a\s+joke)\b/i;
const ANGRY_EMOJI = /[\u{1F620}\u{1F621}\u{1F624}\u{1F47F}\u{1F4A2}\u{1F92C}\u{1F595}\u{1F44E}]/u;

/**
 * Explicit signs of frustration the lexicon model reads poorly: threats of a bad review or a
 * chargeback, asking again, demanding it now, a message typed in capitals, angry emoji, calling
 * the shop a cheat ("total ripoff": the lexicon knows "ridiculous" but not "ripoff"). Counted
 * (0..4); each adds to the turn's log-odds in `frustrationScore`.
 */
export function explicitFrustration(text: string): number {
  const words = text.match(/\p{L}+/gu) ?? [];
  const letters = words.join('');
  const shouted =
    words.length >= 3 && letters.length >= 10 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return Math.min(
    4,
    [
      THREAT.test(text),
      ASKED_AGAIN.test(text),
      DEMAND.test(text) || (!shouted && SHOUTED_DEMAND.test(text)),
      shouted,
      ANGRY_EMOJI.test(text),
      CONTEMPT.test(text),
    ].filter(Boolean).length,
  );
}

/** Log-odds each explicit sign adds: one alone takes a calm-sounding turn to about the threshold. */
const EXPLICIT_WEIGHT = 1.8;

/** Probability (0..1) that a customer turn is frustrated. */
export function frustrationScore(text: string): number {
  if (!text.trim()) return 0;
  const w = model();
  const x = frustrationFeatures(text);
  let z = bias;
  for (let j = 0; j < x.length; j++) z += w[j] * x[j];
  return sigmoid(z + EXPLICIT_WEIGHT * explicitFrustration(text));
}

/** "I already told you", "as I said", "again:" — the visitor is repeating themselves. */
const RESTATED =
  /\b(?:i|we) (?:already|just|have already|already have|ve already|'ve already) (?:told|said|asked|explained|gave|sent|mentioned|wrote)\b|\bas i (?:said|mentioned|told you|explained)\b|\b(?:i said|like i said|i repeat|read my (?:last )?message|same question|asking again|ask(?:ed)? (?:you )?(?:again|twice|before))\b/i;

export interface ConversationFrustration {
  /** Per-turn scores, in the order given. */
  turns: number[];
  /** Frustration of the conversation now (0..1), weighted towards the latest turns. */
  score: number;
  /** score ≥ threshold. */
  frustrated: boolean;
  /** Turns that repeat an earlier question. */
  repeats: number;
}

/** Cosine of two texts' stemmed content terms (bag of words). */
export function termSimilarity(a: string, b: string): number {
  return cosine(counts(terms(a)), counts(terms(b)));
}

function cosine(ca: Map<string, number>, cb: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, v] of ca) {
    na += v * v;
    dot += v * (cb.get(t) ?? 0);
  }
  for (const v of cb.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function counts(ts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** A turn as `conversationFrustration` reads it: its score and its bag of content terms. */
interface TurnReading {
  score: number;
  bag: Map<string, number>;
  terms: number;
}

/**
 * Recent turns' readings, oldest dropped first. Every turn of a chat reads all the visitor's
 * turns before it again: without these, a chat's cost grew with the square of its length.
 */
const readings = new Map<string, TurnReading>();
const MAX_READINGS = 2048;
/** Longer turns (pastes) are read each time rather than kept. */
const MAX_KEPT_CHARS = 2000;

function readingOf(text: string): TurnReading {
  const kept = readings.get(text);
  if (kept) return kept;
  const ts = terms(text);
  const reading = { score: frustrationScore(text), bag: counts(ts), terms: ts.length };
  if (text.length <= MAX_KEPT_CHARS) {
    if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value!);
    readings.set(text, reading);
  }
  return reading;
}

/**
 * Frustration across the visitor's turns (oldest first). The latest turns count most; each turn
 * that repeats an earlier one (same content words), and "I already told you", raise the score.
 */
export function conversationFrustration(turns: string[], opts: { threshold?: number } = {}): ConversationFrustration {
  const threshold = opts.threshold ?? DEFAULT_FRUSTRATION_THRESHOLD;
  const read = turns.map(readingOf);
  const scores = read.map((r) => r.score);
  const n = turns.length;
  if (n === 0) return { turns: [], score: 0, frustrated: false, repeats: 0 };
  let base = 0;
  for (let i = 0; i < n; i++) base = Math.max(base, scores[i] * Math.pow(0.85, n - 1 - i));
  let repeats = 0;
  for (let j = 1; j < n; j++) {
    if (read[j].terms < 2) continue;
    for (let i = 0; i < j; i++)
      if (cosine(read[i].bag, read[j].bag) >= 0.6) {
        repeats++;
        break;
      }
  }
  const restated = turns.slice(-3).some((t) => RESTATED.test(t));
  const rising = n >= 2 && scores[n - 1] >= 0.4 && scores[n - 2] >= 0.4;
  const z = logit(base) + 1.2 * Math.min(repeats, 3) + (restated ? 1.5 : 0) + (rising ? 0.5 : 0);
  const score = sigmoid(z);
  return { turns: scores, score, frustrated: score >= threshold, repeats };
}
