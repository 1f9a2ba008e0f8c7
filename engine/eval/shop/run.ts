/**
 * The shop eval: the demo shop's mixed content (demo/content) against hand-written customer
 * questions (queries.jsonl; `expected` holds chunk keys `file#title`, `[]` = not answerable from
 * the content), split into a dev part (tuned on) and a held-out third (every third line, never
 * tuned on). Prints top1/top5/mrr/accuracy/auroc/balanced accuracy per split:
 *   npx tsx engine/eval/shop/run.ts [--threshold 0.5] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerOffline } from '../../answer/offline';
import { confidenceOf } from '../../answer/confidence';
import { calibratedThreshold } from '../../answer/calibrate';
import { loadDefaultWordVectors } from '../../retrieve/dense';
import { KnowledgeIndex } from '../../retrieve/knowledge-index';
import type { KnowledgeChunk, SearchHit } from '../../retrieve/types';
import { aurocOf, hitsAt, meanReciprocalRank } from '../metrics';
import { chunkKey, demoChunks } from './demo-kb';

export interface ShopQuery {
  query: string;
  /** Chunk keys (`file#title`) any of which answers the query; empty when none does. */
  expected: string[];
  split: 'dev' | 'heldout';
}

export const SHOP_QUERIES = fileURLToPath(new URL('./queries.jsonl', import.meta.url));

export function readShopQueries(path = SHOP_QUERIES): ShopQuery[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ShopQuery);
}

/** The demo shop's chunks and an index over them, checking every expected key exists. */
export async function shopIndex(queries: ShopQuery[] = readShopQueries()): Promise<{
  index: KnowledgeIndex;
  chunks: KnowledgeChunk[];
}> {
  const chunks = await demoChunks();
  const keys = new Set(chunks.map(chunkKey));
  for (const q of queries)
    for (const e of q.expected) if (!keys.has(e)) throw new Error(`unknown chunk key "${e}" in "${q.query}"`);
  const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  index.upsert(chunks);
  index.prepare();
  return { index, chunks };
}

/** Chunk ids a query expects (the chunks whose keys it lists). */
export function expectedIds(q: ShopQuery, chunks: readonly KnowledgeChunk[]): string[] {
  return chunks.filter((c) => q.expected.includes(chunkKey(c))).map((c) => c.id);
}

export interface ShopResult {
  query: ShopQuery;
  hits: SearchHit[];
  rank: number;
  confidence: number;
  abstained: boolean;
}

export function runShop(
  index: KnowledgeIndex,
  chunks: KnowledgeChunk[],
  queries: ShopQuery[],
  threshold: number,
): ShopResult[] {
  return queries.map((q) => {
    const hits = index.search(q.query, 10);
    const ids = expectedIds(q, chunks);
    const i = hits.findIndex((h) => ids.includes(h.chunk.id));
    const answer = answerOffline(index, q.query, { threshold, hits });
    return { query: q, hits, rank: i < 0 ? 0 : i + 1, confidence: confidenceOf(hits), abstained: answer.abstained };
  });
}

export function summarize(rs: ShopResult[]): Record<string, number> {
  const ans = rs.filter((r) => r.query.expected.length);
  const un = rs.filter((r) => !r.query.expected.length);
  const ranks = ans.map((r) => r.rank);
  const answeredRight = ans.filter((r) => r.rank === 1 && !r.abstained).length;
  const abstainedRight = un.filter((r) => r.abstained).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: rs.length,
    answerable: ans.length,
    top1: round(hitsAt(ranks, 1)),
    top5: round(hitsAt(ranks, 5)),
    mrr: round(meanReciprocalRank(ranks)),
    accuracy: round((answeredRight + abstainedRight) / rs.length),
    balanced: round(0.5 * (answeredRight / ans.length) + 0.5 * (abstainedRight / (un.length || 1))),
    answered_right: round(answeredRight / ans.length),
    abstained_unanswerable: round(abstainedRight / (un.length || 1)),
    auroc: round(
      aurocOf(
        ans.filter((r) => r.rank === 1).map((r) => r.confidence),
        un.map((r) => r.confidence),
      ),
    ),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--threshold');
  const threshold = ti >= 0 ? Number(args[ti + 1]) : null;
  const queries = readShopQueries();
  const { index, chunks } = await shopIndex(queries);
  const rs = runShop(index, chunks, queries, threshold ?? calibratedThreshold(index));
  if (args.includes('--verbose')) {
    for (const r of rs) {
      const top = r.hits[0];
      const mark = !r.query.expected.length
        ? r.abstained
          ? 'ok '
          : 'ANS'
        : r.rank === 1
          ? r.abstained
            ? 'abs'
            : 'ok '
          : `R${r.rank}`.padEnd(3);
      process.stdout.write(
        `${mark} ${r.confidence.toFixed(2)} ${r.query.split === 'dev' ? 'd' : 'h'} ${r.query.query}  →  ${top ? chunkKey(top.chunk) : '-'}\n`,
      );
    }
  }
  const out = {
    threshold: threshold ?? calibratedThreshold(index),
    dev: summarize(rs.filter((r) => r.query.split === 'dev')),
    heldout: summarize(rs.filter((r) => r.query.split === 'heldout')),
  };
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    process.stderr.write(String(e) + '\n');
    process.exit(1);
  });
}
