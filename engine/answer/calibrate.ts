/**
 * The workspace's own answer threshold, set at index time from its own content.
 *
 * The calibrated confidence (confidence.ts) reads differently on different knowledge: a shop of
 * a few passages gives even its right answers less belief than a large FAQ gives its entries, so
 * one threshold for every workspace either silences small shops or lets large ones guess. Here
 * the index is asked what "no answer here" looks like in this workspace — the confidences it gives
 * a bank of generic off-topic customer questions (off-topic.ts) — and what "an answer here" looks
 * like — questions generated from its own chunks (their headings, sentences and phrasings, cut
 * down the way customers write). The threshold sits just above the off-topic confidences, capped
 * so most generated questions still get answered. The constants are chosen by cross-validation
 * across shops and public sets (scripts/tune/calibration.ts).
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import { titleLine } from '../retrieve/knowledge-index';
import { nextMacrotask, runSteps, runStepsAsync, type Steps, type Yielder } from '../retrieve/steps';
import type { KnowledgeChunk } from '../retrieve/types';
import { STOPWORDS, tokenize } from '../text/index';
import { answerConfidence } from './answer-model';
import { answerHits } from './ranking';
import { OFF_TOPIC_QUESTIONS } from './off-topic';
import { isQuestion } from '../conversation/odd-input';
import { splitSentences } from './sentences';
import { DEFAULT_ANSWER_THRESHOLD } from './types';

export interface CalibrationRule {
  /** Quantile of the off-topic confidences the threshold must clear. */
  offTopicQuantile: number;
  /** Added to that quantile. */
  margin: number;
  /** The threshold never goes below / above these. */
  floor: number;
  ceiling: number;
  /** The threshold never exceeds this quantile of the generated questions' confidences (right answers only). */
  generatedQuantile: number;
}

/**
 * Chosen with the answer model (answer-model.ts) on the product's own turn by
 * `npx tsx scripts/tune/shop-rule.ts eval/shops,OUT/faq-html,OUT/txt,OUT/bold,OUT/csv-plain
 * eval/heldout 0.025` (OUT from scripts/tune/shop-variants.ts): over a grid of quantiles (0.5–1),
 * margins (-0.2–0.3), floors (0.55–0.75) and ceilings (0.6–0.9), the rule that answers most while
 * the mean share of confidently wrong answers (every question counted) stays at or below 0.025:
 * 0.748 recall at 0.0235 over the seven shops and their variants. Left one shop (with its variants)
 * out, the rule fitted on the others gave a mean recall of 0.745 at 0.026 wrong. The ceiling binds
 * where every off-topic question looks answerable (CLINC150, whose test accuracy is 0.785 here
 * against 0.763 at a ceiling of 0.75). The floor lets a workspace whose off-topic questions look
 * plainly unanswerable answer a little lower (0.65–0.70 on a few shops and variants); it also keeps
 * content unlike the shops' (a generated catalogue, where the off-topic quantile alone fell to 0.1)
 * from answering anything. The generated questions' cap did not bind.
 */
export const CALIBRATION_RULE: CalibrationRule = {
  offTopicQuantile: 0.95,
  margin: 0,
  floor: 0.55,
  ceiling: 0.7,
  generatedQuantile: 0.05,
};

export interface WorkspaceCalibration {
  threshold: number;
  /** Confidences the index gives the off-topic bank (sorted ascending). */
  offTopic: number[];
  /** Confidences of generated questions whose best hit was their own chunk (sorted ascending). */
  generated: number[];
  /** Share of generated questions whose best hit was their own chunk. */
  generatedTop1: number;
}

/**
 * The off-topic questions the answer engine is asked at all: a turn replies to small talk and to
 * questions about the assistant itself ("who made you") on its own (engine/conversation), so their
 * confidences say nothing about where this workspace's answers should start.
 */
export const OFF_TOPIC_REACHING_ANSWERS = OFF_TOPIC_QUESTIONS.filter(isQuestion);

/** At most this many chunks give generated questions (spread over the index). */
const MAX_GENERATED_CHUNKS = 120;

/** Content words of a text, in order, as the customer would type them (no stems). */
function contentWords(text: string): string[] {
  return tokenize(text).filter((t) => !STOPWORDS.has(t) && t.length > 1);
}

/**
 * Questions a customer might ask that this chunk answers, written from the chunk alone: its
 * heading as a fragment, its leading sentence cut to a few content words, and (for Q&A entries)
 * its first phrasing missing a word. Deliberately terse and lossy, so they are harder than the
 * chunk's own text.
 */
export function generatedQuestions(chunk: KnowledgeChunk): string[] {
  const out: string[] = [];
  const heading = contentWords(titleLine(chunk)).slice(-4);
  if (heading.length) out.push(heading.join(' '));
  const first = splitSentences(chunk.answer ?? chunk.text).find((s) => contentWords(s).length >= 3);
  if (first) out.push(contentWords(first).slice(0, 5).join(' '));
  const q = chunk.questions[0];
  if (q) {
    const words = tokenize(q);
    const content = words.map((w, i) => (!STOPWORDS.has(w) ? i : -1)).filter((i) => i >= 0);
    // Drop the longest content word (usually the most telling one): a paraphrase, roughly.
    if (content.length >= 3) {
      const drop = content.reduce((a, i) => (words[i].length > words[a].length ? i : a), content[0]);
      out.push(words.filter((_, i) => i !== drop).join(' '));
    }
  }
  return out;
}

