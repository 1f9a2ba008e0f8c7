/**
 * Per-turn frustration cues: lexicon sentiment (VADER's human-rated word valences, with negation),
 * complaint vocabulary (failures, waiting, being ignored), anger words, shouting and punctuation.
 * Each cue is a number; frustration.ts weighs them.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { SHORTHAND } from '../retrieve/phrasings';
import { tokenize } from '../text/index';
import { cosine, loadWordVectors, normalizeVector, sentenceVector } from '../vectors/index';

let valences: Map<string, number> | undefined;

/** VADER's lexicon (vader-sentiment package, Apache-2.0): ~7,500 words, slang and emoticons rated −4..4. */
function lexicon(): Map<string, number> {
  if (!valences) {
    const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
    valences = new Map();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [w, v] = line.split('\t');
      if (w && v) valences.set(w, Number(v));
    }
  }
  return valences;
}

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const NEGATORS = set(
  'not no never none nobody nothing neither nor cannot cant dont doesnt didnt isnt wasnt arent werent wont wouldnt couldnt shouldnt havent hasnt hadnt aint without',
);

/** Something went wrong. */
const FAILURE =
  set(`problem problems issue issues broken broke faulty defective damaged error errors bug bugs glitch glitchy
  crash crashes crashed crashing outage fail failed failing failure fails stuck lost missing wrong late delayed delay delays
  cancelled canceled overcharged charged scam fraud stolen unresolved unanswered doesnt didnt wont cant cannot unable
  work working works refund refunds`);
/** It has been going on: waiting, repeating. */
const PERSISTENCE = set(`still again already yet waiting waited wait hold hours days weeks months times twice thrice
  multiple several repeatedly constantly continually every always keeps kept another third second`);
/** The service let them down: nobody answers, promises broken. */
const IGNORED = set(`nobody noone ignored ignoring ignore response respond responded reply replied answer answered
  promised supposed excuse excuses lied lie lying contacted called emailed complaint complain complained
  escalated told said claim claimed`);
/** Outright anger (beyond what the sentiment lexicon rates). */
const ANGER = set(`ridiculous unacceptable joke seriously pathetic useless worst terrible horrible awful disgusting
  disgrace appalling shocking incompetent rude wtf wth ffs smh omg outrageous absurd insane unbelievable
  hopeless clueless garbage rubbish trash sucks worthless nonsense hell damn crap shit fucking fuck bs`);
/** Thanks and warmth. */
const WARM = set(
  'thanks thank thx ty appreciate appreciated great love awesome amazing lovely perfect glad happy welcome cheers',
);
/**
 * Whether a thing is dead, asked: "is it dead??" of a yeast that shows no bubbles, "what happens if
 * the bouquet is dead after 3 days". Shops sell living things; the word is their state, not the
 * visitor's mood, so its valence is not counted.
 */
const STATE_ASKED =
  /\b(?:(?:is|are) (?:it|they|this|that|these|those|(?:my|the|our|his|her|their) [\w-]+(?: [\w-]+)?)|if (?:it|they|(?:my|the|our|his|her|their) [\w-]+(?: [\w-]+)?) (?:is|are|was|were|gets?|comes?)) (?:already |all |totally |just )?(?:dead|dying)\b/i;
const STATE_WORDS = set('dead dying');

/** Short all-caps words that are names, not shouting. */
const ACRONYMS = set(
  'i a ok us uk usa eu tv cs dm dms id pm am ups usps dhl fedex pc usb hdmi ios mac gps atm pin faq ceo vip nyc la sf dc',
);

export interface FrustrationCues {
  /** Sum of negative word valences (negation-aware), as a positive number. */
  negative: number;
  /** Sum of positive word valences. */
  positive: number;
  failure: number;
  persistence: number;
  ignored: number;
  anger: number;
  warm: number;
  /** Words in capitals while the message is not all capitals (shouting). */
  shouting: number;
  /** "!!", "?!", "???" runs and single exclamations (weighted). */
  exclaim: number;
  /** The message is a plain question ending in "?" with no negative word. */
  question: number;
  /** log of the word count. */
  length: number;
}

