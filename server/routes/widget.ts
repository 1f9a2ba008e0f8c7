/**
 * Public routes for the widget and the demo shop: the widget's configuration, its scripts, and the
 * storefront pages with the snippet installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaces } from '../../db/schema';
import { DEMO_SLUG } from '../../demo/seed';
import type { Deps } from '../commands/unit';
import { readSettings } from '../domain/settings';
import { AppError } from '../errors';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const WIDGET_DIST = join(root, 'dist/widget');
const SHOP_DIR = join(root, 'demo/shop');

/** The one line a shop pastes into its pages. */
export function widgetSnippet(baseUrl: string, workspaceId: string): string {
  return `<script src="${baseUrl}/widget/loader.js" data-workspace="${workspaceId}" async></script>`;
}

export const widgetRoutes =
  (deps: Deps, opts: { publicUrl: () => string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/widget/:workspaceId/config',
      {
        schema: {
          tags: ['widget'],
          summary: "The widget's appearance (public)",
          params: z.object({ workspaceId: z.uuid('workspaceId must be a UUID') }),
          response: { 200: z.object({ color: z.string(), greeting: z.string(), position: z.enum(['right', 'left']), botName: z.string() }) },
        },
      },
      async (req, reply) => {
        const [w] = await deps.db.select().from(workspaces).where(eq(workspaces.id, req.params.workspaceId));
        if (!w) throw new AppError('not_found', 'no such workspace');
        const { color, greeting, position, botName } = readSettings(w.settings).widget;
        reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60');
        return { color, greeting, position, botName };
      },
    );

    if (existsSync(WIDGET_DIST)) {
      await app.register(fastifyStatic, {
        root: WIDGET_DIST,
        prefix: '/widget/',
        decorateReply: false,
        maxAge: '5m',
        setHeaders: (res) => void res.header('access-control-allow-origin', '*'),
      });
    }

    // The demo storefront, with the demo workspace's snippet where the page asks for it.
    const page = async (name: string) => {
      const file = join(SHOP_DIR, name);
      if (!/^[a-z0-9-]+\.(html|css)$/.test(name) || !existsSync(file)) throw new AppError('not_found', 'no such page');
      if (name.endsWith('.css')) return { type: 'text/css; charset=utf-8', body: readFileSync(file, 'utf8') };
      const [demo] = await deps.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, DEMO_SLUG));
      const snippet = demo ? widgetSnippet(opts.publicUrl(), demo.id) : '<!-- no demo workspace -->';
      return { type: 'text/html; charset=utf-8', body: readFileSync(file, 'utf8').replace('<!-- CHATREF_WIDGET -->', snippet) };
    };
    app.get('/demo', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/demo/'));
    app.get('/demo/', { schema: { hide: true } }, async (_req, reply) => {
      const p = await page('index.html');
      return reply.type(p.type).send(p.body);
    });
    app.get('/demo/:file', { schema: { hide: true, params: z.object({ file: z.string().max(100) }) } }, async (req, reply) => {
      const p = await page(req.params.file);
      return reply.type(p.type).send(p.body);
    });
  };
