/**
 * Who is calling: a signed-in member (session cookie, with a CSRF token for writes) or an API key.
 * Policies (which role may do what) are checked by `requireRole`, the one place that decides.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role, users } from '../../db/schema';
import type { ApiKeyScope } from '../../protocol/scopes';
import { apiKeyAccess } from '../commands/accounts';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import { roleIn, sessionFor } from '../queries/accounts';
import { hasScope, scopeNeeded } from './scopes';

export const SESSION_COOKIE = 'chatref_session';
export const CSRF_HEADER = 'x-csrf-token';

export type Caller =
  | { kind: 'session'; user: typeof users.$inferSelect; csrfToken: string; token: string }
  | { kind: 'apiKey'; workspaceId: string; apiKeyId: string; scopes: ApiKeyScope[] };

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const RANK: Record<Role, number> = { agent: 1, admin: 2, owner: 3 };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('caller', null);
  app.addHook('preHandler', async (req) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const key = await apiKeyAccess(deps, header.slice(7).trim());
      if (!key) throw new AppError('unauthenticated', 'this API key is unknown or revoked');
      req.caller = { kind: 'apiKey', ...key };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await sessionFor(deps, token);
    if (!session) return;
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed', `send the session's CSRF token in the ${CSRF_HEADER} header`);
    }
    req.caller = { kind: 'session', user: session.user, csrfToken: session.csrfToken, token };
  });
}

/** The signed-in member, or 401. */
export function requireUser(req: FastifyRequest) {
  if (req.caller?.kind !== 'session') throw new AppError('unauthenticated', 'sign in first');
  return req.caller.user;
}

export interface Access {
  workspaceId: string;
  /** The member acting, or null for an API key. */
  userId: string | null;
  role: Role;
}

/**
 * Checks that the caller may act in the workspace with at least `min` role.
 * An API key acts with the admin role in its own workspace only, within its scopes
 * (server/http/scopes.ts decides which scope a route needs).
 * An unknown workspace and a workspace the caller is not in look the same (404): ids do not leak.
 */
export async function requireRole(deps: Deps, req: FastifyRequest, workspaceId: string, min: Role): Promise<Access> {
  const caller = req.caller;
  if (!caller) throw new AppError('unauthenticated', 'sign in or send an API key');
  let access: Access | null = null;
  if (caller.kind === 'apiKey') {
    if (caller.workspaceId === workspaceId) {
      const needed = scopeNeeded(req.method, req.routeOptions.url ?? '', min);
      if (!hasScope(caller.scopes, needed)) throw new AppError('forbidden', `this API key needs the ${needed} scope`);
      access = { workspaceId, userId: null, role: 'admin' };
    }
  } else {
    const role = await roleIn(deps.db, workspaceId, caller.user.id);
    if (role) access = { workspaceId, userId: caller.user.id, role };
  }
  if (!access) throw new AppError('not_found', 'no such workspace');
  if (RANK[access.role] < RANK[min]) throw new AppError('forbidden', `this needs the ${min} role`);
  return access;
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
}
