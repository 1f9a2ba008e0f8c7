/** A knowledge source with its status and progress. */
import { z } from 'zod';
import type { KnowledgeSource } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import type { Source } from '../bot/knowledge';
import { titleFromFilename } from '../../engine/ingest/title';

export const SourceOut = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  uri: z.string().nullable(),
  status: z.enum(['pending', 'ingesting', 'ready', 'error']),
  error: z.string().nullable(),
  progress: z.number(),
  chunkCount: z.number(),
  createdAt: z.string(),
  syncedAt: z.string().nullable(),
});
type _SameAsProtocol = Expect<Equal<z.infer<typeof SourceOut>, KnowledgeSource>>;

export const presentSource = (s: Source): z.infer<typeof SourceOut> => ({
  id: s.id,
  kind: s.kind,
  name: s.name,
  uri: s.uri,
  status: s.status,
  error: s.error,
  progress: s.progress,
  chunkCount: s.chunkCount,
  createdAt: s.createdAt.toISOString(),
  syncedAt: s.syncedAt?.toISOString() ?? null,
});

/**
 * A source's name as a visitor may read it on a cited passage's page: an uploaded file's name
 * without its extension and separators ("leaf-and-kettle-help.md" → "Leaf and kettle help"), as
 * the owner's file names are theirs, not their customers'; any other name as it is.
 */
export function readableSourceName(name: string): string {
  const file = /^([^/\\]+)\.(?:md|markdown|txt|html?|pdf|docx|csv)$/i.exec(name.trim());
  if (!file || !/[^-_.+\s]/.test(file[1])) return name;
  // As the passages' own titles read it (a document that names none is titled by its file).
  return titleFromFilename(file[1]);
}
