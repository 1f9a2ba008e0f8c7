/**
 * The same softmax regression as `trainSoftmax`, solved in the span of the examples: the fast path
 * when a shop has far fewer examples than features (the demo: 410 texts, 12,534 features).
 *
 * Started from zero, every gradient of an L2-regularised linear model is a combination of the
 * examples, so L-BFGS never leaves their span. With an orthonormal basis Q of that span (F × r,
 * r ≤ examples), W = Q·V, the logits are X·W = L·V with L = X·Q (examples × r, lower triangular
 * from a Cholesky factorisation of the examples' Gram matrix), and ‖W‖ = ‖V‖. Q is an isometry,
 * so L-BFGS takes the same steps on V (r × classes) as on W (features × classes), and each
 * step's vector work shrinks by features / r (30× on the demo). W = Q·V is rebuilt once at the
 * end. Examples within a hair of the span of earlier ones (a repeated title) add no direction.
 *
 * W is also X_Bᵀ·A: the examples that made the basis (B), times a coefficient per class. That is
 * the form to store (the demo: 0.5 MB where W is 6.9 MB): with the job's examples, W rebuilds in
 * milliseconds (`weightsFromSpan`).
 */
import type { SparseVector } from '../math/sparse';
import { lbfgs } from '../math/lbfgs';

/** A residual below this share of an example's squared norm adds no direction to the basis. */
const DEPENDENT = 1e-9;

/**
 * Whether training in the span is quicker than over the features, from the multiply-adds of each:
 * per iteration, the span's dense products (examples² × classes) against the features' sparse
 * products and vector work; once, the span's Gram matrix and factorisation. The span's dense loops
 * run about twice as fast per multiply-add, as timed on the shop sets and generated knowledge
 * of 250 and 600 chunks (the span won at 410 and 600 examples, lost at 1,440).
 */
export function spanIsCheaper(n: number, nnz: number, classes: number, features: number, iterations: number): boolean {
  const direct = iterations * (2 * nnz * classes + 30 * features * classes);
  const span = iterations * (n * n * classes + 30 * n * classes) + (n * nnz) / 2 + (n * n * n) / 3;
  return span < 2 * direct;
}

/** W as X_Bᵀ·A: which examples (`basis`), and A (basis × classes, row-major). */
export interface SpanWeights {
  basis: Int32Array;
  a: Float64Array;
}

/**
 * Trains on (x, label) pairs in the examples' span; returns W (features × classes, row-major), b,
 * and W's span form.
 */
export function trainSoftmaxInSpan(
  xs: readonly SparseVector[],
  labels: readonly number[],
  classes: number,
  features: number,
  opts: { l2: number; iterations: number; weights?: readonly number[] },
): { w: Float64Array; b: Float64Array; span: SpanWeights } {
  const N = xs.length;
  const C = classes;
  const { rows, basis } = factor(gram(xs, features), N);
  const r = basis.length;
  const sw = opts.weights;
  const totalW = sw ? sw.reduce((a, b) => a + b, 0) : N;
  const nV = r * C;
  const Z = new Float64Array(N * C); // logits, then each example's gradient on its logits
  // Column j of L is non-zero from the example that made basis vector j on: basis[j]..N-1.

  // Loss and gradient at theta = [V (r × C), b (C)]: the same function as trainSoftmax's, in V.
  const evaluate = (theta: Float64Array, grad: Float64Array): number => {
    let loss = 0;
    for (let n = 0; n < N; n++) {
      const { coef, len } = rows[n];
      const z = n * C;
      for (let c = 0; c < C; c++) Z[z + c] = theta[nV + c];
      // Z[n] += Σ_j L[n, j] · V[j], four rows of V at a time.
      let j = 0;
      for (; j + 4 <= len; j += 4) {
        const p0 = coef[j];
        const p1 = coef[j + 1];
        const p2 = coef[j + 2];
        const p3 = coef[j + 3];
        const r0 = j * C;
        for (let c = 0; c < C; c++)
          Z[z + c] +=
            p0 * theta[r0 + c] + p1 * theta[r0 + C + c] + p2 * theta[r0 + 2 * C + c] + p3 * theta[r0 + 3 * C + c];
      }
      for (; j < len; j++) {
        const l = coef[j];
        const r0 = j * C;
        for (let c = 0; c < C; c++) Z[z + c] += l * theta[r0 + c];
      }
      const k = (sw ? sw[n] : 1) / totalW;
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (Z[z + c] > max) max = Z[z + c];
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(Z[z + c] - max);
      loss += k * (Math.log(sum) + max - Z[z + labels[n]]);
      for (let c = 0; c < C; c++) Z[z + c] = (k * Math.exp(Z[z + c] - max)) / sum;
      Z[z + labels[n]] -= k;
    }
    // grad V[j] = Σ_n L[n, j] · Z[n] + l2 · V[j], four examples at a time; grad b = Σ_n Z[n].
    let reg = 0;
    for (let j = 0; j < r; j++) {
      const g = j * C;
      for (let c = 0; c < C; c++) {
        reg += theta[g + c] * theta[g + c];
        grad[g + c] = opts.l2 * theta[g + c];
      }
      let n = basis[j];
      for (; n + 4 <= N; n += 4) {
        const p0 = rows[n].coef[j];
        const p1 = rows[n + 1].coef[j];
        const p2 = rows[n + 2].coef[j];
        const p3 = rows[n + 3].coef[j];
        const z = n * C;
        for (let c = 0; c < C; c++)
          grad[g + c] += p0 * Z[z + c] + p1 * Z[z + C + c] + p2 * Z[z + 2 * C + c] + p3 * Z[z + 3 * C + c];
      }
      for (; n < N; n++) {
        const l = rows[n].coef[j];
        const z = n * C;
        for (let c = 0; c < C; c++) grad[g + c] += l * Z[z + c];
      }
    }
    for (let c = 0; c < C; c++) grad[nV + c] = 0;
    for (let n = 0; n < N; n++) for (let c = 0; c < C; c++) grad[nV + c] += Z[n * C + c];
    return loss + (opts.l2 / 2) * reg;
  };

  const theta = lbfgs(evaluate, nV + C, opts.iterations);
  const span = { basis: Int32Array.from(basis), a: coefficients(theta.subarray(0, nV), rows, basis, C) };
  return { w: weightsFromSpan(xs, span, C, features), b: theta.slice(nV), span };
}

