/**
 * Dense sentence vectors from word vectors (SIF-weighted averages, Arora et al. 2017), with a
 * graceful absence: when the vectors cannot be loaded, the engine runs on its sparse features.
 */
import { normalizeVector } from '../math/vector';
import { tokenize } from '../text/index';
import type { WordVectorsLike } from './types';

let cached: WordVectorsLike | null | undefined;

/**
 * The engine's word vectors (engine/vectors), loaded once; null when they are unavailable, so
 * that the rest of the engine never depends on them being present.
 */
export async function loadDefaultWordVectors(): Promise<WordVectorsLike | null> {
  if (cached !== undefined) return cached;
  try {
    const mod = (await import('../vectors/index')) as { loadWordVectors?: () => WordVectorsLike };
    cached = mod.loadWordVectors ? mod.loadWordVectors() : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** Encodes texts as unit-length SIF averages of their words' vectors. */
export class SentenceEncoder {
  private readonly weights = new Map<string, number>();

  constructor(
    readonly vectors: WordVectorsLike,
    private readonly a = 1e-3,
  ) {}

  get dim(): number {
    return this.vectors.dim;
  }

  private weight(word: string): number {
    let w = this.weights.get(word);
    if (w === undefined) {
      w = this.a / (this.a + this.vectors.probability(word));
      if (this.weights.size < 100_000) this.weights.set(word, w);
    }
    return w;
  }

  /** Unit SIF vector of a text or of its tokens; all zeros when no word is known. */
  encode(text: string | readonly string[], maxTokens = 400): Float32Array {
    const tokens = typeof text === 'string' ? tokenize(text) : text;
    const out = new Float32Array(this.vectors.dim);
    const n = Math.min(tokens.length, maxTokens);
    for (let i = 0; i < n; i++) this.vectors.addTo(out, tokens[i], this.weight(tokens[i]));
    return normalizeVector(out);
  }
}

/** Dot product of two equal-length vectors (cosine for unit vectors). */
export function dotDense(a: ArrayLike<number>, b: ArrayLike<number>, bOffset = 0): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[bOffset + i];
  return s;
}
