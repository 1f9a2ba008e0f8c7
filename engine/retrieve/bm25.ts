/**
 * Okapi BM25 over pre-analysed documents (arrays of stems), compiled into typed postings.
 * Unknown query terms are matched to vocabulary terms one edit away (typos), at a discount.
 */
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

export class Bm25Index {
  readonly docCount: number;
  private readonly termIds = new Map<string, number>();
  private readonly vocabulary: string[] = [];
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

  constructor(documents: readonly (readonly string[])[], opts: Bm25Options = {}) {
    this.k1 = opts.k1 ?? 1.2;
    const b = opts.b ?? 0.75;
    this.typoWeight = opts.typoWeight ?? 0.7;
    this.docCount = documents.length;
    const postDocs: number[][] = [];
    const postTfs: number[][] = [];
    let totalLen = 0;
    documents.forEach((terms, d) => {
      totalLen += terms.length;
      const counts = new Map<number, number>();
      for (const t of terms) {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = this.vocabulary.length;
          this.termIds.set(t, id);
          this.vocabulary.push(t);
          postDocs.push([]);
          postTfs.push([]);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, c] of counts) {
        postDocs[id].push(d);
        postTfs[id].push(c);
      }
    });
    const avgdl = totalLen / Math.max(1, documents.length) || 1;
    this.norm = Float32Array.from(documents, (t) => this.k1 * (1 - b + (b * t.length) / avgdl));
    this.docs = postDocs.map((p) => Int32Array.from(p));
    this.tfs = postTfs.map((p) => Float32Array.from(p));
    const n = documents.length;
    this.idf = Float64Array.from(postDocs, (p) => Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5)));
    this.typo = this.typoWeight > 0 ? new TypoIndex(this.vocabulary) : null;
    this.scores = new Float64Array(n);
    this.matched = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    this.seen = new Uint8Array(n);
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
