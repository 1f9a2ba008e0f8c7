/** `chatref eval human`: the wants-a-person detector against rows {"text", "wants_human"}. */
import { wantsHuman } from '../conversation/wants-human';
import { auroc, binaryCounts, readJsonl } from './stats';

export async function evalHuman(opts: { data: string }): Promise<Record<string, number>> {
  const rows = readJsonl<{ text: string; wants_human: boolean }>(opts.data);
  const results = rows.map((r) => wantsHuman(r.text));
  const labels = rows.map((r) => Boolean(r.wants_human));
  const { precision, recall, f1 } = binaryCounts(
    results.map((r) => r.wants),
    labels,
  );
  const out: Record<string, number> = { n: rows.length, precision, recall, f1 };
  const a = auroc(
    results.map((r) => r.score),
    labels,
  );
  if (a !== undefined) out.auroc = a;
  return { n: out.n, auroc: out.auroc, precision, recall, f1 };
}
