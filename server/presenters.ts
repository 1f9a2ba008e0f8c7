/** Presenters: the only serialisers. Secrets (password hashes, key hashes) never pass through. */
import { z } from 'zod';
import type { apiKeys, cannedReplies, contacts, users, workspaces } from '../db/schema';
import type { ApiKey, User, Workspace } from '../protocol/rest';
import { API_KEY_SCOPES, type ApiKeyScope } from '../protocol/scopes';
import type { Equal, Expect } from '../protocol/type-check';
import { readSettings, WorkspaceSettings } from './domain/settings';

export const UserOut = z.object({ id: z.string(), email: z.string(), name: z.string() });
type _UserSameAsProtocol = Expect<Equal<z.infer<typeof UserOut>, User>>;
export const presentUser = (u: typeof users.$inferSelect): z.infer<typeof UserOut> => ({
  id: u.id,
  email: u.email,
  name: u.name,
});

export const WorkspaceOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  settings: WorkspaceSettings,
});
type _WorkspaceSameAsProtocol = Expect<Equal<z.infer<typeof WorkspaceOut>, Workspace>>;
export const presentWorkspace = (w: typeof workspaces.$inferSelect): z.infer<typeof WorkspaceOut> => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  settings: readSettings(w.settings),
});

export const ApiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
});
type _ApiKeySameAsProtocol = Expect<Equal<z.infer<typeof ApiKeyOut>, ApiKey>>;
export const presentApiKey = (k: typeof apiKeys.$inferSelect): z.infer<typeof ApiKeyOut> => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revoked: k.revokedAt !== null,
  scopes: k.scopes.filter((x): x is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(x)),
});

export const CannedReplyOut = z.object({
  id: z.string(),
  shortcut: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export const presentCannedReply = (r: typeof cannedReplies.$inferSelect): z.infer<typeof CannedReplyOut> => ({
  id: r.id,
  shortcut: r.shortcut,
  body: r.body,
  updatedAt: r.updatedAt.toISOString(),
});

export const ContactOut = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
  attributes: z.record(z.string(), z.string()),
});
export const presentContact = (c: typeof contacts.$inferSelect): z.infer<typeof ContactOut> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  notes: c.notes,
  attributes: c.attributes,
});
