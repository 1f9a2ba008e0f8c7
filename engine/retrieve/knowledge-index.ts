/**
 * A workspace's knowledge, searchable in memory: hybrid retrieval over chunks.
 *
 * Rankers, each cheap on its own: a classifier trained on the chunks' phrasings/titles/texts;
 * BM25 with typo tolerance over phrasings+titles and over passages; character n-gram cosine over
 * phrasings+titles; word-vector cosine; and, when configured, a provider's embeddings; plus how
 * much of the question the chunk's best field and its title line cover. Their
 * top candidates are pooled and re-ranked by a fitted linear fusion (fusion.ts).
 *
 * Updates are incremental at the API (upsert / remove by chunk or source); the derived
 * structures are rebuilt lazily on the next search (or on `prepare()`), reusing each chunk's
 * analysis, or by `prepared()` in slices of a few milliseconds (steps.ts) while searches answer
 * from the previous build — a server's thread is never held for the second a large upload's
 * rebuild takes. Rebuilding includes retraining the classifier, which costs seconds on FAQ-sized
 * knowledge and is skipped beyond a work budget (large passage-only sites).
 */
import { Bm25Index } from './bm25';
import { CharIndex } from './chars';
import {
  ChunkClassifier,
  DEFAULT_CLASSIFIER_OPTIONS,
  type ClassifierOptions,
  type TrainingPlan,
} from './entry-classifier';
import { dotDense, SentenceEncoder } from './dense';
import { askedStems, contentStems } from './features';
import { fuse, FUSION_WEIGHTS, type FusionWeights } from './fusion';
import { factKinds, factWords, kindMask, kindMatch, questionKinds, withoutKindCues } from '../text/answer-type';
import { SoftmaxModel, trainSoftmax, type SoftmaxTrainer } from './softmax-lbfgs';
import { cosine } from '../math/vector';
import { Spelling, type KnownWords } from './spelling';
import { mapSteps, nextMacrotask, runSteps, runStepsAsync, type Steps, type Yielder } from './steps';
import { topN, topOf } from './top';
import type { Embedder, HitFeatures, KnowledgeChunk, SearchHit, WordVectorsLike } from './types';

export interface KnowledgeIndexOptions {
  /** Word vectors for the semantic rankers (see `loadDefaultWordVectors`); none when omitted. */
  wordVectors?: WordVectorsLike | null;
  /** A provider's embeddings, joined into the fusion once `embedPending()` has run. */
  embedder?: Embedder | null;
  /** Classifier settings, or false to go without it. */
  classifier?: Partial<ClassifierOptions> | false;
  /**
   * Trains the classifier elsewhere (a worker thread), so a rebuild does not block the caller's
   * thread for seconds. The index searches without the classifier until `prepared()` resolves.
   * Without it, training runs inline during the rebuild.
   */
  trainer?: SoftmaxTrainer | null;
  weights?: FusionWeights;
  /** Candidates each ranker contributes to the re-ranking pool. */
  poolSize?: number;
  /**
   * How `prepared()` gives the thread back between slices of a rebuild (default: the next
   * macrotask), so a large rebuild never holds the caller's event loop for long.
   */
  yieldTo?: Yielder;
}

export interface SearchOptions {
  /** The query's embedding from the configured embedder (see `searchAsync`). */
  queryEmbedding?: Float32Array;
}

