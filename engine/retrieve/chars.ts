/**
 * Character n-gram TF-IDF with cosine similarity over short texts (phrasings and titles), kept
 * as an inverted index so a query touches only the texts that share a gram with it. Catches
 * typos, inflections and run-together words that word matching misses.
 */
import { charGrams, countIds, idfFromDf, tfidf, Vocabulary } from './features';
import { mapSteps, runSteps, type Steps } from './steps';

/** The structures a character index searches, built from its texts (see `buildChars`). */
interface CharParts {
  vocab: Vocabulary;
  idf: Float32Array;
  postDocs: Int32Array[];
  postVals: Float32Array[];
}

function* buildChars(texts: readonly string[]): Steps<CharParts> {
  const vocab = new Vocabulary();
  const counts = yield* mapSteps(texts, (t) => countIds(charGrams(t, 3, 4), vocab, true), 32);
  const df = new Int32Array(vocab.size);
  for (const m of counts) for (const id of m.keys()) df[id]++;
  const idf = idfFromDf(df, texts.length);
  const docs: number[][] = Array.from({ length: vocab.size }, () => []);
  const vals: number[][] = Array.from({ length: vocab.size }, () => []);
  for (let d = 0; d < counts.length; d++) {
    const v = tfidf(counts[d], idf);
    for (let i = 0; i < v.idx.length; i++) {
      docs[v.idx[i]].push(d);
      vals[v.idx[i]].push(v.val[i]);
    }
    if (d % 32 === 31) yield;
  }
  const postDocs = yield* mapSteps(docs, (p) => Int32Array.from(p), 1024);
  const postVals = yield* mapSteps(vals, (p) => Float32Array.from(p), 1024);
  return { vocab, idf, postDocs, postVals };
}

export class CharIndex {
  readonly docCount: number;
  private readonly vocab: Vocabulary;
  private readonly idf: Float32Array;
  private readonly maxIdf: number;
  private readonly postDocs: Int32Array[];
  private readonly postVals: Float32Array[];
  private readonly scores: Float64Array;
  private readonly seen: Uint8Array;

  /** @param parts the built structures (from `CharIndex.steps`); built here when omitted. */
  constructor(texts: readonly string[], parts: CharParts = runSteps(buildChars(texts))) {
    this.docCount = texts.length;
    ({ vocab: this.vocab, idf: this.idf, postDocs: this.postDocs, postVals: this.postVals } = parts);
    this.maxIdf = Math.log(1 + texts.length) + 1;
    this.scores = new Float64Array(texts.length);
    this.seen = new Uint8Array(texts.length);
  }

  /** Builds the index in steps (see steps.ts). */
  static *steps(texts: readonly string[]): Steps<CharIndex> {
    return new CharIndex(texts, yield* buildChars(texts));
  }

  /**
   * Cosine of the query with every text sharing a gram; `scores` is reused by the next call.
   */
  search(query: string): { scores: Float64Array; touched: number[] } {
    for (let i = 0; i < this.docCount; i++) this.scores[i] = 0;
    // Grams the texts never use still count in the query's norm (at the highest IDF), so a
    // query that is mostly unknown cannot look like a perfect match through its few known grams.
    const counts = new Map<string, number>();
    for (const g of charGrams(query, 3, 4)) counts.set(g, (counts.get(g) ?? 0) + 1);
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [g, c] of counts) {
      const id = this.vocab.id(g, false);
      const w = (1 + Math.log(c)) * (id >= 0 ? this.idf[id] : this.maxIdf);
      norm += w * w;
      if (id >= 0) {
        ids.push(id);
        weights.push(w);
      }
    }
    norm = Math.sqrt(norm) || 1;
    const touched: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const docs = this.postDocs[ids[i]];
      const vals = this.postVals[ids[i]];
      const w = weights[i] / norm;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j];
        this.scores[d] += w * vals[j];
        if (!this.seen[d]) {
          this.seen[d] = 1;
          touched.push(d);
        }
      }
    }
    for (const d of touched) this.seen[d] = 0;
    return { scores: this.scores, touched };
  }
}
