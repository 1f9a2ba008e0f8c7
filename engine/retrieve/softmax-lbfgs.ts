/**
 * Multinomial logistic (softmax) regression over sparse features, trained full-batch with
 * L-BFGS on mean cross-entropy + L2. Used to learn which words point to which Q&A entry from its
 * phrasings. Weights are a dense feature × class matrix, so callers bound its size.
 *
 * Full-batch L-BFGS rather than SGD: on CLINC150's phrasings it reached top-1 0.85 in ~30
 * iterations where AdaGrad SGD plateaued at 0.80 (the optimum, not the step rule, is what helps).
 */
import type { SparseVector } from './features';
import { lbfgs } from '../math/lbfgs';
import { spanIsCheaper, trainSoftmaxInSpan, type SpanWeights } from './softmax-span';

export interface SoftmaxOptions {
  /** L2 strength on the weights (not the biases). */
  l2?: number;
  /** L-BFGS iterations. */
  iterations?: number;
  /** Per-example weights (default 1). */
  weights?: number[];
  /** Optimise over the features even where the examples' span is cheaper (to compare the two). */
  direct?: boolean;
}

/** Above this many examples the span's factorisation (examples² doubles) is not worth its memory. */
const SPAN_MAX_EXAMPLES = 2500;

/** A trained classifier: `probabilities(x)` gives class probabilities for one sparse vector. */
export class SoftmaxModel {
  constructor(
    readonly classes: number,
    readonly features: number,
    readonly w: Float64Array,
    readonly b: Float64Array,
    /** W in the examples' span, when trained there: what to store (W rebuilds from it and the job). */
    readonly span?: SpanWeights,
  ) {}

  /** Logits for x written into `out` (length = classes). */
  logits(x: SparseVector, out: Float64Array = new Float64Array(this.classes)): Float64Array {
    return logitsOf(this.w, this.b, this.classes, this.features, x, out);
  }

  /** Class probabilities for x. */
  probabilities(x: SparseVector): Float64Array {
    return softmaxInPlace(this.logits(x));
  }
}

function logitsOf(
  w: Float64Array,
  b: Float64Array,
  C: number,
  F: number,
  x: SparseVector,
  out: Float64Array,
): Float64Array {
  for (let c = 0; c < C; c++) out[c] = b[c];
  for (let i = 0; i < x.idx.length; i++) {
    const f = x.idx[i];
    if (f >= F) continue;
    const xv = x.val[i];
    const row = f * C;
    for (let c = 0; c < C; c++) out[c] += xv * w[row + c];
  }
  return out;
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

/** A training run as plain data, so it can run elsewhere (a worker thread) and come back. */
export interface SoftmaxJob {
  xs: SparseVector[];
  labels: number[];
  classes: number;
  features: number;
  opts: SoftmaxOptions;
}

/** What a training run gives back: the weights, and their span form when it was trained there. */
export interface TrainedSoftmax {
  w: Float64Array;
  b: Float64Array;
  span?: SpanWeights;
}

/** Runs `trainSoftmax` on a job somewhere else and returns the weights (see server/bot/trainer.ts). */
export type SoftmaxTrainer = (job: SoftmaxJob) => Promise<TrainedSoftmax>;

/** Trains softmax regression on (x, label) pairs; see the module comment for the method. */
export function trainSoftmax(
  xs: SparseVector[],
  labels: number[],
  classes: number,
  features: number,
  opts: SoftmaxOptions = {},
): SoftmaxModel {
  const C = classes;
  const F = features;
  const l2 = opts.l2 ?? 3e-5;
  const iterations = opts.iterations ?? 40;
  let nnz = 0;
  for (const x of xs) nnz += x.idx.length;
  if (!opts.direct && xs.length <= SPAN_MAX_EXAMPLES && spanIsCheaper(xs.length, nnz, C, F, iterations)) {
    const { w, b, span } = trainSoftmaxInSpan(xs, labels, C, F, { l2, iterations, weights: opts.weights });
    return new SoftmaxModel(C, F, w, b, span);
  }
  const sw = opts.weights;
  const totalW = sw ? sw.reduce((a, b) => a + b, 0) : xs.length;
  const nW = F * C;
  const z = new Float64Array(C);

  /** Loss and gradient at theta = [W (F×C), b (C)]. */
  const evaluate = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    const w = theta.subarray(0, nW);
    const b = theta.subarray(nW);
    let loss = 0;
    for (let n = 0; n < xs.length; n++) {
      const x = xs[n];
      const k = (sw ? sw[n] : 1) / totalW;
      logitsOf(w, b, C, F, x, z);
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (z[c] > max) max = z[c];
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(z[c] - max);
      loss += k * (Math.log(sum) + max - z[labels[n]]);
      for (let c = 0; c < C; c++) z[c] = (k * Math.exp(z[c] - max)) / sum;
      z[labels[n]] -= k;
      for (let c = 0; c < C; c++) grad[nW + c] += z[c];
      for (let i = 0; i < x.idx.length; i++) {
        const row = x.idx[i] * C;
        const xv = x.val[i];
        for (let c = 0; c < C; c++) grad[row + c] += xv * z[c];
      }
    }
    let reg = 0;
    for (let j = 0; j < nW; j++) {
      reg += w[j] * w[j];
      grad[j] += l2 * w[j];
    }
    return loss + (l2 / 2) * reg;
  };

  const theta = lbfgs(evaluate, nW + C, iterations);
  return new SoftmaxModel(C, F, theta.slice(0, nW), theta.slice(nW));
}
