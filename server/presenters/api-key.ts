/** An API key as listed: its prefix and scopes, never its hash. */
import { z } from 'zod';
import type { apiKeys } from '../../db/schema';
import type { ApiKey } from '../../protocol/rest';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../protocol/scopes';
import type { Equal, Expect } from '../../protocol/type-check';

export const ApiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
});
type _SameAsProtocol = Expect<Equal<z.infer<typeof ApiKeyOut>, ApiKey>>;

export const presentApiKey = (k: typeof apiKeys.$inferSelect): z.infer<typeof ApiKeyOut> => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revoked: k.revokedAt !== null,
  scopes: k.scopes.filter((x): x is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(x)),
});
