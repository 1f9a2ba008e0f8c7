/**
 * The demo shop's content (demo/content: Markdown, HTML, a PDF and a Q&A CSV) ingested as the
 * server does it — `parseSource` + `chunkDocument`, each file its own source — for the shop eval.
 * Chunks are also given a stable key (file + title) so labelled queries survive re-chunking.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkDocument } from '../../ingest/chunk';
import { parseSource } from '../../ingest/parse';
import type { KnowledgeChunk } from '../../retrieve/types';

export const DEMO_CONTENT = fileURLToPath(new URL('../../../demo/content', import.meta.url));

/** A chunk's stable key: `file#title` (e.g. `returns.md#Strings and consumables`). */
export function chunkKey(c: KnowledgeChunk): string {
  return `${c.sourceId}#${c.title}`;
}

/** Every chunk of demo/content, files in name order, each file its own source (its file name). */
export async function demoChunks(dir = DEMO_CONTENT): Promise<KnowledgeChunk[]> {
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
