/**
 * Serves the dashboard (a single-page app under /app) and sends `/` there. What is served is what
 * is on disk now: a build under a running server (an upgrade) is served at once, new hashed files
 * and the index.html that names them, without a restart.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors';

export const DASHBOARD_DIST = fileURLToPath(new URL('../../dist/dashboard', import.meta.url));

/** index.html as it is on disk, read again when a build has replaced it. */
export function indexPage(file: string): () => string | null {
  let cached: { mtimeMs: number; size: number; html: string } | null = null;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    if (cached?.mtimeMs !== stat.mtimeMs || cached.size !== stat.size)
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

/** Whether `path` (from the URL, decoded) names a file inside `root`. */
function isFileIn(root: string, path: string): boolean {
  const full = resolve(root, path);
  return full.startsWith(root + sep) && !!statSync(full, { throwIfNoEntry: false })?.isFile();
}

export async function dashboardRoutes(app: FastifyInstance, opts: { dir?: string } = {}): Promise<void> {
  const dir = resolve(opts.dir ?? DASHBOARD_DIST);
  const html = indexPage(join(dir, 'index.html'));
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/app/'));
  await app.register(async (scope) => {
    // Only reply.sendFile, in this scope: files are looked up per request (below), not listed at start.
    await scope.register(fastifyStatic, {
      root: dir,
      serve: false,
      suppressWarning: true,
      maxAge: '7d',
      immutable: true,
    });
    const page = async (reply: FastifyReply) => {
      const body = html();
      if (body === null)
        return reply
          .status(503)
          .type('text/plain')
          .send('The dashboard is not built yet: run `npm run build`, then restart.');
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
    };
    scope.get('/app', { schema: { hide: true } }, async (_req, reply) => page(reply));
    // A file that exists is served as it is (hashed names: cached long); a missing one under
    // assets/ (a chunk an earlier build named) is a 404, not a page; every other path is a page of
    // the app, answered with index.html.
    scope.get('/app/*', { schema: { hide: true } }, async (req, reply) => {
      const path = (req.params as { '*': string })['*'];
      if (path && path !== 'index.html' && isFileIn(dir, path)) return reply.sendFile(path);
      if (path.startsWith('assets/')) throw new AppError('not_found', 'no such file');
      return page(reply);
    });
  });
}
