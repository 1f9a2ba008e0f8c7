/**
 * Auto-tagging from a handful of examples per tag: a softmax regression over TF-IDF words, word
 * pairs, character n-grams and SIF word vectors (see features.ts), with its confidences calibrated
 * by a temperature fitted on held-out examples. Corrections from agents are learned online.
 */
import { DEFAULT_FEATURE_WEIGHTS, Featurizer, type FeatureWeights, type SparseVector } from './features';
import { mulberry32 } from '../math/random';
import { DEFAULT_TRAIN, SoftmaxModel, softmax, type TrainOptions } from './softmax-sgd';
import { normalize } from '../text/index';
import type { LanguageModel } from 'ai';
import type { TagDefinition, TagPrediction } from './types';
import { classifyWithModel } from './model';
import { GENERIC_QUESTIONS } from './generic-questions';
import { terms } from '../text/index';

export type { TagDefinition, TagPrediction } from './types';

export interface TagClassifierOptions {
  /** Minimum confidence for `classify` to return a tag (default 0.5). */
  threshold?: number;
  features?: Partial<FeatureWeights>;
  train?: Partial<TrainOptions>;
  /** Fit the temperature on held-out examples (default true; costs a second, smaller training). */
  calibrate?: boolean;
  /** A language model for `classifyAsync`; without one (or when it fails) the offline model answers. */
  model?: LanguageModel;
  /** Called when the model fails and the offline classifier answers instead. */
  onModelError?: (err: unknown) => void;
  /**
   * Examples of "none of these tags" (default: everyday customer questions shipped with the
   * product); false for a closed set, where every text has one of the tags.
   */
  none?: readonly string[] | false;
}

/** The hidden class of texts that fit no tag; never returned. */
const NONE_ID = '\u0000none';
/** A "none" example this close (term cosine) to one of a tag's own examples says the same thing: left out. */
const NONE_NEAR_TAG = 0.5;
/**
 * The "none" class gets as many examples as this many average tags (spread evenly over the bank):
 * more rejects more off-topic texts and accepts fewer true ones (see the commit for the curve).
 */
const NONE_AS_TAGS = 4;

/** Temperature used when there are too few examples to hold some out (measured on BANKING77). */
const DEFAULT_TEMPERATURE = 0.6;
const MIN_HELD_OUT = 8;

interface Example {
  text: string;
  label: number;
}

interface Fitted {
  featurizer: Featurizer;
  model: SoftmaxModel;
  xs: SparseVector[];
}

export class TagClassifier {
  readonly threshold: number;
  private readonly defs: TagDefinition[] = [];
  private readonly byId = new Map<string, number>();
  private examples: Example[] = [];
  private negatives: Example[] = [];
  private readonly weights: FeatureWeights;
  private readonly trainOpts: TrainOptions;
  private readonly calibrate: boolean;
  private fitted!: Fitted;
  private temperature = DEFAULT_TEMPERATURE;
  private readonly rand = mulberry32(11);
  private readonly model?: LanguageModel;
  private readonly onModelError?: (err: unknown) => void;

  constructor(tags: TagDefinition[], opts: TagClassifierOptions = {}) {
    this.threshold = opts.threshold ?? 0.5;
    this.weights = { ...DEFAULT_FEATURE_WEIGHTS, ...opts.features };
    this.trainOpts = { ...DEFAULT_TRAIN, ...opts.train };
    this.calibrate = opts.calibrate ?? true;
    this.model = opts.model;
    this.onModelError = opts.onModelError;
    for (const t of tags) this.addTag(t, false);
    const none = opts.none === false ? [] : (opts.none ?? GENERIC_QUESTIONS);
    if (this.defs.length && none.length) this.addNone(none);
    this.retrain();
  }

  /** The tag definitions, with examples learned from corrections included. */
  get tags(): TagDefinition[] {
    return this.defs
      .map((d, i) => ({ ...d, examples: this.examples.filter((e) => e.label === i).map((e) => e.text) }))
      .filter((d) => d.id !== NONE_ID);
  }

  /** The calibration temperature in use (exposed for evaluation). */
  get calibrationTemperature(): number {
    return this.temperature;
  }

  /**
   * Every tag with its confidence, best first. The confidences sum to 1 less the chance that the
   * text fits none of the tags, so an off-topic text gets no confident tag merely for being closest.
   */
  predict(text: string): TagPrediction[] {
    if (this.defs.length === 0) return [];
    const { featurizer, model } = this.fitted;
    const p = softmax(model.logits(featurizer.transform(text)), this.temperature);
    return this.defs
      .map((d, i) => ({ tagId: d.id, confidence: p[i] }))
      .filter((t) => t.tagId !== NONE_ID)
      .sort((a, b) => b.confidence - a.confidence || a.tagId.localeCompare(b.tagId));
  }

