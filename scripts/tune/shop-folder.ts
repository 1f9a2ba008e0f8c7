/**
 * Reads a shop folder for the tuning scripts: eval/shops/<shop> (content/ + questions.jsonl rows
 * {q, expect, sources}) or the older flat form (documents beside questions.jsonl rows
 * {query, expected}). Answerable: `expect` includes "answer"; not answerable: it includes
 * "abstain" (pure handoff rows are the bot turn's business, left out here).
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readJsonl } from '../../engine/eval/stats';
import { demoChunks } from '../../engine/eval/shop/demo-kb';
import type { KnowledgeChunk } from '../../engine/retrieve/types';

export interface ShopFolder {
  name: string;
  chunks: KnowledgeChunk[];
  questions: { query: string; sources: string[] }[];
}

type Row = { q?: string; query?: string; expect?: string; sources?: string[]; expected?: string[] };

export async function readShopFolder(dir: string): Promise<ShopFolder> {
  const content = existsSync(join(dir, 'content')) ? join(dir, 'content') : dir;
  const chunks = await demoChunks(content);
  const questions = readJsonl<Row>(join(dir, 'questions.jsonl')).flatMap((r) => {
    const query = r.q ?? r.query ?? '';
    if (r.expected) return [{ query, sources: r.expected }];
    const kinds = (r.expect ?? '').split('|');
    if (kinds.includes('answer')) return [{ query, sources: r.sources ?? [] }];
    if (kinds.includes('abstain')) return [{ query, sources: [] }];
    return [];
  });
  return { name: basename(dir), chunks, questions };
}
