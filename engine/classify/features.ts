/**
 * Text → sparse feature vector for the tag classifier: TF-IDF over stemmed words, word pairs and
 * character 3–5-grams, joined with the SIF-weighted average of GloVe word vectors. Each block is
 * L2-normalised and scaled by its weight, so no block drowns the others whatever the text length.
 */
import { stem, tokenize } from '../text/index';
import type { SparseVector } from '../math/sparse';
import { loadWordVectors, sifWeight, type WordVectors } from '../vectors/index';

export type { SparseVector };

export interface FeatureWeights {
  words: number;
  pairs: number;
  chars: number;
  vectors: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { words: 1, pairs: 0.5, chars: 1, vectors: 2 };

type Block = 'words' | 'pairs' | 'chars';

/** Raw term counts of a text, per block. */
export function rawTerms(text: string): Record<Block, Map<string, number>> {
  const tokens = tokenize(text);
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const chars = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const stems = tokens.map(stem);
  for (let i = 0; i < stems.length; i++) {
    add(words, 'w' + stems[i]);
    if (i > 0) add(pairs, 'p' + stems[i - 1] + ' ' + stems[i]);
  }
  for (const t of tokens) {
    const s = ' ' + t + ' ';
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= s.length; i++) add(chars, 'c' + s.slice(i, i + n));
  }
  return { words, pairs, chars };
}

/**
 * Holds the feature dictionary and document frequencies. Indices 0..dim-1 are the dense
 * word-vector block; sparse features follow, numbered in order of first sight.
 */
export class Featurizer {
  readonly dim: number;
  private readonly index = new Map<string, number>();
  private readonly df: number[] = [];
  private docs = 0;
  private readonly vectors: WordVectors | null;

  constructor(
    private readonly weights: FeatureWeights = DEFAULT_FEATURE_WEIGHTS,
    useVectors = true,
  ) {
    this.vectors = useVectors && weights.vectors > 0 ? loadWordVectors() : null;
    this.dim = this.vectors ? this.vectors.dim : 0;
  }

  /** Number of feature indices in use (dense + sparse). */
  get size(): number {
    return this.dim + this.index.size;
  }

  /** Counts a document into the dictionary and document frequencies. */
  observe(text: string): void {
    this.docs++;
    const blocks = rawTerms(text);
    for (const m of Object.values(blocks))
      for (const k of m.keys()) {
        let i = this.index.get(k);
        if (i === undefined) {
          i = this.index.size;
          this.index.set(k, i);
          this.df.push(0);
        }
        this.df[i]++;
      }
  }

  private idf(i: number): number {
    return Math.log((this.docs + 1) / (this.df[i] + 1)) + 1;
  }

  /** Features of a text; terms never observed are dropped (the model has no weight for them). */
  transform(text: string): SparseVector {
    const blocks = rawTerms(text);
    const idx: number[] = [];
    const val: number[] = [];
    if (this.vectors) {
      const tokens = tokenize(text);
      const v = new Float32Array(this.dim);
      for (const t of tokens) this.vectors.addTo(v, t, sifWeight(this.vectors, t));
      pushNormalized(idx, val, Array.from(v.keys()), Array.from(v), this.weights.vectors);
    }
    for (const block of ['words', 'pairs', 'chars'] as const) {
      const bi: number[] = [];
      const bv: number[] = [];
      for (const [k, tf] of blocks[block]) {
        const i = this.index.get(k);
        if (i === undefined) continue;
        bi.push(this.dim + i);
        bv.push((1 + Math.log(tf)) * this.idf(i));
      }
      pushNormalized(idx, val, bi, bv, this.weights[block]);
    }
    return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
  }
}

function pushNormalized(idx: number[], val: number[], bi: number[], bv: number[], weight: number): void {
  if (weight <= 0) return;
  let n = 0;
  for (const v of bv) n += v * v;
  if (n === 0) return;
  const k = weight / Math.sqrt(n);
  for (let j = 0; j < bi.length; j++) {
    if (bv[j] === 0) continue;
    idx.push(bi[j]);
    val.push(bv[j] * k);
  }
}
