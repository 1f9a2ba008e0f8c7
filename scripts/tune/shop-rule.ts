/**
 * Chooses the workspace calibration rule (engine/answer/calibrate.ts) on the product's own turn:
 * each shop is run once through `evalShop` answering everything, and once through the calibration
 * (its off-topic bank and generated questions); a rule's threshold then decides which answers
 * stand. Left one shop out in turn, the rule chosen on the others (most mean recall while the mean
 * share of confidently wrong answers stays within maxWrong) is scored on it; then the rule chosen
 * on every shop is scored on the held-out folder, which nothing was fitted on.
 *   npx tsx scripts/tune/shop-rule.ts eval/shops[,variants…] eval/heldout [maxWrong=0.025]
 * (variants: folders written by scripts/tune/shop-variants.ts; a shop's are left out together.)
 * Prints a line per fold and shop: threshold, answer recall, confidently wrong.
 */
import { calibrateIndex, CALIBRATION_RULE, thresholdFrom, type CalibrationRule } from '../../engine/answer/calibrate';
import { evalShop } from '../../engine/eval/shops';
import { indexedShops, shopDirsOf } from './indexed-shops';

interface ShopRun {
  /** The shop's name: its variants (scripts/tune/shop-variants.ts) share it and are left out together. */
  name: string;
  dir: string;
  questions: number;
  answerable: number;
  /** Each question's confidence, whether the turn answered it at the lowest threshold, and rightly. */
  rows: { confidence: number; answered: boolean; right: boolean }[];
  offTopic: number[];
  generated: number[];
}

/** Every shop under each root (comma-separated); a shop's variants share its name. */
async function runs(roots: string): Promise<ShopRun[]> {
  const out: ShopRun[] = [];
  for await (const { dir, shop, index, wordVectors } of indexedShops(shopDirsOf(roots))) {
    const { offTopic, generated } = calibrateIndex(index);
    const { results } = await evalShop(shop, { threshold: 1e-4, wordVectors });
    out.push({
      name: shop.name,
      dir,
      questions: results.length,
      answerable: results.filter((r) => r.expect.includes('answer')).length,
      rows: results.map((r) => ({ confidence: r.confidence, answered: r.outcome === 'answer', right: r.right })),
      offTopic,
      generated,
    });
  }
  return out;
}

const thresholdOf = (s: ShopRun, rule: CalibrationRule) => thresholdFrom(s.offTopic, s.generated, rule);

function figures(s: ShopRun, threshold: number) {
  const answered = s.rows.filter((r) => r.answered && r.confidence >= threshold);
  return {
    recall: answered.filter((r) => r.right).length / (s.answerable || 1),
    wrong: answered.filter((r) => !r.right).length / (s.questions || 1),
  };
}

const RULES: CalibrationRule[] = [0.5, 0.75, 0.9, 0.95, 1].flatMap((offTopicQuantile) =>
  [-0.2, -0.1, 0, 0.1, 0.2, 0.3].flatMap((margin) =>
    [0.55, 0.6, 0.65, 0.7, 0.75].flatMap((floor) =>
      [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
        .filter((ceiling) => ceiling >= floor)
        .map((ceiling) => ({ ...CALIBRATION_RULE, offTopicQuantile, margin, floor, ceiling })),
    ),
  ),
);

function mean(sets: readonly ShopRun[], rule: CalibrationRule) {
  const fs = sets.map((s) => figures(s, thresholdOf(s, rule)));
  return {
    recall: fs.reduce((a, f) => a + f.recall, 0) / fs.length,
    wrong: fs.reduce((a, f) => a + f.wrong, 0) / fs.length,
  };
}

function choose(sets: readonly ShopRun[], maxWrong: number): CalibrationRule {
  let best = { rule: CALIBRATION_RULE, recall: -1 };
  for (const rule of RULES) {
    const m = mean(sets, rule);
    if (m.wrong <= maxWrong && m.recall > best.recall + 1e-9) best = { rule, recall: m.recall };
  }
  return best.rule;
}

const f3 = (v: number) => v.toFixed(3);
const line = (label: string, s: ShopRun, rule: CalibrationRule) => {
  const t = thresholdOf(s, rule);
  const f = figures(s, t);
  return `${label.padEnd(8)} ${s.dir.padEnd(40)} threshold ${t}  recall ${f3(f.recall)}  wrong ${f3(f.wrong)}`;
};

async function main(): Promise<void> {
  const [root, heldRoot, maxWrongArg] = process.argv.slice(2);
  const maxWrong = Number(maxWrongArg ?? 0.025);
  const dev = await runs(root);
  const held = heldRoot ? await runs(heldRoot) : [];
  for (const s of [...dev, ...held]) console.log(line('shipped', s, CALIBRATION_RULE));
  const shipped = mean(dev, CALIBRATION_RULE);
  console.log(`shipped mean recall ${shipped.recall.toFixed(4)}  wrong ${shipped.wrong.toFixed(4)}`);
  let recall = 0;
  let wrong = 0;
  for (const s of dev) {
    const rule = choose(
      dev.filter((o) => o.name !== s.name),
      maxWrong,
    );
    const f = figures(s, thresholdOf(s, rule));
    recall += f.recall / dev.length;
    wrong += f.wrong / dev.length;
    console.log(line('left out', s, rule), JSON.stringify(rule));
  }
  console.log(`left out mean recall ${f3(recall)}  wrong ${f3(wrong)}`);
  const rule = choose(dev, maxWrong);
  const all = mean(dev, rule);
  console.log(
    `chosen on every shop ${JSON.stringify(rule)}  recall ${all.recall.toFixed(4)}  wrong ${all.wrong.toFixed(4)}`,
  );
  for (const s of held) console.log(line('held out', s, rule));
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
