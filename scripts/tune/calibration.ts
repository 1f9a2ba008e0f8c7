/**
 * Chooses the workspace calibration rule (engine/answer/calibrate.ts) by cross-validation across
 * sets: for each set, its index's confidences on the off-topic bank, on generated questions and on
 * the set's labelled questions (right document / right chunk first); then, leaving each set with
 * unanswerable questions out in turn, the rule fitted on the others is scored on it, beside a
 * fixed threshold fitted the same way. Score: (answered right + abstained right) / 2 − answered
 * wrong (answerable questions given a wrong document), so a wrong answer costs more than a silence.
 *   npx tsx scripts/tune/calibration.ts OUT.json [shop dirs…]   (SHOPS_ONLY=1: skip public sets)
 * A shop dir holds documents (md, html, pdf, docx, csv, txt) and questions.jsonl
 * ({query, expected: [file names]}; [] = not in the content).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SHOP, readShopFolder } from './shop-folder';
import { calibrateIndex, CALIBRATION_RULE, type CalibrationRule } from '../../engine/answer/calibrate';
import { confidenceOf } from '../../engine/answer/confidence';
import { chunksFromKb, type KbEntry, type LabelledQuery } from '../../engine/eval/answer';
import { readJsonl } from '../../engine/eval/stats';
import { loadDefaultWordVectors } from '../../engine/retrieve/dense';
import { KnowledgeIndex } from '../../engine/retrieve/knowledge-index';
import type { KnowledgeChunk } from '../../engine/retrieve/types';

export interface SetData {
  name: string;
  chunks: number;
  qa: number;
  offTopic: number[];
  generated: number[];
  generatedTop1: number;
  queries: { query: string; confidence: number; answerable: boolean; right: boolean; top3: boolean }[];
}

async function measure(
  name: string,
  chunks: KnowledgeChunk[],
  queries: { query: string; rightOf: (c: KnowledgeChunk) => boolean; answerable: boolean }[],
): Promise<SetData> {
  const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  index.upsert(chunks);
  index.prepare();
  const cal = calibrateIndex(index);
  return {
    name,
    chunks: chunks.length,
    qa: chunks.filter((c) => c.questions.length).length,
    offTopic: cal.offTopic,
    generated: cal.generated,
    generatedTop1: cal.generatedTop1,
    queries: queries.map((q) => {
      const hits = index.search(q.query, 5);
      return {
        query: q.query,
        confidence: confidenceOf(hits),
        answerable: q.answerable,
        right: !!hits[0] && q.rightOf(hits[0].chunk),
        top3: hits.slice(0, 3).some((h) => q.rightOf(h.chunk)),
      };
    }),
  };
}

async function shopDir(dir: string): Promise<SetData> {
  const shop = await readShopFolder(dir);
  return measure(
    shop.name,
    shop.chunks,
    shop.questions.map((q) => ({
      query: q.query,
      answerable: q.sources.length > 0,
      rightOf: (c) => q.sources.includes(c.sourceId),
    })),
  );
}

async function main(): Promise<void> {
  const [out, ...dirs] = process.argv.slice(2);
  const root = '../shared/eval';
  const sets: SetData[] = [];
  const kb = (p: string) => chunksFromKb(readJsonl<KbEntry>(p));
  const labelled = (qs: LabelledQuery[]) =>
    qs.map((q) => ({
      query: q.query,
      answerable: q.expected.length > 0,
      rightOf: (c: KnowledgeChunk) => q.expected.includes(c.id),
    }));
  const publicSets = !process.env.SHOPS_ONLY;
  if (publicSets && existsSync(join(root, 'clinc150')))
    sets.push(
      await measure(
        'clinc150-val',
        kb(join(root, 'clinc150/kb.jsonl')),
        labelled(readJsonl(join(root, 'clinc150/val.jsonl'))),
      ),
    );
  if (publicSets && existsSync(join(root, 'stackfaq')))
    sets.push(
      await measure(
        'stackfaq-even',
        kb(join(root, 'stackfaq/kb.jsonl')),
        labelled(readJsonl<LabelledQuery>(join(root, 'stackfaq/queries.jsonl')).filter((_, i) => i % 2 === 0)),
      ),
    );
  sets.push(await shopDir(DEMO_SHOP));
  for (const d of dirs) sets.push(await shopDir(d));
  writeFileSync(out, JSON.stringify(sets));
  crossValidate(sets);
  for (const s of sets)
    process.stdout.write(
      `${s.name}: ${s.chunks} chunks, ${s.queries.length} queries, generated top1 ${s.generatedTop1.toFixed(2)}\n`,
    );
}

function metrics(s: SetData, t: number): { right: number; wrong: number; abstained: number | null } {
  const a = s.queries.filter((q) => q.answerable);
  const u = s.queries.filter((q) => !q.answerable);
  return {
    right: a.filter((q) => q.right && q.confidence >= t).length / (a.length || 1),
    wrong: a.filter((q) => !q.right && q.confidence >= t).length / (a.length || 1),
    abstained: u.length ? u.filter((q) => q.confidence < t).length / u.length : null,
  };
}

function objective(s: SetData, t: number): number {
  const m = metrics(s, t);
  return 0.5 * m.right + 0.5 * (m.abstained ?? 0) - m.wrong;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

function crossValidate(sets: SetData[]): void {
  const rules: CalibrationRule[] = [];
  for (const offTopicQuantile of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99])
    for (const margin of [-0.4, -0.3, -0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2, 0.3])
      rules.push({ ...CALIBRATION_RULE, offTopicQuantile, margin, generatedQuantile: 0 });
  const thresholdOf = (s: SetData, r: CalibrationRule) =>
    Math.min(r.ceiling, Math.max(r.floor, quantile(s.offTopic, r.offTopicQuantile) + r.margin));
  const fixed = Array.from({ length: 40 }, (_, i) => 0.1 + i * 0.02);
  const withUnanswerable = sets.filter((s) => s.queries.some((q) => !q.answerable));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const best = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, b) => (f(b) > f(a) + 1e-12 ? b : a));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  for (const held of withUnanswerable) {
    const fit = withUnanswerable.filter((s) => s !== held);
    const r = best(rules, (r) => mean(fit.map((s) => objective(s, thresholdOf(s, r)))));
    const f = best(fixed, (t) => mean(fit.map((s) => objective(s, t))));
    const t = thresholdOf(held, r);
    process.stdout.write(
      `held out ${held.name}: rule q${r.offTopicQuantile}${r.margin >= 0 ? '+' : ''}${r.margin} → t ${round(t)} ` +
        `score ${round(objective(held, t))} ${JSON.stringify(metrics(held, t), (_, v: unknown) => (typeof v === 'number' ? round(v) : v))}; ` +
        `fixed t ${round(f)} score ${round(objective(held, f))}\n`,
    );
  }
  const r = best(rules, (r) => mean(withUnanswerable.map((s) => objective(s, thresholdOf(s, r)))));
  process.stdout.write(`fitted on all: q${r.offTopicQuantile} margin ${r.margin}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