interface Compiled {
  /** Which build this is (see `generation`). */
  generation: number;
  /** The content version it was built from (see `KnowledgeIndex.version`). */
  version: number;
  chunks: KnowledgeChunk[];
  /** Short texts (phrasings and title line), chunk i owning [shortStart[i], shortStart[i+1]). */
  shortTexts: string[];
  shortIsQuestion: Uint8Array;
  shortOwner: Int32Array;
  shortStart: Int32Array;
  /** 1 for Q&A entries (phrasings or an answer), 0 for passages. */
  isQa: Uint8Array;
  shortBm25: Bm25Index;
  longBm25: Bm25Index;
  /** Per chunk: the title line alone. */
  titleBm25: Bm25Index;
  chars: CharIndex;
  shortVec: Float32Array | null;
  longVec: Float32Array | null;
  classifier: ChunkClassifier | null;
  /** Per chunk: the kinds of fact its text holds (engine/text/answer-type.ts), as a bit mask. */
  facts: Uint8Array;
  /** The shop's own words, to read a question's misspellings and run-together words by. */
  spelling: Spelling;
  /** Per-chunk score buffers reused by every search (cleared after each). */
  scratch: {
    classifier: Float64Array;
    phrasing: Float64Array;
    bestShort: Int32Array;
    bestShortScore: Float64Array;
    passage: Float64Array;
    chars: Float64Array;
    coverage: Float64Array;
    title: Float64Array;
  };
}

/** Below this best lexical score, word vectors search the whole index for candidates. */
const WEAK_LEXICAL = 0.5;

/** The line a chunk is known by: its heading path and title, without repeats. */
export function titleLine(chunk: KnowledgeChunk): string {
  const parts = [...chunk.headingPath, chunk.title].map((s) => s.trim()).filter(Boolean);
  return parts.filter((p, i) => parts.indexOf(p) === i).join(' — ');
}

export class KnowledgeIndex {
  private readonly chunks = new Map<string, KnowledgeChunk>();
  private readonly embeddings = new Map<string, Float32Array>();
  private compiled: Compiled | null = null;
  private readonly encoder: SentenceEncoder | null;
  private readonly embedder: Embedder | null;
  private readonly weights: FusionWeights;
  private readonly classifierOptions: ClassifierOptions | null;
  private readonly poolSize: number;
  private readonly trainer: SoftmaxTrainer | null;
  /** The classifier's training for the current build, when it runs elsewhere. */
  private training: Promise<void> = Promise.resolve();
  /** Whether `training` has finished (the classifier of the current build is in place). */
  private trained = true;
  private readonly yieldTo: Yielder;
  /** Counts content changes; a build is current when it was made from the latest version. */
  private version = 0;
  /** The build under way in slices (`prepared()`), if any. */
  private building: Promise<void> | null = null;

  constructor(opts: KnowledgeIndexOptions = {}) {
    this.trainer = opts.trainer ?? null;
    this.encoder = opts.wordVectors ? new SentenceEncoder(opts.wordVectors) : null;
    this.embedder = opts.embedder ?? null;
    this.weights = opts.weights ?? FUSION_WEIGHTS;
    this.classifierOptions =
      opts.classifier === false ? null : { ...DEFAULT_CLASSIFIER_OPTIONS, ...(opts.classifier ?? {}) };
    this.poolSize = opts.poolSize ?? 20;
    this.yieldTo = opts.yieldTo ?? nextMacrotask;
  }

  /** The word vectors the index was given (null without). */
  get wordVectors(): WordVectorsLike | null {
    return this.encoder?.vectors ?? null;
  }

  /**
   * The build searches use now; changes whenever the searchable content does (each rebuild of the
   * search structures). During a rebuild under way in `prepared()`, the previous build's.
   */
  get generation(): number {
    return this.searchable().generation;
  }

  /** Whether the search structures match the content (a search now builds nothing). */
  get ready(): boolean {
    return this.compiled?.version === this.version;
  }

  /** Ready, and its classifier trained: `prepared()` would wait for nothing. */
  get settled(): boolean {
    return this.ready && this.trained && !this.building;
  }

  private builds = 0;

  get size(): number {
    return this.chunks.size;
  }

  /** Adds or replaces chunks (by id). */
  upsert(chunks: readonly KnowledgeChunk[]): void {
    for (const c of chunks) {
      const old = this.chunks.get(c.id);
      if (old && embeddingText(old) !== embeddingText(c)) this.embeddings.delete(c.id);
      this.chunks.set(c.id, c);
    }
    if (chunks.length) this.version++;
  }

  /** Removes every chunk of a source; returns how many went. */
  removeSource(sourceId: string): number {
    const ids = [...this.chunks.values()].filter((c) => c.sourceId === sourceId).map((c) => c.id);
    return this.removeChunks(ids);
  }

