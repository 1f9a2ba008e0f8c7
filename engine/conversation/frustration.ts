/**
 * Frustration of a customer turn (0..1) and across a conversation. Per turn: a logistic
 * regression over `frustrationFeatures`, weights in frustration-weights.json (fitted by
 * fit-frustration.ts). Across turns: the recent turns' scores, raised when the visitor repeats a
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

/** Probability (0..1) that a customer turn is frustrated. */
export function frustrationScore(text: string): number {
  if (!text.trim()) return 0;
  const w = model();
  const x = frustrationFeatures(text);
  let z = bias;
  for (let j = 0; j < x.length; j++) z += w[j] * x[j];
  return sigmoid(z);
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
  const ca = counts(terms(a));
  const cb = counts(terms(b));
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

/**
 * Frustration across the visitor's turns (oldest first). The latest turns count most; each turn
 * that repeats an earlier one (same content words), and "I already told you", raise the score.
 */
export function conversationFrustration(turns: string[], opts: { threshold?: number } = {}): ConversationFrustration {
  const threshold = opts.threshold ?? DEFAULT_FRUSTRATION_THRESHOLD;
  const scores = turns.map(frustrationScore);
  const n = turns.length;
  if (n === 0) return { turns: [], score: 0, frustrated: false, repeats: 0 };
  let base = 0;
  for (let i = 0; i < n; i++) base = Math.max(base, scores[i] * Math.pow(0.85, n - 1 - i));
  let repeats = 0;
  for (let j = 1; j < n; j++) {
    if (terms(turns[j]).length < 2) continue;
    for (let i = 0; i < j; i++)
      if (termSimilarity(turns[i], turns[j]) >= 0.6) {
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
