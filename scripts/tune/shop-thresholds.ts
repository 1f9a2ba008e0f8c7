/**
 * The shop sets through the product's turn at fixed thresholds beside each workspace's calibrated
 * one, to see what the calibration buys:
 *   npx tsx scripts/tune/shop-thresholds.ts eval/shops 0.5 0.68 0.8
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { evalShops } from '../../engine/eval/shops';
import { WorkspaceSettings } from '../../server/domain/settings';

async function main(): Promise<void> {
  const [root, ...ts] = process.argv.slice(2);
  const dirs = readdirSync(root)
    .map((d) => join(root, d))
    .filter((d) => statSync(d).isDirectory());
  const settings = WorkspaceSettings.parse({}).handoff;
  for (const t of [null, ...ts.map(Number)]) {
    const r = await evalShops(dirs, { settings, threshold: t });
    const pick = (s: Record<string, unknown>) =>
      Object.fromEntries(
        ['answer_recall', 'confident_wrong', 'abstain_right', 'handoff_right', 'needless_handoffs'].map((k) => [
          k,
          s[k],
        ]),
      );
    process.stdout.write(
      JSON.stringify({
        threshold: t ?? 'calibrated',
        pooled: pick(r.pooled as unknown as Record<string, unknown>),
        shops: Object.fromEntries(
          Object.entries(r.shops).map(([k, v]) => [k, pick(v as unknown as Record<string, unknown>)]),
        ),
      }) + '\n',
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