  /** Removes chunks by id; returns how many existed. */
  removeChunks(ids: readonly string[]): number {
    let n = 0;
    for (const id of ids) {
      if (this.chunks.delete(id)) n++;
      this.embeddings.delete(id);
    }
    if (n) this.version++;
    return n;
  }

  /** Every indexed chunk, in insertion order. */
  all(): KnowledgeChunk[] {
    return [...this.chunks.values()];
  }

  /** The chunk with this id, if indexed. */
  get(id: string): KnowledgeChunk | undefined {
    return this.chunks.get(id);
  }

  /** Builds the search structures now rather than on the first search. */
  prepare(): void {
    this.compile();
  }

  /**
   * Builds the search structures in slices, giving the thread back between them (see `yieldTo`),
   * and waits for the classifier's training (see `trainer`). Meanwhile searches answer from the
   * previous build, if there is one; the new one replaces it when complete.
   */
  async prepared(): Promise<void> {
    while (!this.ready) await (this.building ??= this.buildInSlices());
    await this.training;
  }

  private async buildInSlices(): Promise<void> {
    try {
      const version = this.version;
      const built = await runStepsAsync(this.compileSteps(this.sortedChunks()), this.yieldTo);
      // A build made meanwhile from newer content (a search with no build to answer from) stays.
      if (!this.compiled || this.compiled.version < version) this.install(built, version);
    } finally {
      this.building = null;
    }
  }

  /** Whether a classifier is part of the current build (false until the first search or prepare). */
  get hasClassifier(): boolean {
    return !!this.compiled?.classifier;
  }

  /** Embeds chunks that have no embedding yet with the configured embedder; returns how many. */
  async embedPending(batchSize = 64): Promise<number> {
    if (!this.embedder) return 0;
    const pending = [...this.chunks.values()].filter((c) => !this.embeddings.has(c.id));
    for (let i = 0; i < pending.length; i += batchSize) {
      const batch = pending.slice(i, i + batchSize);
      const vectors = await this.embedder.embed(batch.map(embeddingText));
      batch.forEach((c, k) => vectors[k] && this.embeddings.set(c.id, unitCopy(vectors[k])));
    }
    return pending.length;
  }

  /** Searches with the embedder's view of the query too, when one is configured. */
  async searchAsync(query: string, k = 5): Promise<SearchHit[]> {
    if (!this.embedder) return this.search(query, k);
    await this.embedPending();
    const [queryEmbedding] = await this.embedder.embed([query]);
    return this.search(query, k, { queryEmbedding });
  }

  /** The query as the shop would spell it (spelling.ts); every search reads it so. */
  correct(query: string): string {
    return this.searchable().spelling.correct(query);
  }

  /** Whether the shop's content holds the word (or another of its stem) anywhere. */
  writes(word: string): boolean {
    return this.searchable().spelling.writes(word);
  }

  /** Whether the shop's content holds the word or one made from it ("delivery" for "deliver"). */
  writesRoot(word: string): boolean {
    return this.searchable().spelling.writesRoot(word);
  }

  /** The k best chunks for a query, best first. */
  search(query: string, k = 5, opts: SearchOptions = {}): SearchHit[] {
    const c = this.searchable();
    const n = c.chunks.length;
    if (!n || !query.trim()) return [];
    query = c.spelling.correct(query);
    const { classifier, phrasing, bestShort, bestShortScore, passage, chars, coverage, title } = c.scratch;
    try {
      return this.rank(c, query, k, opts);
    } finally {
      // Scratch arrays are shared between searches: clear what this one wrote.
      classifier.fill(0);
      phrasing.fill(0);
      bestShort.fill(-1);
      bestShortScore.fill(0);
      passage.fill(0);
      chars.fill(0);
      coverage.fill(0);
      title.fill(0);
    }
  }

