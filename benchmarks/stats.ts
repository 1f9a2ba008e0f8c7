/** Small helpers for the figures: percentiles over samples, rounding for the report. */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Rounds to `digits` decimals (figures are reported, not computed on). */
export const round = (x: number, digits = 1): number => (Number.isFinite(x) ? +x.toFixed(digits) : x);

/** Median of a few noisy readings. */
export const median = (xs: readonly number[]): number => percentile(xs, 50);
