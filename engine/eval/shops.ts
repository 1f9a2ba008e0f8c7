/**
 * `chatref eval shop DIR`: a shop folder (content/ documents, tags.json, questions.jsonl; format in
 * eval/shops/README.md) through the product's ingestion (parseSource → chunkDocument, one source
 * per file, as an upload) and the product's bot turn (readTurn: offline answer, topics from a
 * TagClassifier built from the shop's tags, decideHandoff), each question the first visitor
 * message of a fresh conversation. Figures are defined on `ShopSummary`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { answerOffline } from '../answer/offline';
import { calibratedThreshold } from '../answer/calibrate';
import { rerankedForAnswer } from '../answer/ranking';
import { TagClassifier } from '../classify/classifier';
import { DEFAULT_HANDOFF_SETTINGS, type HandoffDecision } from '../conversation/handoff';
import { readTurn, type TurnInput, type TurnTopic } from '../conversation/turn';
import { chunkDocument } from '../ingest/chunk';
import { parseSource } from '../ingest/parse';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex, type KnowledgeIndexOptions } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, WordVectorsLike } from '../retrieve/types';
import { percentile } from './metrics';

export type Outcome = 'answer' | 'abstain' | 'handoff';

/** A tag as an admin defines it (Settings → Tags). */
export const ShopTagSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  examples: z.array(z.string()).default([]),
  needsHuman: z.boolean().default(false),
  kind: z.enum(['topic', 'manual']).default('topic'),
  /** The team a handoff on this tag routes to (informational here). */
  team: z.string().optional(),
});
export type ShopTag = z.infer<typeof ShopTagSchema>;

const OUTCOME = /^(answer|abstain|handoff)(\|(answer|abstain|handoff))*$/;

export const ShopQuestionSchema = z.object({
  q: z.string(),
  expect: z
    .string()
    .regex(OUTCOME, 'expect is answer, abstain or handoff, alternatives joined by |')
    .transform((s) => [...new Set(s.split('|') as Outcome[])]),
  /** File paths relative to content/ (a leading `content/` is dropped). */
  sources: z
    .array(z.string())
    .default([])
    .transform((xs) => xs.map((x) => x.replace(/^(\.\/)?content\//, ''))),
  reason: z.string().optional(),
  /**
   * The heading (or Q&A question) of the section of `sources[0]` that answers best, as the
   * document writes it: an answer citing that file is quoted from the right section when the
   * quoted section's own heading holds it (`section_right`).
   */
  section: z.string().optional(),
});
export type ShopQuestion = z.infer<typeof ShopQuestionSchema>;

/** Extensions the ingestion reads; other files in content/ are skipped. */
const DOCUMENT = /\.(md|markdown|mdx|txt|text|html?|xhtml|pdf|docx|csv|tsv)$/i;

/** tags.json: an array of tags, or `{"tags": [...]}`. */
const TagsFile = z.union([z.array(ShopTagSchema), z.object({ tags: z.array(ShopTagSchema) }).transform((o) => o.tags)]);

/** Files under a folder (following symlinks), as paths relative to it, sorted; dot-files left out. */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix))
    .filter((f) => !f.startsWith('.'))
    .sort()
    .flatMap((f) => {
      const rel = prefix ? `${prefix}/${f}` : f;
      return statSync(join(root, rel)).isDirectory() ? filesUnder(root, rel) : [rel];
    });
}

/** Whether a cited file is one of the listed sources (by path under content/, or by file name). */
export function fromSources(file: string, sources: readonly string[]): boolean {
  return sources.some((s) => s === file || (!s.includes('/') && basename(file) === s));
}

export interface Shop {
  name: string;
  /** Chunks of every document, `sourceId` = the file name. */
  chunks: KnowledgeChunk[];
  tags: ShopTag[];
  questions: ShopQuestion[];
  /** Files in content/ that were not ingested, with why. */
  skipped: { file: string; error: string }[];
}

