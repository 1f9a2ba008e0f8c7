/**
 * Multinomial logistic (softmax) regression over sparse features, trained by SGD with AdaGrad
 * step sizes. Used to learn which features point to which Q&A entry from its phrasings.
 * Weights are a dense feature × class matrix, so callers bound its size (see `maxCells`).
 */
import type { SparseVec } from './features';

export interface SoftmaxOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

/** A trained classifier: `scores(x)` gives class probabilities for one sparse vector. */
export class SoftmaxModel {
  constructor(
    readonly classes: number,
    readonly features: number,
    private readonly w: Float32Array,
    private readonly b: Float32Array,
  ) {}

  /** Logits for x written into `out` (length = classes). */
  logits(x: SparseVec, out: Float64Array = new Float64Array(this.classes)): Float64Array {
    const C = this.classes;
    for (let c = 0; c < C; c++) out[c] = this.b[c];
    for (let i = 0; i < x.idx.length; i++) {
      const f = x.idx[i];
      if (f >= this.features) continue;
      const xv = x.val[i];
      const row = f * C;
      for (let c = 0; c < C; c++) out[c] += xv * this.w[row + c];
    }
    return out;
  }

  /** Class probabilities for x. */
  probabilities(x: SparseVec): Float64Array {
    return softmaxInPlace(this.logits(x));
  }
}

/** Turns logits into probabilities in place (numerically stable). */
export function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp(z[i] - max);
    sum += z[i];
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum;
  return z;
}

/** Small deterministic PRNG so training is reproducible run to run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains softmax regression on (x, label) pairs. AdaGrad per weight; L2 applied to the rows an
 * example touches (lazy regularisation), which keeps each step proportional to its non-zeros.
 */
export function trainSoftmax(
  xs: SparseVec[],
  labels: number[],
  classes: number,
  features: number,
  opts: SoftmaxOptions = {},
): SoftmaxModel {
  const epochs = opts.epochs ?? 30;
  const lr = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-4;
  const rand = mulberry32(opts.seed ?? 7);
  const C = classes;
  const w = new Float32Array(features * C);
  const g2 = new Float32Array(features * C);
  const b = new Float32Array(C);
  const gb2 = new Float32Array(C);
  const model = new SoftmaxModel(C, features, w, b);
  const order = xs.map((_, i) => i);
  const z = new Float64Array(C);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const x = xs[n];
      softmaxInPlace(model.logits(x, z));
      z[labels[n]] -= 1; // gradient of the loss w.r.t. logits: p - y
      for (let c = 0; c < C; c++) {
        const g = z[c];
        gb2[c] += g * g;
        b[c] -= (lr * g) / (Math.sqrt(gb2[c]) + 1e-8);
      }
      for (let i = 0; i < x.idx.length; i++) {
        const row = x.idx[i] * C;
        const xv = x.val[i];
        for (let c = 0; c < C; c++) {
          const k = row + c;
          const g = xv * z[c] + l2 * w[k];
          g2[k] += g * g;
          w[k] -= (lr * g) / (Math.sqrt(g2[k]) + 1e-8);
        }
      }
    }
  }
  return model;
}
