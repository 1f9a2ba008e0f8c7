/**
 * Does the visitor tell of their own case rather than ask how things work? "ups says my order was
 * delivered but its not on my porch", "the 50mm i ordered arrived with fungus inside", "theres
 * still a $200 hold on my card from the kayak we brought back sunday": trouble that has happened,
 * to them, which no page of the shop's content can settle. "can i return an opened box?" asks a
 * policy; the answer is on a page.
 *
 * The cues of problem.ts name such trouble in phrases, and a shop's customers find other words
 * for it every time. This reads the message's shape instead, in words no shop owns: who (I, my,
 * you sent), when (past tense, "yesterday", "ago", "still"), how it went (wrong, missing, never)
 * and whether it is put as a question of policy ("can I", "what if"). A logistic regression over
 * those, fitted on BANKING77's customers' own troubles against its questions of policy (banking
 * words, but the same shape), by `npx tsx scripts/tune/fit-own-case.ts`; weights in
 * own-case-weights.json. The shop sets never fitted it: they measure it.
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../text/index';

/**
 * General English the model reads, each word a feature: people, tense and aspect, negation,
 * everyday verbs of buying, sending and arriving, time, how things went, and the words that put a
 * question.
 */
export const OWN_CASE_WORDS =
  `i my me mine we our us you your it its they them their he she his her him son daughter kid kids
was were is are am been be has have had did do does didnt doesnt dont hasnt havent wasnt werent isnt arent wont cant couldnt wouldnt
still yet already never not no nothing anything again twice instead but and so because though just only even
got get came come went sent send took gave left broke arrived received paid bought ordered booked shipped delivered charged
returned cancelled canceled made said told showed shows says tried trying keeps kept
today yesterday tonight morning last week weeks days day ago since now hours minutes month
wrong missing broken damaged late lost stuck torn cracked dead leaking leaked failed declined pending
can could would will should may might what when where how why which who if whether any anyone
the a an this that these those there here one some all
please help need want`.split(/\s+/);

/** Beside the words: the message's shape. */
export const OWN_CASE_SHAPE = [
  /** Words in -ed (past tense and participles), up to three. */
  'pastTense',
  /** It opens as a question: "can", "do", "what", "if"… */
  'asks',
  'questionMark',
  'number',
  /** log(1 + words), scaled. */
  'length',
  /** "my order", "our booking". */
  'possessive',
  /** "I ordered", "we booked last week". */
  'iDid',
  /** "you sent", "you charged me". */
  'youDid',
  /** A question of policy put anywhere: "…, will you still swap it", "do I get my money back". */
  'policyClause',
  /** A case supposed: "what if I can't come", "if I cancel". */
  'supposed',
] as const;

const INDEX = new Map(OWN_CASE_WORDS.map((w, i) => [w, i]));
const OPENS_QUESTION = new Set(
  'can could would will should do does did is are am what when where how why which who if whats hows'.split(' '),
);

/** The model's inputs for a message: OWN_CASE_WORDS present (0/1), then OWN_CASE_SHAPE. */
export function ownCaseFeatures(text: string): number[] {
  const words = tokenize(text);
  const present = OWN_CASE_WORDS.map(() => 0);
  for (const w of words) {
    const i = INDEX.get(w);
    if (i !== undefined) present[i] = 1;
  }
  const has = (re: RegExp) => (re.test(text) ? 1 : 0);
  const shape: Record<(typeof OWN_CASE_SHAPE)[number], number> = {
    pastTense: Math.min(3, words.filter((w) => w.length > 4 && w.endsWith('ed')).length) / 3,
    asks: OPENS_QUESTION.has(words[0] ?? '') ? 1 : 0,
    questionMark: has(/\?/),
    number: has(/\d/),
    length: Math.log1p(words.length) / 4,
    possessive: has(/\b(?:my|our)\s+\w/i),
    iDid: has(/\b(?:i|we)\s+(?:\w+\s+)?\w+ed\b/i),
    youDid: has(/\b(?:you|u)\s+(?:\w+\s+)?\w+ed\b|\byou\s+(?:sent|gave|took|made|left|kept)\b/i),
    policyClause: has(/\b(?:can|could|will|would|do|does|is|are|should)\s+(?:i|we|you|u|it|that|they|my|our)\b/i),
    supposed: has(/\b(?:what|how about)\s+if\b|^\s*if\b|\bif\s+(?:i|we)\b/i),
  };
  return [...present, ...OWN_CASE_SHAPE.map((name) => shape[name])];
}

interface Weights {
  bias: number;
  weights: number[];
}

let model: Weights | undefined;

function weights(): Weights {
  model ??= JSON.parse(readFileSync(new URL('./own-case-weights.json', import.meta.url), 'utf8')) as Weights;
  return model;
}

/** Probability (0..1) that the message tells of the visitor's own case, not a question of policy. */
export function ownCaseScore(text: string): number {
  if (!text.trim()) return 0;
  const { bias, weights: w } = weights();
  const x = ownCaseFeatures(text);
  let z = bias;
  for (let j = 0; j < x.length; j++) z += w[j] * x[j];
  return 1 / (1 + Math.exp(-z));
}
