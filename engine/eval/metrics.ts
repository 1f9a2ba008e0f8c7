/** Small pure metrics for the evals: ranking quality, separability, latency percentiles. */

/**
 * Area under the ROC curve of `positives` against `negatives` (probability that a random
 * positive scores above a random negative, ties counting half). NaN when either is empty.
 */
export function aurocOf(positives: readonly number[], negatives: readonly number[]): number {
  if (!positives.length || !negatives.length) return NaN;
  const all = [...positives.map((s) => [s, 1] as const), ...negatives.map((s) => [s, 0] as const)].sort(
    (a, b) => a[0] - b[0],
  );
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const rank = (i + 1 + j) / 2; // average 1-based rank of the tie group
    for (let t = i; t < j; t++) if (all[t][1]) rankSum += rank;
    i = j;
  }
  const p = positives.length;
  return (rankSum - (p * (p + 1)) / 2) / (p * negatives.length);
}

/** 1-based rank of the first relevant id in a ranking, or 0 when none is there. */
export function firstRelevantRank(ranking: readonly string[], relevant: readonly string[]): number {
  const i = ranking.findIndex((id) => relevant.includes(id));
  return i < 0 ? 0 : i + 1;
}

/** Mean reciprocal rank from 1-based ranks (0 = not found, contributing 0). */
export function meanReciprocalRank(ranks: readonly number[]): number {
  if (!ranks.length) return 0;
  let s = 0;
  for (const r of ranks) if (r > 0) s += 1 / r;
  return s / ranks.length;
}

/** Share of ranks within the top k (0 = not found). */
export function hitsAt(ranks: readonly number[], k: number): number {
  if (!ranks.length) return 0;
  return ranks.filter((r) => r > 0 && r <= k).length / ranks.length;
}

/** The p-th percentile (0..100) by linear interpolation; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = ((s.length - 1) * p) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
