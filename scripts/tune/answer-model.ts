/**
 * Fits the answer model (engine/answer/answer-model.ts) on the shop sets and its threshold (the
 * calibration rule's ceiling, engine/answer/calibrate.ts), leaving one shop out to report what a
 * shop the fit never saw gets, then on every shop for the shipped weights:
 *   npx tsx scripts/tune/answer-model.ts eval/shops [maxWrong=0.025] [l2=0.01] [all] [kb.jsonl queries.jsonl]
 * A row is a question's top hit: right when it comes from one of the question's sources. With
 * `all`, every question is a row (one that expects only a handoff is wrong when answered: the bot
 * answered a handoff topic); without, those are left out (the bot's turn hands most of them off
 * on its own). The shipped model uses `all`. A public knowledge base and its labelled queries
 * (shared/eval's format) join the fit as one more set when given; the figures stay the shops'. Each shop weighs the same. The threshold is the lowest (most answers) whose mean share
 * of confidently wrong answers over the fitted shops stays at or below maxWrong.
 */
import { ANSWER_FEATURES, answerFeatures, type AnswerModel } from '../../engine/answer/answer-model';
import {
  CALIBRATION_RULE,
  OFF_TOPIC_REACHING_ANSWERS,
  thresholdFrom,
  type CalibrationRule,
} from '../../engine/answer/calibrate';
import { answerHits } from '../../engine/answer/ranking';
import { indexFromKbFile, type LabelledQuery } from '../../engine/eval/answer';
import { fromSources } from '../../engine/eval/shops';
import { readJsonl } from '../../engine/eval/stats';
import { indexedShops, shopDirsOf } from './indexed-shops';

interface Row {
  x: number[];
  right: boolean;
  answerable: boolean;
}
interface ShopRows {
  /** The shop's name: a shop's variants (scripts/tune/shop-variants.ts) share it, and are left out together. */
  shop: string;
  /** Its folder. */
  label: string;
  rows: Row[];
  /** Features of the off-topic bank's questions against this shop (what calibrate.ts measures). */
  offTopic: number[][];
  /** All the shop's questions (the denominator of confidently wrong). */
  n: number;
}

async function shopRows(dirs: string[], withHandoffs: boolean): Promise<ShopRows[]> {
  const out: ShopRows[] = [];
  for await (const { dir, shop, index } of indexedShops(dirs)) {
    const rows = shop.questions
      .filter((q) => withHandoffs || !(q.expect.length === 1 && q.expect[0] === 'handoff'))
      .map((q) => {
        const hits = answerHits(index, q.q);
        return {
          x: answerFeatures(index, q.q, hits),
          right: q.expect.includes('answer') && !!hits[0] && fromSources(hits[0].chunk.sourceId, q.sources),
          answerable: q.expect.includes('answer'),
        };
      });
    const offTopic = OFF_TOPIC_REACHING_ANSWERS.map((q) => answerFeatures(index, q, answerHits(index, q)));
    out.push({ shop: shop.name, label: dir, rows, offTopic, n: shop.questions.length });
  }
  return out;
}

/**
 * A public intent or FAQ set as one more set of rows: its knowledge base as the workspace's
 * content, its labelled queries (out-of-scope ones expect no answer) as the questions.
 */
async function kbRows(kb: string, queries: string): Promise<ShopRows> {
  const index = await indexFromKbFile(kb);
  await index.prepared();
  const rows = readJsonl<LabelledQuery>(queries).map((q) => {
    const hits = answerHits(index, q.query);
    return {
      x: answerFeatures(index, q.query, hits),
      right: !!hits[0] && q.expected.includes(hits[0].chunk.id),
      answerable: q.expected.length > 0,
    };
  });
  const offTopic = OFF_TOPIC_REACHING_ANSWERS.map((q) => answerFeatures(index, q, answerHits(index, q)));
  return { shop: kb, label: kb, rows, offTopic, n: rows.length };
}

