/**
 * Fits the frustration model's weights (logistic regression over `frustrationFeatures`) on turns
 * labelled {"text", "frustrated"} and writes frustration-weights.json; prints the out-of-fold
 * AUROC of 5-fold cross-validation (row i in fold i mod 5) and of a fixed split (fit on even rows,
 * score odd rows), the figures to trust, beside the in-sample one.
 *   npx tsx scripts/tune/fit-frustration.ts ../shared/eval/frustration/turns.jsonl
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { frustrationFeatures, FEATURE_NAMES } from '../../engine/conversation/frustration-features';
import { auroc, binaryCounts, readJsonl } from '../../engine/eval/stats';

const L2 = 1e-3;
const ITERATIONS = 2000;
const RATE = 0.3;

/** Full-batch gradient descent on the L2-regularised log-loss; returns weights with the bias last. */
export function fitLogistic(X: number[][], y: number[], l2 = L2): number[] {
  const d = X[0].length;
  const w = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  for (let it = 0; it < ITERATIONS; it++) {
    g.fill(0);
    for (let i = 0; i < X.length; i++) {
      const e = 1 / (1 + Math.exp(-dot(w, X[i]))) - y[i];
      for (let j = 0; j < d; j++) g[j] += e * X[i][j];
      g[d] += e;
    }
    for (let j = 0; j < d; j++) w[j] -= RATE * (g[j] / X.length + l2 * w[j]);
    w[d] -= (RATE * g[d]) / X.length;
  }
  return Array.from(w);
}

function dot(w: ArrayLike<number>, x: number[]): number {
  let z = w[x.length];
  for (let j = 0; j < x.length; j++) z += w[j] * x[j];
  return z;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: fit-frustration.ts TURNS.jsonl');
  const rows = readJsonl<{ text: string; frustrated: boolean }>(file);
  const X = rows.map((r) => frustrationFeatures(r.text));
  const y = rows.map((r) => (r.frustrated ? 1 : 0));
  const labels = rows.map((r) => r.frustrated);
  const oof = new Array<number>(rows.length);
  for (let k = 0; k < 5; k++) {
    const tr = X.map((_, i) => i).filter((i) => i % 5 !== k);
    const w = fitLogistic(
      tr.map((i) => X[i]),
      tr.map((i) => y[i]),
    );
    X.forEach((x, i) => i % 5 === k && (oof[i] = dot(w, x)));
  }
  const even = X.map((_, i) => i).filter((i) => i % 2 === 0);
  const odd = X.map((_, i) => i).filter((i) => i % 2 === 1);
  const we = fitLogistic(
    even.map((i) => X[i]),
    even.map((i) => y[i]),
  );
  const w = fitLogistic(X, y);
  // The per-turn threshold with the best out-of-fold F1 (a default; workspaces set their own).
  let bestF1 = 0;
  let bestThreshold = 0.5;
  for (let t = 0.2; t <= 0.8 + 1e-9; t += 0.025) {
    const z = Math.log(t / (1 - t));
    const { f1 } = binaryCounts(
      oof.map((s) => s >= z),
      labels,
    );
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      bestThreshold = +t.toFixed(3);
    }
  }
  const report = {
    n: rows.length,
    cv5_best_f1: bestF1,
    cv5_best_f1_threshold: bestThreshold,
    cv5_auroc: auroc(oof, labels),
    even_to_odd_auroc: auroc(
      odd.map((i) => dot(we, X[i])),
      odd.map((i) => labels[i]),
    ),
    in_sample_auroc: auroc(
      X.map((x) => dot(w, x)),
      labels,
    ),
  };
  const out = fileURLToPath(new URL('../../engine/conversation/frustration-weights.json', import.meta.url));
  const named = Object.fromEntries(FEATURE_NAMES.map((n, j) => [n, +w[j].toFixed(4)]));
  const json = {
    note: `logistic regression, L2 ${L2}, fitted on ${file.split('/').slice(-2).join('/')}; ${JSON.stringify(report)}`,
    bias: +w[w.length - 1].toFixed(4),
    cues: named,
    vector: w.slice(FEATURE_NAMES.length, w.length - 1).map((v) => +v.toFixed(4)),
  };
  // Formatted as the repository's Prettier would, so the format check stays green.
  const style = await resolveConfig(out);
  writeFileSync(out, await format(JSON.stringify(json), { ...style, filepath: out }));
  process.stdout.write(JSON.stringify(report) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
