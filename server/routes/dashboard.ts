/** Serves the dashboard (a single-page app under /app) and sends `/` there. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const DASHBOARD_DIST = fileURLToPath(new URL('../../dist/dashboard', import.meta.url));

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/app/'));
  const index = join(DASHBOARD_DIST, 'index.html');
  if (!existsSync(index)) {
    app.get('/app', { schema: { hide: true } }, async (_req, reply) =>
      reply.status(503).type('text/plain').send('The dashboard is not built yet: run `npm run build`, then restart.'),
    );
    return;
  }
  const html = readFileSync(index, 'utf8');
  // Files that exist are served as they are (hashed names: cache them long); every other /app/…
  // path is a page of the app, answered with index.html.
  await app.register(fastifyStatic, {
    root: DASHBOARD_DIST,
    prefix: '/app/',
    wildcard: false,
    decorateReply: false,
    index: false,
    maxAge: '7d',
    immutable: true,
  });
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  app.get('/app', { schema: { hide: true } }, page);
  app.get('/app/', { schema: { hide: true } }, page);
  app.get('/app/*', { schema: { hide: true } }, page);
}