  /**
   * Like `predict`, for a visitor's message of several sentences: each tag at its surest reading,
   * the whole message or one of its sentences, so a greeting, a name and an email around "can you
   * quote me a custom build?" do not water the topic down. Text of several lines (messages
   * joined, a paste) is read whole: a topic of an earlier message is not this one's.
   */
  predictMessage(text: string): TagPrediction[] {
    const parts = text.trim().includes('\n') ? [] : sentences(text);
    const readings = [text, ...(parts.length > 1 ? parts : [])].map((t) => this.predict(t));
    const best = new Map<string, number>();
    for (const r of readings) for (const p of r) best.set(p.tagId, Math.max(best.get(p.tagId) ?? 0, p.confidence));
    return [...best]
      .map(([tagId, confidence]) => ({ tagId, confidence }))
      .sort((a, b) => b.confidence - a.confidence || a.tagId.localeCompare(b.tagId));
  }

  /** Only the tags confident enough to apply (at most one at the default threshold); may be empty. */
  classify(text: string): TagPrediction[] {
    return this.predict(text).filter((p) => p.confidence >= this.threshold);
  }

  /**
   * Like `classify`, through the configured language model when there is one (structured
   * output); on any model error, or without a model, the offline classifier answers.
   */
  async classifyAsync(text: string, opts: { abortSignal?: AbortSignal } = {}): Promise<TagPrediction[]> {
    if (this.model && this.defs.length) {
      try {
        const tags = await classifyWithModel(this.model, this.tags, text, opts);
        return tags.filter((p) => p.confidence >= this.threshold);
      } catch (err) {
        this.onModelError?.(err);
      }
    }
    return this.classify(text);
  }

  /** Confident tags with their handoff flag, the shape `decideHandoff` takes as topics. */
  topics(text: string): { tagId: string; confidence: number; needsHuman: boolean }[] {
    return this.classify(text).map((p) => ({
      ...p,
      needsHuman: this.defs[this.byId.get(p.tagId)!].needsHuman ?? false,
    }));
  }

  /**
   * A correction: an agent put `tagId` on a conversation with this text. The text becomes an
   * example and the model is nudged at once until it predicts the tag for it.
   */
  learn(tagId: string, text: string): void {
    if (!text.trim()) return;
    const label = this.byId.get(tagId) ?? this.addTag({ id: tagId, name: tagId, description: '', examples: [] }, true);
    this.negatives = this.negatives.filter((n) => !(n.label === label && same(n.text, text)));
    this.examples.push({ text, label });
    const { featurizer, model } = this.fitted;
    featurizer.observe(text);
    model.ensure(featurizer.size, this.defs.length);
    const x = featurizer.transform(text);
    this.fitted.xs.push(x);
    const target = new Float64Array(this.defs.length);
    target[label] = 1;
    for (let i = 0; i < 40; i++) {
      const p = softmax(model.logits(x), this.temperature);
      if (argmax(p) === label && p[label] >= Math.max(this.threshold, 0.9)) break;
      model.step(x, target, 0.3, 0);
      this.replay(model);
    }
  }

  /**
   * A correction: an agent removed `tagId` that was put on this text. An identical example is
   * dropped; the text is kept as a negative example and the model is nudged away from the tag.
   */
  unlearn(tagId: string, text: string): void {
    const label = this.byId.get(tagId);
    if (label === undefined || !text.trim()) return;
    const keep = this.examples.map((e) => !(e.label === label && same(e.text, text)));
    this.examples = this.examples.filter((_, i) => keep[i]);
    this.fitted.xs = this.fitted.xs.filter((_, i) => keep[i]);
    this.negatives.push({ text, label });
    const { featurizer, model } = this.fitted;
    const x = featurizer.transform(text);
    for (let i = 0; i < 40; i++) {
      const p = softmax(model.logits(x), this.temperature);
      if (p[label] < this.threshold / 2 && argmax(p) !== label) break;
      model.step(x, awayFrom(label, this.defs.length), 0.3, 0);
      this.replay(model);
    }
  }

  /** Retrains from scratch on every example and correction (and recalibrates). */
  retrain(): void {
    if (this.calibrate) this.temperature = this.fitTemperature() ?? DEFAULT_TEMPERATURE;
    this.fitted = this.fit(this.examples, this.negatives);
  }

