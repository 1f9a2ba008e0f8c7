/**
 * Okapi BM25 over pre-analysed documents (arrays of stems), compiled into typed postings.
 * Unknown query terms are matched to vocabulary terms one edit away (typos), at a discount.
 */
import { mapSteps, runSteps, type Steps } from './steps';
import { TypoIndex } from './typo';

export interface Bm25Options {
  k1?: number;
  b?: number;
  /** Weight of a term reached through a one-edit correction (0 disables typo tolerance). */
  typoWeight?: number;
}

/** Accumulated scores of one query: `scores[doc]` for each doc in `touched`. */
export interface Bm25Result {
  scores: Float64Array;
  touched: number[];
  /** The most a single document could score on this query (for 0..1 normalisation). */
  ceiling: number;
  /**
   * `matched[doc]` for each doc in `touched`: the IDF mass of the query terms the doc contains
   * (typo matches at their discount), with `idfTotal` the query's whole IDF mass (unknown words
   * counted at the IDF of a word in no document). Their ratio is the doc's coverage of the query.
   */
  matched: Float64Array;
  idfTotal: number;
}

/** The structures a BM25 index searches, built from its documents (see `buildBm25`). */
interface Bm25Parts {
  termIds: Map<string, number>;
  vocabulary: string[];
  docs: Int32Array[];
  tfs: Float32Array[];
  idf: Float64Array;
  norm: Float32Array;
  typo: TypoIndex | null;
}

function* buildBm25(documents: readonly (readonly string[])[], opts: Bm25Options): Steps<Bm25Parts> {
  const k1 = opts.k1 ?? 1.2;
  const b = opts.b ?? 0.75;
  const typoWeight = opts.typoWeight ?? 0.7;
  const termIds = new Map<string, number>();
  const vocabulary: string[] = [];
  const postDocs: number[][] = [];
  const postTfs: number[][] = [];
  let totalLen = 0;
  for (let d = 0; d < documents.length; d++) {
    const terms = documents[d];
    totalLen += terms.length;
    const counts = new Map<number, number>();
    for (const t of terms) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = vocabulary.length;
        termIds.set(t, id);
        vocabulary.push(t);
        postDocs.push([]);
        postTfs.push([]);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, c] of counts) {
      postDocs[id].push(d);
      postTfs[id].push(c);
    }
    if (d % 64 === 63) yield;
  }
  const avgdl = totalLen / Math.max(1, documents.length) || 1;
  const norm = Float32Array.from(documents, (t) => k1 * (1 - b + (b * t.length) / avgdl));
  const docs = yield* mapSteps(postDocs, (p) => Int32Array.from(p), 1024);
  const tfs = yield* mapSteps(postTfs, (p) => Float32Array.from(p), 1024);
  const n = documents.length;
  const idf = Float64Array.from(postDocs, (p) => Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5)));
  const typo = typoWeight > 0 ? yield* TypoIndex.steps(vocabulary) : null;
  return { termIds, vocabulary, docs, tfs, idf, norm, typo };
}

export class Bm25Index {
  readonly docCount: number;
  private readonly termIds: Map<string, number>;
  private readonly vocabulary: string[];
  private readonly docs: Int32Array[];
  private readonly tfs: Float32Array[];
  private readonly idf: Float64Array;
  private readonly norm: Float32Array;
  private readonly typo: TypoIndex | null;
  private readonly k1: number;
  private readonly typoWeight: number;
  private readonly scores: Float64Array;
  private readonly matched: Float64Array;
  /** Which query term last credited each doc's `matched` (a counter, never reset). */
  private readonly stamp: Uint32Array;
  private term = 0;
  private readonly seen: Uint8Array;

  /** @param parts the built structures (from `Bm25Index.steps`); built here when omitted. */
  constructor(
    documents: readonly (readonly string[])[],
    opts: Bm25Options = {},
    parts: Bm25Parts = runSteps(buildBm25(documents, opts)),
  ) {
    this.k1 = opts.k1 ?? 1.2;
    this.typoWeight = opts.typoWeight ?? 0.7;
    this.docCount = documents.length;
    ({
      termIds: this.termIds,
      vocabulary: this.vocabulary,
      docs: this.docs,
      tfs: this.tfs,
      idf: this.idf,
      norm: this.norm,
      typo: this.typo,
    } = parts);
    const n = documents.length;
    this.scores = new Float64Array(n);
    this.matched = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    this.seen = new Uint8Array(n);
  }

  /** Builds the index in steps (see steps.ts). */
  static *steps(documents: readonly (readonly string[])[], opts: Bm25Options = {}): Steps<Bm25Index> {
    return new Bm25Index(documents, opts, yield* buildBm25(documents, opts));
  }

  /** IDF a term would have if it occurred in no document: the ceiling for unknown words. */
  private get maxIdf(): number {
    return Math.log(1 + (this.docCount + 0.5) / 0.5);
  }

  /**
   * Scores documents for the query's unique terms. The returned arrays are reused by the next
   * call: read them before searching again.
   */
  search(queryTerms: readonly string[]): Bm25Result {
    for (let i = 0; i < this.docCount; i++) this.scores[i] = 0;
    for (let i = 0; i < this.docCount; i++) this.matched[i] = 0;
    const touched: number[] = [];
    let ceiling = 0;
    let idfTotal = 0;
    for (const term of new Set(queryTerms)) {
      this.term = (this.term + 1) >>> 0 || 1;
      const id = this.termIds.get(term);
      if (id !== undefined) {
        ceiling += this.idf[id] * (this.k1 + 1);
        idfTotal += this.idf[id];
        this.accumulate(id, 1, this.idf[id], touched);
        continue;
      }
      ceiling += this.maxIdf * (this.k1 + 1);
      idfTotal += this.maxIdf;
      // A misspelt word counts once per doc, at the discount, with the IDF it would have had.
      if (this.typo)
        for (const near of this.typo.near(term)) this.accumulate(near, this.typoWeight, this.maxIdf, touched);
    }
    for (const d of touched) this.seen[d] = 0;
    return { scores: this.scores, touched, ceiling, matched: this.matched, idfTotal };
  }

  private accumulate(id: number, weight: number, mass: number, touched: number[]): void {
    const docs = this.docs[id];
    const tfs = this.tfs[id];
    const w = weight * this.idf[id] * (this.k1 + 1);
    const m = weight * mass;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      const tf = tfs[i];
      this.scores[d] += (w * tf) / (tf + this.norm[d]);
      // Several near spellings of one typo may occur in a doc: its mass counts once per doc.
      if (this.stamp[d] !== this.term) {
        this.stamp[d] = this.term;
        this.matched[d] += m;
      }
      if (!this.seen[d]) {
        this.seen[d] = 1;
        touched.push(d);
      }
    }
  }
}
