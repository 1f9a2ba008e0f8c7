/**
 * NUL characters: PostgreSQL's text and jsonb cannot hold U+0000, so a string carrying one would
 * fail at the database (a 500). Every request's parameters, query and JSON body, and every socket
 * payload, is checked once at the door (here), which covers every schema, present and future.
 * Raw uploads (binary bodies) are not strings and are not checked.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/** The path of the first string (or key) in `value` that holds a NUL character, or null. */
export function nulPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(value)' : null;
  if (!value || typeof value !== 'object' || depth > 64 || Buffer.isBuffer(value) || ArrayBuffer.isView(value))
    return null;
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return here;
    const found = nulPath(v, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws a 400 naming the field when `value` carries a NUL character. */
export function refuseNul(value: unknown, where: string): void {
  const path = nulPath(value);
  if (path !== null)
    throw new AppError('invalid_input', `${where}${path === '(value)' ? '' : `.${path}`}: contains a NUL character`);
}

export function installNulCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    refuseNul(req.params, 'params');
    refuseNul(req.query, 'querystring');
    refuseNul(req.body, 'body');
  });
}