  private addTag(t: TagDefinition, live: boolean): number {
    const existing = this.byId.get(t.id);
    if (existing !== undefined) return existing;
    const label = this.defs.length;
    this.defs.push({ ...t, examples: [] });
    this.byId.set(t.id, label);
    // The name and description are examples too: they are how the admin says what the tag means.
    const seeds = [t.name.replace(/[_-]+/g, ' '), t.description, ...t.examples].filter((s) => s.trim());
    if (!live) for (const text of seeds) this.examples.push({ text, label });
    else {
      this.fitted.model.ensure(this.fitted.featurizer.size, this.defs.length);
      for (const text of seeds) this.learn(t.id, text);
    }
    return label;
  }

  /**
   * The "none of these" class, from the given examples less those that say what one of this
   * workspace's tags says (a shop with a "Gift cards" tag keeps "do gift cards expire?").
   */
  private addNone(examples: readonly string[]): void {
    const own = this.examples.map((e) => termVector(e.text));
    const kept = examples.filter((q) => {
      const v = termVector(q);
      return !own.some((o) => cosine(v, o) >= NONE_NEAR_TAG);
    });
    const n = Math.min(kept.length, Math.round((NONE_AS_TAGS * this.examples.length) / this.defs.length));
    if (!n) return;
    const label = this.defs.length;
    this.defs.push({ id: NONE_ID, name: 'none', description: '', examples: [] });
    this.byId.set(NONE_ID, label);
    for (let i = 0; i < n; i++) this.examples.push({ text: kept[Math.floor((i * kept.length) / n)], label });
  }

  /** One SGD step on a random stored example, so online corrections do not erase the rest. */
  private replay(model: SoftmaxModel): void {
    if (this.examples.length === 0) return;
    const i = Math.floor(this.rand() * this.examples.length);
    const target = new Float64Array(this.defs.length);
    target[this.examples[i].label] = 1;
    model.step(this.fitted.xs[i], target, 0.1, 0);
  }

  private fit(examples: Example[], negatives: Example[]): Fitted {
    const featurizer = new Featurizer(this.weights);
    for (const e of examples) featurizer.observe(e.text);
    const model = new SoftmaxModel(featurizer.size, this.defs.length);
    model.ensure(featurizer.size, this.defs.length);
    const xs = examples.map((e) => featurizer.transform(e.text));
    model.train(
      xs,
      examples.map((e) => e.label),
      this.trainOpts,
    );
    for (const n of negatives) {
      const x = featurizer.transform(n.text);
      for (let i = 0; i < 10; i++) model.step(x, awayFrom(n.label, this.defs.length), 0.3, 0);
    }
    return { featurizer, model, xs };
  }

  /**
   * Holds out about one example in five of each tag (never a tag's only example), trains on the
   * rest, and picks the temperature that minimises the held-out log-loss.
   */
  private fitTemperature(): number | undefined {
    const seen = new Map<number, number>();
    const train: Example[] = [];
    const held: Example[] = [];
    for (const e of this.examples) {
      const k = seen.get(e.label) ?? 0;
      seen.set(e.label, k + 1);
      (k % 5 === 3 ? held : train).push(e);
    }
    if (held.length < MIN_HELD_OUT) return undefined;
    const { featurizer, model } = this.fit(train, this.negatives);
    const logits = held.map((e) => model.logits(featurizer.transform(e.text)));
    let best = DEFAULT_TEMPERATURE;
    let bestLoss = Infinity;
    for (let t = 0.1; t <= 3; t *= 1.05) {
      let loss = 0;
      held.forEach((e, i) => (loss -= Math.log(Math.max(softmax(Float64Array.from(logits[i]), t)[e.label], 1e-12))));
      if (loss < bestLoss) {
        bestLoss = loss;
        best = t;
      }
    }
    return best;
  }
}

/** Up to the first eight sentences of a message with at least two words each. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((t) => t.trim())
    .filter((t) => t.split(/\s+/).length >= 2)
    .slice(0, 8);
}

function termVector(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms(text)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, v] of a) {
    na += v * v;
    dot += v * (b.get(t) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function same(a: string, b: string): boolean {
  return normalize(a).trim() === normalize(b).trim();
}

function argmax(p: ArrayLike<number>): number {
  let b = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[b]) b = i;
  return b;
}

/**
 * Target distribution for a negative example: any tag but `label`, none preferred — a removed
 * tag says what the text is not, not what it is.
 */
function awayFrom(label: number, classes: number): Float64Array {
  const t = new Float64Array(classes).fill(1 / Math.max(1, classes - 1));
  t[label] = 0;
  return t;
}
