/**
 * Which API key scope a request needs: the one place that decides, from the route's pattern, its
 * method and the member role the route asks for. A route that needs an admin member needs the
 * `admin` scope, except knowledge writes (`knowledge:write`); a route open to agents needs `read`
 * to read and `conversations:write` to change anything. An unknown route falls to the strictest
 * class its role allows, so a new admin route is admin-only until listed otherwise.
 */
import type { Role } from '../../db/schema';
import type { ApiKeyScope } from '../../protocol/scopes';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Admin routes that change only the knowledge (sources, Q&A entries). */
const KNOWLEDGE_WRITES = /^\/api\/workspaces\/:workspaceId\/knowledge\//;
/** Agent routes that use POST for a body but change nothing. */
const READS_BY_POST = new Set(['/api/workspaces/:workspaceId/analytics/gaps/draft']);

export function scopeNeeded(method: string, route: string, min: Role): ApiKeyScope {
  const reads = SAFE_METHODS.has(method) || READS_BY_POST.has(route);
  if (min !== 'agent') return !reads && KNOWLEDGE_WRITES.test(route) ? 'knowledge:write' : 'admin';
  return reads ? 'read' : 'conversations:write';
}

/** Does a key with `scopes` have `needed`? `admin` has every scope. */
export function hasScope(scopes: readonly ApiKeyScope[], needed: ApiKeyScope): boolean {
  return scopes.includes('admin') || scopes.includes(needed);
}
