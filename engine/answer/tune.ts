/**
 * Fits the engine's three data-driven settings and prints them, so they can be re-derived:
 *   npx tsx engine/answer/tune.ts ../shared/eval
 * 1. Fusion weights (retrieve/fusion.ts): a conditional logit over each query's candidate pool —
 *    softmax of the weighted features, maximising the likelihood of the right chunk.
 * 2. Confidence calibration (answer/confidence.ts): logistic regression of "the top hit is right"
 *    on ranking features; unanswerable queries count as not right.
 * 3. DEFAULT_ANSWER_THRESHOLD (answer/types.ts): on CLINC150 val, the confidence threshold that
 *    maximises balanced accuracy (mean of answered-right rate on answerable queries and
 *    abstention rate on unanswerable ones).
 * Dev data only: CLINC150 val.jsonl, and StackFAQ's even-numbered queries (0-based line index;
 * StackFAQ has no dev split of its own, the odd-numbered half stays held out).
 */
import { join } from 'node:path';
import { CONFIDENCE_FEATURES, confidenceFeatures, type Calibration } from './confidence';
import { chunksFromKb, readJsonlFile, type KbEntry, type LabelledQuery } from '../eval/answer';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { FEATURE_NAMES, fuse, fusionInputs, type FusionWeights } from '../retrieve/fusion';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { lbfgs } from '../retrieve/softmax';
import type { SearchHit } from '../retrieve/types';

interface PooledQuery {
  /** All pooled candidates (unsorted) with their features. */
  pool: SearchHit[];
  /** Indexes into `pool` of right chunks; empty for unanswerable queries. */
  right: number[];
  answerable: boolean;
}

/** Retrieves every query's full candidate pool once; later steps re-fuse without searching. */
export async function pooledQueries(kbPath: string, queries: LabelledQuery[]): Promise<PooledQuery[]> {
  const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  index.upsert(chunksFromKb(readJsonlFile<KbEntry>(kbPath)));
  index.prepare();
  return queries.map((q) => {
    const pool = index.search(q.query, 1000);
    const right = pool.flatMap((h, i) => (q.expected.includes(h.chunk.id) ? [i] : []));
    return { pool, right, answerable: q.expected.length > 0 };
  });
}

/** Conditional-logit fit of the fusion weights (L2 `l2` on the weights). */
export function fitFusion(data: PooledQuery[], l2 = 1e-3): FusionWeights {
  const rows = data
    .filter((d) => d.right.length > 0)
    .map((d) => ({ x: d.pool.map((h) => fusionInputs(h.features)), right: d.right[0] }));
  const K = FEATURE_NAMES.length;
  const w = lbfgs(
    (theta, grad) => {
      grad.fill(0);
      let loss = 0;
      for (const r of rows) {
        const s = r.x.map((x) => x.reduce((a, v, k) => a + v * theta[k], 0));
        const max = Math.max(...s);
        const e = s.map((v) => Math.exp(v - max));
        const z = e.reduce((a, b) => a + b, 0);
        loss += Math.log(z) + max - s[r.right];
        r.x.forEach((x, i) => x.forEach((v, k) => (grad[k] += (e[i] / z - (i === r.right ? 1 : 0)) * v)));
      }
      for (let k = 0; k < K; k++) {
        grad[k] = grad[k] / rows.length + l2 * theta[k];
        loss += (l2 / 2) * theta[k] * theta[k] * rows.length;
      }
      return loss / rows.length;
    },
    K,
    200,
  );
  return Object.fromEntries(FEATURE_NAMES.map((n, k) => [n, round(w[k])])) as FusionWeights;
}

/** Re-ranks a pool with given fusion weights, as `KnowledgeIndex.search` would. */
export function rerank(pool: SearchHit[], weights: FusionWeights): SearchHit[] {
  const scored = pool.map((h) => ({ ...h, score: fuse(h.features, weights) }));
  const max = Math.max(...scored.map((h) => h.score));
  const z = scored.reduce((a, h) => a + Math.exp(h.score - max), 0);
  return scored.map((h) => ({ ...h, probability: Math.exp(h.score - max) / z })).sort((a, b) => b.score - a.score);
}