  private rank(c: Compiled, query: string, k: number, opts: SearchOptions): SearchHit[] {
    const n = c.chunks.length;
    const stems = askedStems(withoutKindCues(query));
    const asked = kindMask(questionKinds(query));
    const { classifier, phrasing, bestShort, bestShortScore, passage, chars, coverage, title } = c.scratch;
    if (c.classifier) {
      const p = c.classifier.probabilities(query);
      c.classifier.classOf.forEach((chunk, cls) => (classifier[chunk] = p[cls]));
    }

    const short = c.shortBm25.search(stems);
    for (const d of short.touched) {
      const owner = c.shortOwner[d];
      const cov = short.matched[d] / (short.idfTotal || 1);
      if (cov > coverage[owner]) coverage[owner] = cov;
      const s = short.scores[d] / (short.ceiling || 1);
      if (s > phrasing[owner]) phrasing[owner] = s;
      if (s > bestShortScore[owner]) {
        bestShortScore[owner] = s;
        bestShort[owner] = d;
      }
    }

    const long = c.longBm25.search(stems);
    for (const d of long.touched) passage[d] = long.scores[d] / (long.ceiling || 1);

    // Coverage by the best single field (one phrasing, or the title line, or title + text): words
    // scattered over several phrasings of an entry ("do you offer…", "…a drum kit?") do not add up.
    for (const d of long.touched) coverage[d] = Math.max(coverage[d], long.matched[d] / (long.idfTotal || 1));
    const tl = c.titleBm25.search(stems);
    for (const d of tl.touched) title[d] = Math.min(1, tl.matched[d] / (tl.idfTotal || 1));

    const ch = c.chars.search(query);
    for (const d of ch.touched) {
      const owner = c.shortOwner[d];
      const s = ch.scores[d];
      if (s > chars[owner]) chars[owner] = s;
      if (s > bestShortScore[owner]) {
        bestShortScore[owner] = s;
        bestShort[owner] = d;
      }
    }

    const pool = new Set<number>();
    const m = Math.max(k, this.poolSize);
    const add = (ids: number[]) => ids.forEach((i) => pool.add(i));
    if (c.classifier) add(topOf(c.classifier.classOf, classifier, m));
    // Short-text rankers score texts; their best texts' owners are the candidates.
    add(topOf(short.touched, short.scores, m).map((d) => c.shortOwner[d]));
    add(topOf(long.touched, passage, m));
    add(topOf(ch.touched, ch.scores, m).map((d) => c.shortOwner[d]));
    const qVec = this.encoder && c.shortVec ? this.encoder.encode(query) : null;
    const qEmb = opts.queryEmbedding ? unitCopy(opts.queryEmbedding) : null;
    // Meaning without shared words: the classifier already scores every chunk when there is
    // one. Without it, the word-vector ranker nominates candidates when the words found little
    // (a full scan costs ~0.5 ms on 5,000 chunks, so it is kept for when it can matter).
    let lexicalBest = 0;
    for (const i of pool) lexicalBest = Math.max(lexicalBest, passage[i], phrasing[i], chars[i]);
    if (qVec && c.longVec && !c.classifier && lexicalBest < WEAK_LEXICAL) {
      const sims = new Float64Array(n);
      const lv = c.longVec;
      const dim = qVec.length;
      for (let i = 0, off = 0; i < n; i++, off += dim) {
        let s = 0;
        for (let d = 0; d < dim; d++) s += qVec[d] * lv[off + d];
        sims[i] = s;
      }
      add(topOf(n, sims, m));
    }
    if (qEmb) {
      const sims = c.chunks.map((ch) => {
        const e = this.embeddings.get(ch.id);
        return e && e.length === qEmb.length ? dotDense(qEmb, e) : -1;
      });
      add(topOf(n, sims, m).filter((i) => sims[i] > 0));
    }
    if (!pool.size) return [];

    const scored: { i: number; f: HitFeatures; score: number }[] = [];
    for (const i of pool) {
      let vector = 0;
      if (qVec && c.shortVec && c.longVec) {
        const dim = qVec.length;
        vector = dotDense(qVec, c.longVec, i * dim);
        for (let d = c.shortStart[i]; d < c.shortStart[i + 1]; d++)
          vector = Math.max(vector, dotDense(qVec, c.shortVec, d * dim));
      }
      const emb = qEmb ? this.embeddings.get(c.chunks[i].id) : undefined;
      const f: HitFeatures = {
        classifier: classifier[i],
        phrasing: phrasing[i],
        passage: passage[i],
        chars: chars[i],
        vector,
        embedding: emb && qEmb && emb.length === qEmb.length ? dotDense(qEmb, emb) : 0,
        coverage: coverage[i],
        title: title[i],
        kind: kindMatch(asked, c.facts[i]),
        qa: c.isQa[i],
      };
      scored.push({ i, f, score: fuse(f, this.weights) });
    }
    let max = -Infinity;
    for (const s of scored) max = Math.max(max, s.score);
    let z = 0;
    for (const s of scored) z += Math.exp(s.score - max);
    return topN(scored, k, (s) => s.score).map((s) => {
      const d = bestShort[s.i];
      const probability = Math.exp(s.score - max) / z;
      // Without a classifier (knowledge too large to train one), the fused belief stands in for
      // it, so confidence calibrated with a classifier keeps its meaning.
      if (!c.classifier) s.f.classifier = probability;
      return {
        chunk: c.chunks[s.i],
        score: s.score,
        probability,
        matchedQuestion: d >= 0 && c.shortIsQuestion[d] ? c.shortTexts[d] : null,
        features: s.f,
      };
    });
  }

