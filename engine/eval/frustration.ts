/** `chatref eval frustration`: per-turn frustration scores against labelled customer turns. */
import { DEFAULT_FRUSTRATION_THRESHOLD, frustrationScore } from '../conversation/frustration';
import { auroc, binaryCounts, readJsonl } from './stats';

export async function evalFrustration(opts: { data: string; threshold?: number }): Promise<Record<string, number>> {
  const rows = readJsonl<{ text: string; frustrated: boolean }>(opts.data);
  const threshold = opts.threshold ?? DEFAULT_FRUSTRATION_THRESHOLD;
  const t0 = performance.now();
  const scores = rows.map((r) => frustrationScore(r.text));
  const ms = performance.now() - t0;
  const labels = rows.map((r) => Boolean(r.frustrated));
  const { precision, recall, f1 } = binaryCounts(
    scores.map((s) => s >= threshold),
    labels,
  );
  const out: Record<string, number> = { n: rows.length };
  const a = auroc(scores, labels);
  if (a !== undefined) out.auroc = a;
  return { ...out, f1, precision, recall, ms_per_turn: rows.length ? ms / rows.length : 0 };
}