/** The examples' Gram matrix (N × N, row-major): dot products over features below `features`. */
function gram(xs: readonly SparseVector[], features: number): Float64Array {
  const N = xs.length;
  const k = new Float64Array(N * N);
  const dense = new Float64Array(features);
  for (let a = 0; a < N; a++) {
    const xa = xs[a];
    for (let i = 0; i < xa.idx.length; i++) if (xa.idx[i] < features) dense[xa.idx[i]] += xa.val[i];
    for (let b = a; b < N; b++) {
      const xb = xs[b];
      let s = 0;
      for (let i = 0; i < xb.idx.length; i++) {
        const f = xb.idx[i];
        if (f < features) s += dense[f] * xb.val[i];
      }
      k[a * N + b] = s;
      k[b * N + a] = s;
    }
    for (let i = 0; i < xa.idx.length; i++) if (xa.idx[i] < features) dense[xa.idx[i]] = 0;
  }
  return k;
}

interface Row {
  /** The example's coordinates on the basis vectors made so far when it was read (L's row). */
  coef: Float64Array;
  len: number;
}

/**
 * Cholesky factorisation of the Gram matrix in example order, skipping examples already (nearly)
 * in the span of earlier ones: each row's coordinates on the orthonormal basis, and which examples
 * made each basis vector. Rows end at the last basis vector made up to them (later ones are
 * orthogonal to them, up to `DEPENDENT`).
 */
function factor(k: Float64Array, N: number): { rows: Row[]; basis: number[] } {
  const L = new Float64Array(N * N); // row i, column j: example i on basis vector j
  const basis: number[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < N; i++) {
    const r = basis.length;
    let d = k[i * N + i];
    for (let j = 0; j < r; j++) d -= L[i * N + j] * L[i * N + j];
    if (d > DEPENDENT * k[i * N + i] && d > 0) {
      const pivot = Math.sqrt(d);
      L[i * N + r] = pivot;
      // Later examples' coordinates on this new direction.
      for (let m = i + 1; m < N; m++) {
        let s = k[m * N + i];
        for (let j = 0; j < r; j++) s -= L[m * N + j] * L[i * N + j];
        L[m * N + r] = s / pivot;
      }
      basis.push(i);
    }
    rows.push({ coef: L.subarray(i * N, i * N + basis.length), len: basis.length });
  }
  return { rows, basis };
}

/** A = L_B⁻ᵀ·V (L_B: the basis examples' rows of L), so that W = Q·V = X_Bᵀ·A. */
function coefficients(v: Float64Array, rows: readonly Row[], basis: readonly number[], C: number): Float64Array {
  const a = Float64Array.from(v);
  // Back substitution on L_Bᵀ·A = V, one row of A at a time from the last.
  for (let j = basis.length - 1; j >= 0; j--) {
    const pivot = rows[basis[j]].coef[j];
    for (let c = 0; c < C; c++) a[j * C + c] /= pivot;
    for (let m = 0; m < j; m++) {
      const l = rows[basis[j]].coef[m];
      if (l === 0) continue;
      for (let c = 0; c < C; c++) a[m * C + c] -= l * a[j * C + c];
    }
  }
  return a;
}

/** W = X_Bᵀ·A (features × classes, row-major) from the job's examples and W's span form. */
export function weightsFromSpan(
  xs: readonly SparseVector[],
  span: SpanWeights,
  classes: number,
  features: number,
): Float64Array {
  const C = classes;
  const w = new Float64Array(features * C);
  for (let j = 0; j < span.basis.length; j++) {
    const x = xs[span.basis[j]];
    for (let i = 0; i < x.idx.length; i++) {
      const f = x.idx[i];
      if (f >= features) continue;
      const xv = x.val[i];
      const row = f * C;
      for (let c = 0; c < C; c++) w[row + c] += xv * span.a[j * C + c];
    }
  }
  return w;
}