/** Reads a shop folder, ingesting each document as the server ingests an uploaded file. */
export async function loadShop(dir: string): Promise<Shop> {
  const contentDir = join(dir, 'content');
  const files = filesUnder(contentDir);
  const chunks: KnowledgeChunk[] = [];
  const skipped: Shop['skipped'] = [];
  for (const file of files) {
    if (!DOCUMENT.test(file)) {
      skipped.push({ file, error: 'not a document type the upload accepts' });
      continue;
    }
    try {
      const doc = await parseSource({ filename: file, bytes: readFileSync(join(contentDir, file)) });
      // The server keeps one chunk per distinct content of a source (its content hash).
      const seen = new Set<string>();
      for (const c of chunkDocument(doc, { sourceId: file }))
        if (!seen.has(c.id)) {
          seen.add(c.id);
          chunks.push(c);
        }
    } catch (err) {
      skipped.push({ file, error: err instanceof Error ? err.message : String(err) });
    }
  }
  const tagsFile = join(dir, 'tags.json');
  const tags = existsSync(tagsFile) ? TagsFile.parse(JSON.parse(readFileSync(tagsFile, 'utf8'))) : [];
  const questions = readFileSync(join(dir, 'questions.jsonl'), 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const where = `${join(dir, 'questions.jsonl')}:${i + 1}`;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new Error(`${where}: not valid JSON`);
      }
      const parsed = ShopQuestionSchema.safeParse(row);
      if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
      return [parsed.data];
    });
  for (const q of questions)
    for (const s of q.sources)
      if (!files.some((f) => fromSources(f, [s]))) throw new Error(`${dir}: "${q.q}" cites ${s}, not in content/`);
  return { name: basename(dir), chunks, tags, questions, skipped };
}

/** The tagger the server builds for a workspace: its topic tags that have examples. */
export function shopTagger(tags: readonly ShopTag[]): ((text: string) => TurnTopic[]) | null {
  const usable = tags.filter((t) => t.kind === 'topic' && t.examples.length > 0);
  if (!usable.length) return null;
  const classifier = new TagClassifier(
    usable.map((t) => ({
      id: t.name,
      name: t.name,
      description: t.description,
      examples: t.examples,
      needsHuman: t.needsHuman,
    })),
  );
  const needsHuman = new Map(usable.map((t) => [t.name, t.needsHuman]));
  return (text) => classifier.predict(text).map((p) => ({ ...p, needsHuman: needsHuman.get(p.tagId) ?? false }));
}

export interface QuestionResult {
  q: string;
  expect: Outcome[];
  sources: string[];
  /** What the visitor got: an answer, the "not sure" reply or small talk (abstain), or a person. */
  outcome: Outcome;
  /** For an answer: whether a citation came from one of `sources` (and `answer` was expected). */
  right: boolean;
  /** Whether the outcome is one of those expected (an answer only when right). */
  allowed: boolean;
  /** The decision's action ('suggest' offers a person without handing over). */
  action: HandoffDecision['action'];
  reason: HandoffDecision['reason'];
  detail?: string;
  confidence: number;
  /** Files the answer cited (first citation first). */
  cited: string[];
  /** For a right answer citing `sources[0]` of a question with a `section`: whether it quoted that section. */
  sectionRight?: boolean;
  topTopic?: { tag: string; confidence: number };
  /**
   * For answerable questions: the rank (1-based) of the first chunk from one of `sources` in the
   * index's top 10 as the answer reads them (reranked, ranking.ts), 0 when none is there — whether
   * a miss is ranking or confidence.
   */
  rank?: number;
  /** Time of the turn (answer, topics, decision), ms. */
  ms: number;
  text: string;
}

/**
 * The figures, each in 0..1 except counts:
 * - `answerable`: questions whose expect includes `answer`.
 * - `answered_right`: answerable questions answered (neither abstained nor handed off) with a
 *   citation from one of their `sources`; `answer_recall` = answered_right / answerable.
 * - `confident_wrong`: share of all questions answered without being right (a citation from no
 *   listed source, or an answer where expect has no `answer`).
 * - `abstain_right`: share of questions whose expect includes `abstain` where the bot abstained or
 *   did another expected outcome.
 * - `handoff_right`: share of questions whose only expected outcome is `handoff` that were handed off.
 * - `needless_handoffs`: share of questions whose expect lacks `handoff` that were handed off.
 * - `section_right`: of the right answers that cite a question's `sources[0]` and whose question
 *   names its `section`, the share quoting that section (`sections`: how many were judged).
 * `per_kind`: per expect value (e.g. "abstain|handoff"), how many and how many had an expected outcome.
 */
export interface ShopSummary {
  n: number;
  answerable: number;
  answered_right: number;
  answer_recall: number;
  confident_wrong: number;
  abstain_right: number;
  handoff_right: number;
  needless_handoffs: number;
  /** Answerable questions whose right document ranks first / in the top 3 (see `rank`). */
  top1: number;
  top3: number;
  section_right: number;
  sections: number;
  outcomes: Record<Outcome, number>;
  per_kind: Record<string, { n: number; right: number }>;
  ms_p50: number;
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 0);