/** Fits a logistic regression (weights then bias) with L2 on the weights; returns theta. */
export function fitLogistic(xs: number[][], ys: number[], l2 = 1e-3): Float64Array {
  const K = xs[0]?.length ?? 0;
  return lbfgs(
    (t, grad) => {
      grad.fill(0);
      let loss = 0;
      xs.forEach((x, n) => {
        const z = t[K] + x.reduce((a, v, k) => a + v * t[k], 0);
        const p = 1 / (1 + Math.exp(-z));
        loss -= ys[n] ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
        const g = p - ys[n];
        x.forEach((v, k) => (grad[k] += g * v));
        grad[K] += g;
      });
      for (let k = 0; k <= K; k++) grad[k] /= xs.length;
      for (let k = 0; k < K; k++) {
        grad[k] += l2 * t[k];
        loss += (l2 / 2) * t[k] * t[k] * xs.length;
      }
      return loss / xs.length;
    },
    K + 1,
    500,
  );
}

type Ranked = { hits: SearchHit[]; right: boolean; answerable: boolean };

/**
 * Two stages. (1) A discriminant that separates right answers from unanswerable queries, fitted
 * on rankings that have unanswerable queries (wrong answers to answerable queries left out: they
 * blur what "no answer here" looks like). (2) Platt scaling of that discriminant on every dev
 * ranking, so the output reads as the probability of being right. Folded into one logistic.
 */
export function fitCalibration(withUnanswerable: Ranked[], all: Ranked[]): Calibration {
  const names = CONFIDENCE_FEATURES.filter((n) => n !== 'embedding');
  const pick = (hits: SearchHit[]) => {
    const x = confidenceFeatures(hits);
    return names.map((n) => x[CONFIDENCE_FEATURES.indexOf(n)]);
  };
  const sep = withUnanswerable.filter((r) => r.right || !r.answerable);
  const t1 = fitLogistic(
    sep.map((r) => pick(r.hits)),
    sep.map((r) => (r.right ? 1 : 0)),
  );
  const K = names.length;
  const score = (hits: SearchHit[]) => t1[K] + pick(hits).reduce((a, v, k) => a + v * t1[k], 0);
  const t2 = fitLogistic(
    all.map((r) => [score(r.hits)]),
    all.map((r) => (r.right ? 1 : 0)),
    0,
  );
  const weights = Object.fromEntries(CONFIDENCE_FEATURES.map((n) => [n, 0])) as Calibration['weights'];
  names.forEach((n, k) => (weights[n] = round(t2[0] * t1[k])));
  return { bias: round(t2[0] * t1[K] + t2[1]), weights };
}

/** The threshold maximising balanced accuracy over (confidence, right, answerable) triples. */
export function balancedThreshold(items: { confidence: number; right: boolean; answerable: boolean }[]): number {
  const answerable = items.filter((i) => i.answerable).length;
  const unanswerable = items.length - answerable;
  let best = 0.5;
  let bestScore = -1;
  for (let t = 0.01; t < 1; t += 0.01) {
    let a = 0;
    let u = 0;
    for (const i of items) {
      if (i.answerable && i.right && i.confidence >= t) a++;
      if (!i.answerable && i.confidence < t) u++;
    }
    const score = (answerable ? a / answerable : 0) * 0.5 + (unanswerable ? u / unanswerable : 1) * 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function main(): Promise<void> {
  const root = process.argv[2] ?? '../shared/eval';
  const clinc = await pooledQueries(join(root, 'clinc150/kb.jsonl'), readJsonlFile(join(root, 'clinc150/val.jsonl')));
  const stackAll = readJsonlFile<LabelledQuery>(join(root, 'stackfaq/queries.jsonl'));
  const stack = await pooledQueries(
    join(root, 'stackfaq/kb.jsonl'),
    stackAll.filter((_, i) => i % 2 === 0),
  );
  const weights = fitFusion([...clinc, ...stack]);
  const rank = (d: PooledQuery) => {
    const hits = rerank(d.pool, weights);
    return {
      hits,
      right: d.right.length > 0 && d.pool[d.right[0]].chunk.id === hits[0].chunk.id,
      answerable: d.answerable,
    };
  };
  const rc = clinc.map(rank);
  const rs = stack.map(rank);
  const calibration = fitCalibration(rc, [...rc, ...rs]);
  const { confidenceOf } = await import('./confidence');
  const threshold = balancedThreshold(rc.map((r) => ({ ...r, confidence: confidenceOf(r.hits, calibration) })));
  const top1 = (rs: { right: boolean; answerable: boolean }[]) =>
    rs.filter((r) => r.answerable && r.right).length / rs.filter((r) => r.answerable).length;
  process.stdout.write(
    JSON.stringify({ weights, calibration, threshold, dev_top1: { clinc: top1(rc), stackfaq: top1(rs) } }, null, 2) +
      '\n',
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((e: unknown) => {
    process.stderr.write(String(e) + '\n');
    process.exit(1);
  });
}
