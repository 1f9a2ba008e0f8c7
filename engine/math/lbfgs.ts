/**
 * Limited-memory BFGS for smooth losses over many parameters: the optimiser behind both ways of
 * training the softmax classifier (retrieve/softmax-lbfgs.ts, retrieve/softmax-span.ts) and the
 * tuning scripts. A backtracking Armijo line search, from theta = 0. The curvature
 * history is kept in Float32 ring buffers: at millions of weights the two-loop recursion is
 * memory-bound, and single precision halves its traffic without hurting convergence here.
 * Stops after `iterations`, when the loss stops moving, or when the gradient vanishes.
 */

/** Minimises `evaluate` (the loss; it writes the gradient) over `dim` parameters, from zero. */
export function lbfgs(
  evaluate: (theta: Float64Array, grad: Float64Array) => number,
  dim: number,
  iterations: number,
  history = 5,
): Float64Array {
  let x = new Float64Array(dim);
  let g = new Float64Array(dim);
  let f = evaluate(x, g);
  const ss = Array.from({ length: history }, () => new Float32Array(dim));
  const ys = Array.from({ length: history }, () => new Float32Array(dim));
  const rhos = new Float64Array(history);
  const alpha = new Float64Array(history);
  let stored = 0;
  let head = 0; // ring position of the next write
  const d = new Float64Array(dim);
  let xNew = new Float64Array(dim);
  let gNew = new Float64Array(dim);
  const slot = (k: number) => (head - stored + k + history) % history; // k = 0 is the oldest
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: d = -H g.
    for (let i = 0; i < dim; i++) d[i] = -g[i];
    for (let k = stored - 1; k >= 0; k--) {
      const j = slot(k);
      alpha[j] = rhos[j] * dot(ss[j], d);
      axpy(-alpha[j], ys[j], d);
    }
    if (stored) {
      const j = slot(stored - 1);
      const gamma = dot(ss[j], ys[j]) / dot(ys[j], ys[j]);
      for (let i = 0; i < dim; i++) d[i] *= gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      if (gn < 1e-10) break;
      for (let i = 0; i < dim; i++) d[i] /= gn;
    }
    for (let k = 0; k < stored; k++) {
      const j = slot(k);
      const beta = rhos[j] * dot(ys[j], d);
      axpy(alpha[j] - beta, ss[j], d);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): forget the history, go downhill.
      stored = 0;
      for (let i = 0; i < dim; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 20; tries++) {
      for (let i = 0; i < dim; i++) xNew[i] = x[i] + step * d[i];
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) break;
    const s = ss[head];
    const y = ys[head];
    let sy = 0;
    for (let i = 0; i < dim; i++) {
      const si = xNew[i] - x[i];
      const yi = gNew[i] - g[i];
      s[i] = si;
      y[i] = yi;
      sy += si * yi;
    }
    if (sy > 1e-12) {
      rhos[head] = 1 / sy;
      head = (head + 1) % history;
      stored = Math.min(stored + 1, history);
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    const converged = Math.abs(f - fNew) < 1e-7 * Math.max(1, Math.abs(f));
    f = fNew;
    if (converged) break;
  }
  return x;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(k: number, x: ArrayLike<number>, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += k * x[i];
}
