/** A knowledge source with its status and progress. */
import { z } from 'zod';
import type { KnowledgeSource } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import type { Source } from '../bot/knowledge';

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