  /** The build a search uses: the current one, else the previous while a rebuild is under way, else a new one. */
  private searchable(): Compiled {
    if (this.compiled && (this.building || this.compiled.version === this.version)) return this.compiled;
    return this.compile();
  }

  /** The current build, made now (at once) if the content changed since the last. */
  private compile(): Compiled {
    if (this.compiled && this.compiled.version === this.version) return this.compiled;
    const version = this.version;
    return this.install(runSteps(this.compileSteps(this.sortedChunks())), version);
  }

  /**
   * In id order, whatever the order of upserts: the same knowledge always builds the same
   * structures and the same training job (whose trained model a server may have stored).
   */
  private sortedChunks(): KnowledgeChunk[] {
    return [...this.chunks.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Makes a build the one searches use, and starts its classifier's training elsewhere. */
  private install(
    built: { compiled: Omit<Compiled, 'generation' | 'version'>; plan: TrainingPlan | null },
    version: number,
  ): Compiled {
    const compiled: Compiled = { ...built.compiled, generation: ++this.builds, version };
    this.compiled = compiled;
    const plan = built.plan;
    if (plan && this.trainer) {
      const { xs, labels, classes, features, opts } = plan.job;
      const training = this.trainer(plan.job).then(
        ({ w, b }) => {
          compiled.classifier = ChunkClassifier.fromPlan(plan, new SoftmaxModel(classes, features, w, b));
        },
        // The trainer failed (its worker died): train here rather than go without the classifier.
        () => {
          compiled.classifier = ChunkClassifier.fromPlan(plan, trainSoftmax(xs, labels, classes, features, opts));
        },
      );
      this.training = training;
      this.trained = false;
      const done = () => void (this.training === training && (this.trained = true));
      training.then(done, done);
    } else {
      this.training = Promise.resolve();
      this.trained = true;
    }
    return compiled;
  }

  /** The search structures over these chunks (and the classifier's training plan, to run elsewhere). */
  private *compileSteps(
    chunks: KnowledgeChunk[],
  ): Steps<{ compiled: Omit<Compiled, 'generation' | 'version'>; plan: TrainingPlan | null }> {
    const shortTexts: string[] = [];
    const shortIsQuestion: number[] = [];
    const shortOwner: number[] = [];
    const shortStart = new Int32Array(chunks.length + 1);
    const longTexts: string[] = [];
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      shortStart[i] = shortTexts.length;
      const seen = new Set<string>();
      const add = (t: string, isQuestion: boolean) => {
        const key = t.trim().toLowerCase();
        if (!key || seen.has(key)) return;
        seen.add(key);
        shortTexts.push(t);
        shortIsQuestion.push(isQuestion ? 1 : 0);
        shortOwner.push(i);
      };
      for (const q of chunk.questions) add(q, true);
      add(titleLine(chunk), false);
      longTexts.push([titleLine(chunk), chunk.text, factWords(chunk.text)].join('\n'));
      if (i % 64 === 63) yield;
    }
    shortStart[chunks.length] = shortTexts.length;
    const enc = this.encoder;
    let shortVec: Float32Array | null = null;
    let longVec: Float32Array | null = null;
    if (enc) {
      const sv = (shortVec = new Float32Array(shortTexts.length * enc.dim));
      for (let d = 0; d < shortTexts.length; d++) {
        sv.set(enc.encode(shortTexts[d]), d * enc.dim);
        if (d % 32 === 31) yield;
      }
      const lv = (longVec = new Float32Array(chunks.length * enc.dim));
      for (let d = 0; d < longTexts.length; d++) {
        lv.set(enc.encode(longTexts[d]), d * enc.dim);
        if (d % 8 === 7) yield;
      }
    }
    const shortBm25 = yield* Bm25Index.steps(yield* mapSteps(shortTexts, contentStems, 32));
    const longBm25 = yield* Bm25Index.steps(yield* mapSteps(longTexts, contentStems, 8));
    const titleBm25 = yield* Bm25Index.steps(yield* mapSteps(chunks, (ch) => contentStems(titleLine(ch)), 32));
    const chars = yield* CharIndex.steps(shortTexts);
    const facts = Uint8Array.from(yield* mapSteps(chunks, (ch) => kindMask(factKinds(ch.answer ?? ch.text)), 16));
    const scratch = enc ? new Float32Array(enc.dim) : null;
    const english: KnownWords | null =
      enc && scratch
        ? {
            has: (w) => enc.vectors.addTo(scratch, w, 0),
            similarity: (a, b) => {
              const [x, y] = [new Float32Array(enc.dim), new Float32Array(enc.dim)];
              return enc.vectors.addTo(x, a, 1) && enc.vectors.addTo(y, b, 1) ? cosine(x, y) : 0;
            },
          }
        : null;
    const spelling = yield* Spelling.steps([...shortTexts, ...longTexts], english, shortTexts);
    let classifier: ChunkClassifier | null = null;
    let plan: TrainingPlan | null = null;
    if (this.classifierOptions) {
      plan = yield* ChunkClassifier.planSteps(chunks, enc, this.classifierOptions);
      if (plan && !this.trainer) {
        // No trainer elsewhere: train here, at once (seconds on FAQ-sized knowledge).
        const { xs, labels, classes, features, opts } = plan.job;
        classifier = ChunkClassifier.fromPlan(plan, trainSoftmax(xs, labels, classes, features, opts));
        plan = null;
      }
    }
    return {
      compiled: {
        chunks,
        shortTexts,
        shortIsQuestion: Uint8Array.from(shortIsQuestion),
        shortOwner: Int32Array.from(shortOwner),
        shortStart,
        isQa: Uint8Array.from(chunks, (ch) => (ch.questions.length > 0 || ch.answer !== undefined ? 1 : 0)),
        shortBm25,
        longBm25,
        titleBm25,
        chars,
        shortVec,
        longVec,
        facts,
        spelling,
        classifier,
        scratch: {
          classifier: new Float64Array(chunks.length),
          phrasing: new Float64Array(chunks.length),
          bestShort: new Int32Array(chunks.length).fill(-1),
          bestShortScore: new Float64Array(chunks.length),
          passage: new Float64Array(chunks.length),
          chars: new Float64Array(chunks.length),
          coverage: new Float64Array(chunks.length),
          title: new Float64Array(chunks.length),
        },
      },
      plan,
    };
  }
}

/** What an embedder sees of a chunk. */
function embeddingText(c: KnowledgeChunk): string {
  return [titleLine(c), ...c.questions, c.text].join('\n');
}

function unitCopy(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const k = n > 0 ? 1 / Math.sqrt(n) : 0;
  return Float32Array.from(v, (x) => x * k);
}