function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** The threshold a rule gives for a workspace's observed confidences. */
export function thresholdFrom(
  offTopic: readonly number[],
  generated: readonly number[],
  rule: CalibrationRule = CALIBRATION_RULE,
): number {
  let t = quantile(offTopic, rule.offTopicQuantile) + rule.margin;
  if (generated.length) t = Math.min(t, quantile(generated, rule.generatedQuantile));
  return Math.round(Math.min(rule.ceiling, Math.max(rule.floor, t)) * 1000) / 1000;
}

/** Measures the index on the off-topic bank and on questions generated from its chunks. */
export function calibrateIndex(index: KnowledgeIndex, rule: CalibrationRule = CALIBRATION_RULE): WorkspaceCalibration {
  return runSteps(calibrationSteps(index, rule, () => false))!;
}

/**
 * `calibrateIndex` in steps, one search each (see engine/retrieve/steps.ts); null when `stale()`
 * says, between steps, that the index changed meanwhile.
 */
function* calibrationSteps(
  index: KnowledgeIndex,
  rule: CalibrationRule,
  stale: () => boolean,
): Steps<WorkspaceCalibration | null> {
  const offTopic: number[] = [];
  for (const q of OFF_TOPIC_REACHING_ANSWERS) {
    offTopic.push(answerConfidence(index, q, answerHits(index, q)));
    yield;
    if (stale()) return null;
  }
  offTopic.sort((a, b) => a - b);
  const chunks = index.all();
  const step = Math.max(1, chunks.length / MAX_GENERATED_CHUNKS);
  const generated: number[] = [];
  let asked = 0;
  for (let k = 0; k < chunks.length; k += step) {
    const chunk = chunks[Math.floor(k)];
    for (const q of generatedQuestions(chunk)) {
      asked++;
      const hits = answerHits(index, q);
      if (hits[0]?.chunk.id === chunk.id) generated.push(answerConfidence(index, q, hits));
      yield;
      if (stale()) return null;
    }
  }
  generated.sort((a, b) => a - b);
  return {
    threshold: thresholdFrom(offTopic, generated, rule),
    offTopic,
    generated,
    generatedTop1: asked ? generated.length / asked : 0,
  };
}

const cache = new WeakMap<KnowledgeIndex, { generation: number; classifier: boolean; threshold: number }>();

/**
 * The workspace's own threshold for this index, calibrated once per build of its content (about
 * a tenth of a second on a few hundred chunks) and remembered until the content changes.
 */
export function calibratedThreshold(index: KnowledgeIndex): number {
  const generation = index.generation;
  const classifier = index.hasClassifier;
  const hit = cache.get(index);
  if (hit && hit.generation === generation && hit.classifier === classifier) return hit.threshold;
  const threshold = index.size ? calibrateIndex(index).threshold : DEFAULT_ANSWER_THRESHOLD;
  cache.set(index, { generation, classifier, threshold });
  return threshold;
}

/** Whether `calibratedThreshold` would answer from memory now (no calibration to run). */
export function hasCalibratedThreshold(index: KnowledgeIndex): boolean {
  const hit = cache.get(index);
  return !index.size || (!!hit && hit.generation === index.generation && hit.classifier === index.hasClassifier);
}

const underway = new WeakMap<KnowledgeIndex, { generation: number; classifier: boolean; threshold: Promise<number> }>();

/**
 * `calibratedThreshold` once the index is built (`prepared()`), calibrated a search at a time with
 * the thread given back between them (see engine/retrieve/steps.ts): on a large index the
 * calibration's hundreds of searches take a second. Concurrent callers share one calibration.
 */
export async function calibratedThresholdAsync(
  index: KnowledgeIndex,
  yieldTo: Yielder = nextMacrotask,
): Promise<number> {
  for (;;) {
    do await index.prepared();
    while (!index.ready);
    const generation = index.generation;
    const classifier = index.hasClassifier;
    const hit = cache.get(index);
    if (hit && hit.generation === generation && hit.classifier === classifier) return hit.threshold;
    if (!index.size) return calibratedThreshold(index);
    let run = underway.get(index);
    if (!run || run.generation !== generation || run.classifier !== classifier) {
      const threshold = runStepsAsync(
        calibrationSteps(index, CALIBRATION_RULE, () => !index.ready),
        yieldTo,
      ).then((cal) => {
        if (!cal) return NaN;
        cache.set(index, { generation, classifier, threshold: cal.threshold });
        return cal.threshold;
      });
      underway.set(index, (run = { generation, classifier, threshold }));
      const done = () => void (underway.get(index) === run && underway.delete(index));
      threshold.then(done, done);
    }
    const threshold = await run.threshold;
    // The content changed during the calibration: calibrate the new build.
    if (!Number.isNaN(threshold)) return threshold;
  }
}
