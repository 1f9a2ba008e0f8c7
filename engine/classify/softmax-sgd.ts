/**
 * Multinomial logistic regression over sparse features, trained by shuffled SGD with L2 decay on
 * the touched weights. Grows as new features and classes appear, so corrections can be learned
 * online without a retrain.
 */
import { mulberry32 } from '../math/random';
import type { SparseVector } from '../math/sparse';

export interface TrainOptions {
  epochs: number;
  /** Initial learning rate; decays as lr / (1 + t / decayEvery) in examples seen. */
  lr: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 12, lr: 0.5, l2: 1e-5, seed: 7 };

export class SoftmaxModel {
  /** Row-major: weight of feature f for class c at f * capacityClasses + c. */
  private w: Float32Array;
  private bias: Float32Array;
  private featureCap: number;
  private classCap: number;
  classes = 0;

  constructor(features = 1024, classes = 8) {
    this.featureCap = Math.max(16, features);
    this.classCap = Math.max(2, classes);
    this.w = new Float32Array(this.featureCap * this.classCap);
    this.bias = new Float32Array(this.classCap);
  }

  /** Makes room for `features` feature indices and `classes` classes (keeps learned weights). */
  ensure(features: number, classes: number): void {
    if (classes > this.classes) this.classes = classes;
    if (features <= this.featureCap && classes <= this.classCap) return;
    const fCap = features > this.featureCap ? Math.max(features, Math.ceil(this.featureCap * 1.5)) : this.featureCap;
    const cCap = classes > this.classCap ? Math.max(classes, this.classCap * 2) : this.classCap;
    const w = new Float32Array(fCap * cCap);
    for (let f = 0; f < this.featureCap; f++)
      for (let c = 0; c < this.classCap; c++) w[f * cCap + c] = this.w[f * this.classCap + c];
    const b = new Float32Array(cCap);
    b.set(this.bias);
    this.w = w;
    this.bias = b;
    this.featureCap = fCap;
    this.classCap = cCap;
  }

  /** Raw class scores (logits) for a feature vector. */
  logits(x: SparseVector, out = new Float64Array(this.classes)): Float64Array {
    const C = this.classes;
    const cap = this.classCap;
    for (let c = 0; c < C; c++) out[c] = this.bias[c];
    for (let j = 0; j < x.idx.length; j++) {
      const f = x.idx[j];
      if (f >= this.featureCap) continue;
      const v = x.val[j];
      const base = f * cap;
      for (let c = 0; c < C; c++) out[c] += this.w[base + c] * v;
    }
    return out;
  }

  /** Class probabilities at a temperature (higher = softer). */
  probabilities(x: SparseVector, temperature = 1): Float64Array {
    return softmax(this.logits(x), temperature);
  }

  /**
   * One gradient step on the cross-entropy towards `target` (a probability per class; may be a
   * one-hot label or, for a negative example, "anything but class k").
   */
  step(x: SparseVector, target: Float64Array, lr: number, l2: number): void {
    const C = this.classes;
    const cap = this.classCap;
    const p = softmax(this.logits(x), 1);
    for (let c = 0; c < C; c++) p[c] -= target[c];
    const decay = 1 - lr * l2;
    for (let j = 0; j < x.idx.length; j++) {
      const f = x.idx[j];
      const v = x.val[j] * lr;
      const base = f * cap;
      for (let c = 0; c < C; c++) this.w[base + c] = this.w[base + c] * decay - p[c] * v;
    }
    for (let c = 0; c < C; c++) this.bias[c] -= lr * p[c] * 0.1;
  }

  /** Trains on labelled examples (class indices), from the current weights. */
  train(xs: SparseVector[], ys: number[], opts: TrainOptions = DEFAULT_TRAIN): void {
    const n = xs.length;
    if (n === 0) return;
    const rand = mulberry32(opts.seed);
    const order = Array.from({ length: n }, (_, i) => i);
    const target = new Float64Array(this.classes);
    let t = 0;
    for (let e = 0; e < opts.epochs; e++) {
      for (let i = n - 1; i > 0; i--) {
        const k = Math.floor(rand() * (i + 1));
        [order[i], order[k]] = [order[k], order[i]];
      }
      for (const i of order) {
        const lr = opts.lr / (1 + t++ / (n * 4));
        target.fill(0);
        target[ys[i]] = 1;
        this.step(xs[i], target, lr, opts.l2);
      }
    }
  }
}

/** Softmax of logits divided by a temperature, in place; returns the array. */
export function softmax(z: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp((z[i] - max) / temperature);
    sum += z[i];
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum;
  return z;
}
