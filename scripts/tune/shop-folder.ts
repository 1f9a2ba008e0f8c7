/**
 * Reads a shop folder for the tuning scripts: eval/shops/<shop> (content/ + questions.jsonl rows
 * {q, expect, sources}) or the older flat form (documents beside questions.jsonl rows
 * {query, expected}). Answerable: `expect` includes "answer"; not answerable: it includes
 * "abstain" (pure handoff rows are the bot turn's business, left out here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from '../../engine/eval/stats';
import { chunkDocument } from '../../engine/ingest/chunk';
import { parseSource } from '../../engine/ingest/parse';
import type { KnowledgeChunk } from '../../engine/retrieve/types';

/** The demo shop's set (demo/content and its customer questions), one of the shop sets. */
export const DEMO_SHOP = fileURLToPath(new URL('../../eval/shops/riff-and-rhythm', import.meta.url));

/** Every document of a folder, in name order, each file its own source (its file name), as an upload. */
async function folderChunks(dir: string): Promise<KnowledgeChunk[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.(md|html|pdf|csv|txt|docx)$/.test(f))
    .sort();
  const chunks: KnowledgeChunk[] = [];
  for (const name of files) {
    const doc = await parseSource({ filename: name, bytes: readFileSync(join(dir, name)) });
    chunks.push(...chunkDocument(doc, { sourceId: name }));
  }
  return chunks;
}

export interface ShopFolder {
  name: string;
  chunks: KnowledgeChunk[];
  questions: { query: string; sources: string[] }[];
}

type Row = { q?: string; query?: string; expect?: string; sources?: string[]; expected?: string[] };

export async function readShopFolder(dir: string): Promise<ShopFolder> {
  const content = existsSync(join(dir, 'content')) ? join(dir, 'content') : dir;
  const chunks = await folderChunks(content);
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