/** Tokens with case kept, apostrophes folded, links and @handles dropped. */
function rawTokens(text: string): string[] {
  return (
    text
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/[@#]\w+/g, ' ')
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .match(/[\p{L}\p{N}']+|[:;=][-']?[()[\]dDpP/\\|]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/gu) ?? []
  );
}

export function frustrationCues(text: string): FrustrationCues {
  const lex = lexicon();
  const toks = rawTokens(text);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 3 && letters === letters.toUpperCase();
  const c: FrustrationCues = {
    negative: 0,
    positive: 0,
    failure: 0,
    persistence: 0,
    ignored: 0,
    anger: 0,
    warm: 0,
    shouting: 0,
    exclaim: 0,
    question: 0,
    length: Math.log(1 + toks.length),
  };
  // "This is a joke" is anger; "tell me a joke" is small talk.
  const askedForJoke = /\b(?:tell|know|got|have|hear|share)\b[^.?!]{0,12}\bjokes?\b/i.test(text);
  const low = toks.map((t) => t.toLowerCase());
  const bare = low.map((t) => t.replace(/'/g, ''));
  const stateAsked = STATE_ASKED.test(text);
  toks.forEach((t, i) => {
    const w = bare[i];
    let v = stateAsked && STATE_WORDS.has(w) ? 0 : (lex.get(low[i]) ?? lex.get(w) ?? 0);
    const caps = !allCaps && t.length >= 2 && /^\p{Lu}+$/u.test(t) && !ACRONYMS.has(w);
    if (caps) c.shouting++;
    if (v !== 0) {
      if (caps) v += Math.sign(v) * 0.733;
      for (let k = 1; k <= 3 && i - k >= 0; k++) {
        const p = bare[i - k];
        if (NEGATORS.has(p) || p.endsWith('nt')) {
          v *= -0.74;
          break;
        }
      }
      if (v < 0) c.negative -= v;
      else c.positive += v;
    }
    if (FAILURE.has(w)) c.failure++;
    if (PERSISTENCE.has(w)) c.persistence++;
    if (IGNORED.has(w)) c.ignored++;
    if (ANGER.has(w) && !(w === 'joke' && askedForJoke)) c.anger++;
    if (WARM.has(w)) c.warm++;
  });
  // "Sick of waiting", "fed up": anger only in these phrases; a sick dog or a fed cat is not.
  c.anger += (text.match(/\bsick (?:of|and tired)\b|\bfed up\b/gi) ?? []).length;
  if (/\bno one\b|\bnot (?:once|a single)\b|\bno (?:response|reply|answer|resolution|help|one)\b/i.test(text))
    c.ignored++;
  if (/\bagain\b|\bonce more\b|\bfor the (?:\w+ )?time\b|\bhow many times\b/i.test(text)) c.persistence++;
  c.exclaim =
    (text.match(/[!?]*![!?]+|[!?]+![!?]*/g) ?? []).length * 1.5 +
    (text.match(/!/g) ?? []).length * 0.5 +
    (text.match(/\?\?+/g) ?? []).length;
  if (/\?\s*$/.test(text.trim()) && c.negative === 0) c.question = 1;
  if (asksHowThingsWork(text) && !c.anger && !c.shouting && !allCaps && !c.exclaim) {
    // "What is your refund policy for damaged orders?": the bad words are the question's topic.
    c.negative = 0;
    c.failure = 0;
    c.question = 1;
  }
  if (allCaps) c.shouting += 3;
  return c;
}

/**
 * Openers of a question about how things work: a policy, a fee, what happens if. Not "what is
 * wrong with you", and not "why" or "how come", which open complaints as often.
 */
const GENERAL_QUESTION =
  /^(?:(?:hi|hello|hey)\b[\s,!.]*)?(?:what(?:'s| is| are) (?:your|the) (?:[\w-]+ ){0,3}(?:polic(?:y|ies)|process|procedure|rules?|fees?|charges?|costs?|warranty|guarantee)|what (?:happens|if|do i do|should i do|can i do)|how (?:do|does|can|long|much|often|soon)|do you|does (?:your|the|it|a|an)|can (?:i|we)|could (?:i|we)|is (?:there|it possible)|are there|will (?:i|it)|if (?:i|my|the|a|an))\b/i;
/** The visitor speaks of their own order as something that already happened. */
const OWN_EVENT =
  /\b(?:i|we) (?:ordered|bought|paid|received|got|have been|ve been|'ve been|was|were|still|already|never)\b|\bmy (?:\w+ )?(?:order|package|parcel|delivery|refund|item|money|payment) (?:is|was|has|hasn't|hasnt|never|still|didn't|didnt|arrived|came)\b/i;

/**
 * A calm, general question: one sentence, opened as a question about how things work, ending in
 * "?", not telling what happened to the visitor's own order.
 */
function asksHowThingsWork(text: string): boolean {
  const t = text.trim().replace(/[\u2018\u2019]/g, "'");
  if (!/\?$/.test(t) || /[.!?]\s+\S/.test(t)) return false;
  return GENERAL_QUESTION.test(t) && !OWN_EVENT.test(t);
}

/** Seed words of the angry/calm axis in word-vector space (SemAxis, An et al. 2018). */
const ANGRY_SEEDS = `angry furious annoyed frustrated ridiculous unacceptable terrible horrible awful useless pathetic
  disgusting worst incompetent rude outrageous hate disappointed`;
const CALM_SEEDS = `happy pleased thanks great wonderful excellent love glad satisfied awesome fine calm nice helpful
  appreciate perfect good enjoy lovely fantastic`;

let axisCache: Float32Array | undefined;

function angerAxis(): Float32Array {
  if (!axisCache) {
    const wv = loadWordVectors();
    const centroid = (words: string) => {
      const v = new Float32Array(wv.dim);
      for (const w of words.split(/\s+/)) if (w) wv.addTo(v, w, 1);
      return normalizeVector(v);
    };
    const a = centroid(ANGRY_SEEDS);
    const c = centroid(CALM_SEEDS);
    axisCache = a.map((x, i) => x - c[i]);
  }
  return axisCache;
}

const DURATION =
  /\b(?:\d+|a|an|two|three|four|five|few|several|many|couple of) (?:minutes?|hours?|days?|weeks?|months?|years?)\b/gi;
const BLAME = /\b(?:you|your|youre|you're|u|ur)\b/gi;

/** Names of the entries of `frustrationFeatures` before the word-vector block. */
export const FEATURE_NAMES = [
  'negative',
  'positive',
  'failure',
  'persistence',
  'ignored',
  'anger',
  'warm',
  'shouting',
  'exclaim',
  'question',
  'length',
  'angerAxisTop',
  'angerAxisMean',
  'duration',
  'blame',
] as const;

/**
 * The feature vector the frustration model weighs: the cues (log-scaled counts), the text's
 * position on the angry/calm axis (its three most angry words and its average), waiting
 * durations, second-person blame, then the SIF sentence vector.
 */
export function frustrationFeatures(message: string): number[] {
  // "I hate to bother you" is politeness, not hate; "I'd hate to turn up to a locked door" is a
  // wish, not anger; "would it be rude to…" asks about manners.
  const text = message
    .replace(/\bhate to (bother|ask|trouble|disturb|interrupt|say)\b/gi, 'want to $1')
    .replace(/\b(i'?d|i would|would|i'?ll) hate to\b/gi, '$1 prefer not to')
    // "Would it be rude to send some anyway?" asks what is polite; it is no one being rude.
    .replace(
      /\b(?:would|will|is) it be (?:rude|impolite|tacky|weird)\b|\bis it (?:rude|impolite|tacky|weird)\b/gi,
      'is it ok',
    )
    // Chat shorthand is no tone: "r u hiring" read as typed sat nearer anger than "are you hiring".
    .replace(/\b(?:u|ur|r)\b/gi, (w) => SHORTHAND[w.toLowerCase()]);
  const c = frustrationCues(text);
  const wv = loadWordVectors();
  const axis = angerAxis();
  const sims: number[] = [];
  for (const t of tokenize(text)) {
    const v = wv.vector(t);
    if (v) sims.push(cosine(v, axis));
  }
  sims.sort((a, b) => b - a);
  const top = sims.slice(0, 3);
  const sv = sentenceVector(text, wv);
  return [
    Math.log1p(c.negative),
    Math.log1p(c.positive),
    Math.log1p(c.failure),
    Math.log1p(c.persistence),
    Math.log1p(c.ignored),
    Math.log1p(c.anger),
    Math.log1p(c.warm),
    Math.log1p(c.shouting),
    Math.log1p(c.exclaim),
    c.question,
    c.length,
    top.length ? (3 * top.reduce((a, b) => a + b, 0)) / top.length : 0,
    3 * cosine(sv, axis),
    Math.log1p((text.match(DURATION) ?? []).length),
    Math.log1p((text.match(BLAME) ?? []).length),
    ...sv,
  ];
}