/** Logistic regression on standardised features, each shop weighing the same; weights returned in raw units. */
export function fitLogistic(sets: readonly ShopRows[], l2: number): AnswerModel {
  const all = sets.flatMap((s) => s.rows);
  const D = ANSWER_FEATURES.length;
  const mu = new Array<number>(D).fill(0);
  const sd = new Array<number>(D).fill(0);
  for (const r of all) r.x.forEach((v, i) => (mu[i] += v / all.length));
  for (const r of all) r.x.forEach((v, i) => (sd[i] += (v - mu[i]) ** 2 / all.length));
  for (let i = 0; i < D; i++) sd[i] = Math.sqrt(sd[i]) || 1;
  // A shop's variants share its weight.
  const variants = new Map<string, number>();
  for (const s of sets) variants.set(s.shop, (variants.get(s.shop) ?? 0) + 1);
  const data = sets.flatMap((s) =>
    s.rows.map((r) => ({
      z: r.x.map((v, i) => (v - mu[i]) / sd[i]),
      y: r.right ? 1 : 0,
      w: 1 / s.rows.length / variants.size / variants.get(s.shop)!,
    })),
  );
  const w = new Array<number>(D).fill(0);
  let b = 0;
  for (let it = 0; it < 4000; it++) {
    const g = new Array<number>(D).fill(0);
    let gb = 0;
    for (const d of data) {
      let z = b;
      for (let i = 0; i < D; i++) z += w[i] * d.z[i];
      const e = (1 / (1 + Math.exp(-z)) - d.y) * d.w;
      gb += e;
      for (let i = 0; i < D; i++) g[i] += e * d.z[i];
    }
    for (let i = 0; i < D; i++) w[i] -= 0.5 * (g[i] + l2 * w[i]);
    b -= 0.5 * gb;
  }
  const weights = Object.fromEntries(ANSWER_FEATURES.map((f, i) => [f, round(w[i] / sd[i])])) as AnswerModel['weights'];
  const bias = round(b - ANSWER_FEATURES.reduce((a, _, i) => a + (w[i] * mu[i]) / sd[i], 0));
  return { bias, weights };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

function prob(m: AnswerModel, x: number[]): number {
  let z = m.bias;
  ANSWER_FEATURES.forEach((f, i) => (z += m.weights[f] * x[i]));
  return 1 / (1 + Math.exp(-z));
}

/** Answer recall and confidently wrong share of one shop at a threshold. */
function figures(s: ShopRows, m: AnswerModel, t: number): { recall: number; wrong: number } {
  const answered = s.rows.filter((r) => prob(m, r.x) >= t);
  const answerable = s.rows.filter((r) => r.answerable).length;
  return {
    recall: answered.filter((r) => r.right).length / (answerable || 1),
    wrong: answered.filter((r) => !r.right).length / s.n,
  };
}

function chooseThreshold(sets: readonly ShopRows[], m: AnswerModel, maxWrong: number) {
  let best = { t: 0.99, recall: 0, wrong: 0 };
  for (let t = 0.3; t < 0.99; t += 0.01) {
    const fs = sets.map((s) => figures(s, m, t));
    const recall = fs.reduce((a, f) => a + f.recall, 0) / fs.length;
    const wrong = fs.reduce((a, f) => a + f.wrong, 0) / fs.length;
    if (wrong <= maxWrong && recall > best.recall) best = { t: round(t), recall: round(recall), wrong: round(wrong) };
  }
  return best;
}

const RULES: CalibrationRule[] = [0.5, 0.75, 0.9, 0.95].flatMap((offTopicQuantile) =>
  [-0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.5].flatMap((margin) =>
    [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9].map((ceiling) => ({
      ...CALIBRATION_RULE,
      offTopicQuantile,
      margin,
      ceiling,
    })),
  ),
);

/** Each shop's threshold under a rule, from the model's confidences on the off-topic bank. */
function ruleThreshold(s: ShopRows, m: AnswerModel, rule: CalibrationRule): number {
  const off = s.offTopic.map((x) => prob(m, x)).sort((a, b) => a - b);
  return thresholdFrom(off, [], rule);
}

function chooseRule(sets: readonly ShopRows[], m: AnswerModel, maxWrong: number) {
  let best: { rule: CalibrationRule; recall: number; wrong: number } | null = null;
  for (const rule of RULES) {
    const fs = sets.map((s) => figures(s, m, ruleThreshold(s, m, rule)));
    const recall = fs.reduce((a, f) => a + f.recall, 0) / fs.length;
    const wrong = fs.reduce((a, f) => a + f.wrong, 0) / fs.length;
    if (wrong <= maxWrong && (!best || recall > best.recall))
      best = { rule, recall: round(recall), wrong: round(wrong) };
  }
  return best!;
}

async function main(): Promise<void> {
  const [root, maxWrongArg, l2Arg, rows, kb, kbQueries] = process.argv.slice(2);
  const maxWrong = Number(maxWrongArg ?? 0.025);
  const l2 = Number(l2Arg ?? 0.01);
  const sets = await shopRows(shopDirsOf(root), rows === 'all');
  // A public set joins the fit only: the figures left out and the threshold are the shops'.
  const extra = kb && kbQueries ? [await kbRows(kb, kbQueries)] : [];
  const held: Record<string, unknown> = {};
  for (const s of sets) {
    const rest = sets.filter((o) => o.shop !== s.shop);
    const m = fitLogistic([...rest, ...extra], l2);
    const fit = chooseThreshold(rest, m, maxWrong);
    const f = figures(s, m, fit.t);
    const r = chooseRule(rest, m, maxWrong);
    const t = ruleThreshold(s, m, r.rule);
    const g = figures(s, m, t);
    held[s.label] = {
      fixed: { threshold: fit.t, recall: round(f.recall), wrong: round(f.wrong) },
      rule: { threshold: t, recall: round(g.recall), wrong: round(g.wrong), fitted: r },
    };
  }
  const mean = (k: 'fixed' | 'rule', f: 'recall' | 'wrong') =>
    round(
      Object.values(held).reduce((a: number, h) => a + (h as Record<string, Record<string, number>>)[k][f], 0) /
        sets.length,
    );
  held.mean = {
    fixed: { recall: mean('fixed', 'recall'), wrong: mean('fixed', 'wrong') },
    rule: { recall: mean('rule', 'recall'), wrong: mean('rule', 'wrong') },
  };
  const model = fitLogistic([...sets, ...extra], l2);
  const all = chooseThreshold(sets, model, maxWrong);
  const rule = chooseRule(sets, model, maxWrong);
  process.stdout.write(JSON.stringify({ held_out: held, model, threshold: all, rule }, null, 1) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