/** Summarises per-question results (one shop, or several pooled). */
export function summarizeShop(rs: readonly QuestionResult[]): ShopSummary {
  const answerable = rs.filter((r) => r.expect.includes('answer'));
  const answeredRight = answerable.filter((r) => r.outcome === 'answer' && r.right).length;
  const abstainers = rs.filter((r) => r.expect.includes('abstain'));
  const handoffOnly = rs.filter((r) => r.expect.length === 1 && r.expect[0] === 'handoff');
  const noHandoff = rs.filter((r) => !r.expect.includes('handoff'));
  const perKind: ShopSummary['per_kind'] = {};
  for (const r of rs) {
    const k = (perKind[r.expect.join('|')] ??= { n: 0, right: 0 });
    k.n++;
    if (r.allowed) k.right++;
  }
  const judged = rs.filter((r) => r.sectionRight !== undefined);
  return {
    n: rs.length,
    answerable: answerable.length,
    answered_right: answeredRight,
    answer_recall: ratio(answeredRight, answerable.length),
    confident_wrong: ratio(rs.filter((r) => r.outcome === 'answer' && !r.right).length, rs.length),
    abstain_right: ratio(abstainers.filter((r) => r.allowed).length, abstainers.length),
    handoff_right: ratio(handoffOnly.filter((r) => r.outcome === 'handoff').length, handoffOnly.length),
    needless_handoffs: ratio(noHandoff.filter((r) => r.outcome === 'handoff').length, noHandoff.length),
    top1: ratio(answerable.filter((r) => r.rank === 1).length, answerable.length),
    top3: ratio(answerable.filter((r) => r.rank && r.rank <= 3).length, answerable.length),
    section_right: ratio(judged.filter((r) => r.sectionRight).length, judged.length),
    sections: judged.length,
    outcomes: {
      answer: rs.filter((r) => r.outcome === 'answer').length,
      abstain: rs.filter((r) => r.outcome === 'abstain').length,
      handoff: rs.filter((r) => r.outcome === 'handoff').length,
    },
    per_kind: perKind,
    ms_p50: rs.length
      ? Math.round(
          percentile(
            rs.map((r) => r.ms),
            50,
          ) * 100,
        ) / 100
      : 0,
  };
}

/**
 * The product's offline bot turn on a shop's index, for a visitor's first message: the answer at
 * `threshold`, the tagger's topics, the handoff decision.
 */
export function firstTurn(
  index: KnowledgeIndex,
  threshold: number,
  tagger: ((text: string) => TurnTopic[]) | null,
  settings: TurnInput<never>['settings'] = DEFAULT_HANDOFF_SETTINGS,
) {
  return (question: string) =>
    readTurn({
      question,
      visitorMessages: [question],
      previousUnanswered: [],
      answer: async (q) => ({ ...answerOffline(index, q, { threshold }), threshold }),
      topics: async (text) => tagger?.(text) ?? [],
      settings,
    });
}

export interface EvalShopOptions {
  /** The workspace's handoff settings (default: the engine's defaults). */
  settings?: TurnInput<never>['settings'];
  /** The answer threshold (default: the workspace's calibrated one, as for a workspace that set none). */
  threshold?: number | null;
  /** Word vectors (default: the shipped ones, loaded once). */
  wordVectors?: WordVectorsLike | null;
  /** Other index options (e.g. fusion weights, when fitting them across shops). */
  index?: Omit<KnowledgeIndexOptions, 'wordVectors'>;
}

export interface ShopReport {
  shop: string;
  summary: ShopSummary;
  results: QuestionResult[];
  skipped: Shop['skipped'];
}

/**
 * Runs one shop (a folder, or one read by `loadShop` so repeated runs skip the parsing); returns
 * per-question results for analysis (e.g. leave-one-shop-out fitting).
 */
