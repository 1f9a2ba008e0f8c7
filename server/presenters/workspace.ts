/** A workspace with its settings (read through their defaults). */
import { z } from 'zod';
import type { workspaces } from '../../db/schema';
import type { Workspace } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import { readSettings, WorkspaceSettings } from '../domain/settings';

export const WorkspaceOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  settings: WorkspaceSettings,
});
type _SameAsProtocol = Expect<Equal<z.infer<typeof WorkspaceOut>, Workspace>>;

export const presentWorkspace = (w: typeof workspaces.$inferSelect): z.infer<typeof WorkspaceOut> => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  settings: readSettings(w.settings),
});