export async function evalShop(dirOrShop: string | Shop, opts: EvalShopOptions = {}): Promise<ShopReport> {
  const shop = typeof dirOrShop === 'string' ? await loadShop(dirOrShop) : dirOrShop;
  const wordVectors = opts.wordVectors === undefined ? await loadDefaultWordVectors() : opts.wordVectors;
  const index = new KnowledgeIndex({ ...opts.index, wordVectors });
  index.upsert(shop.chunks);
  await index.prepared();
  const tagger = shopTagger(shop.tags);
  // As the product does for a workspace that set none: the threshold calibrated on its own content.
  const threshold = opts.threshold ?? calibratedThreshold(index);
  const settings = opts.settings ?? DEFAULT_HANDOFF_SETTINGS;
  const turn = firstTurn(index, threshold, tagger, settings);
  const fileOf = new Map(shop.chunks.map((c) => [c.id, c.sourceId]));
  const readOrder = (question: string) => {
    const asked = index.correct(question);
    return rerankedForAnswer(index, asked, index.search(asked, 10));
  };
  const results: QuestionResult[] = [];
  for (const q of shop.questions) {
    const t0 = performance.now();
    const { answer, topics, decision } = await turn(q.q);
    const ms = Math.round((performance.now() - t0) * 100) / 100;
    // A reply to small talk ("thanks, bye!") goes out in place of the answer, without its
    // citations (server/commands/handoff.ts, botReply): the content answered nothing.
    const smallTalk = decision.reply !== undefined;
    const cited = smallTalk ? [] : answer.citations.map((c) => fileOf.get(c.chunkId) ?? c.title);
    const outcome: Outcome =
      decision.action === 'handoff'
        ? 'handoff'
        : smallTalk || answer.abstained || answer.confidence < threshold
          ? 'abstain'
          : 'answer';
    const right = q.expect.includes('answer') && cited.some((f) => fromSources(f, q.sources));
    const quoted = answer.citations[0];
    const judged = outcome === 'answer' && right && q.section && quoted && fromSources(cited[0], q.sources.slice(0, 1));
    // The quoted section's own heading, not its path: "Regular Store Hours — Lesson Hours" is not
    // the regular hours.
    const own = quoted?.title.split(' — ').pop() ?? '';
    const sectionRight = judged ? own.toLowerCase().includes(q.section!.toLowerCase()) : undefined;
    const rank = q.expect.includes('answer')
      ? readOrder(q.q).findIndex((h) => fromSources(h.chunk.sourceId, q.sources)) + 1
      : undefined;
    results.push({
      q: q.q,
      expect: q.expect,
      sources: q.sources,
      outcome,
      right,
      allowed: outcome === 'answer' ? right : q.expect.includes(outcome),
      action: decision.action,
      reason: decision.reason,
      ...(decision.detail ? { detail: decision.detail } : {}),
      confidence: Math.round(answer.confidence * 1000) / 1000,
      cited,
      ...(sectionRight !== undefined ? { sectionRight } : {}),
      ...(topics[0]
        ? { topTopic: { tag: topics[0].tagId, confidence: Math.round(topics[0].confidence * 1000) / 1000 } }
        : {}),
      ...(rank !== undefined ? { rank } : {}),
      ms,
      text: answer.text,
    });
  }
  return { shop: shop.name, summary: summarizeShop(results), results, skipped: shop.skipped };
}

/** The shop folders under a folder: those holding a questions.jsonl. */
export function shopDirs(root: string): string[] {
  return readdirSync(root)
    .sort()
    .map((d) => join(root, d))
    .filter((d) => {
      try {
        return statSync(join(d, 'questions.jsonl')).isFile();
      } catch {
        return false;
      }
    });
}

const FIGURES = [
  'answer_recall',
  'confident_wrong',
  'abstain_right',
  'handoff_right',
  'needless_handoffs',
] as const satisfies readonly (keyof ShopSummary)[];

/**
 * Several shops: each shop's summary, the pooled summary (all questions together) and, per
 * figure, the spread across shops (min, max, mean).
 */
export async function evalShops(
  dirs: readonly (string | Shop)[],
  opts: EvalShopOptions = {},
): Promise<{
  shops: Record<string, ShopSummary>;
  pooled: ShopSummary;
  spread: Record<(typeof FIGURES)[number], { min: number; max: number; mean: number }>;
  reports: ShopReport[];
}> {
  const reports: ShopReport[] = [];
  for (const d of dirs) reports.push(await evalShop(d, opts));
  const spread = Object.fromEntries(
    FIGURES.map((f) => {
      const xs = reports.map((r) => r.summary[f]);
      return [
        f,
        {
          min: Math.min(...xs),
          max: Math.max(...xs),
          mean: Math.round((xs.reduce((a, b) => a + b, 0) / (xs.length || 1)) * 1000) / 1000,
        },
      ];
    }),
  ) as Record<(typeof FIGURES)[number], { min: number; max: number; mean: number }>;
  return {
    shops: Object.fromEntries(reports.map((r) => [r.shop, r.summary])),
    pooled: summarizeShop(reports.flatMap((r) => r.results)),
    spread,
    reports,
  };
}
