/**
 * Public routes for the widget and the demo shop: the widget's configuration, its scripts, and the
 * storefront pages with the snippet installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WidgetConfig } from '../../protocol/settings';
import type { Equal, Expect } from '../../protocol/type-check';
import type { Deps } from '../commands/unit';
import { pageOrigin, recordWidgetSighting } from '../commands/setup';
import { passage, workspaceIdBySlug } from '../queries/knowledge';
import { getWorkspace } from '../queries/workspace';
import { readSettings } from '../domain/settings';
import { AppError } from '../errors';
import { readableSourceName } from '../presenters/knowledge-source';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const WIDGET_DIST = join(root, 'dist/widget');
const SHOP_DIR = join(root, 'demo/shop');

const WidgetConfigOut = z.object({
  color: z.string(),
  greeting: z.string(),
  position: z.enum(['right', 'left']),
  botName: z.string(),
});
type _SameAsProtocol = Expect<Equal<z.infer<typeof WidgetConfigOut>, WidgetConfig>>;

/** The one line a shop pastes into its pages. */
export function widgetSnippet(baseUrl: string, workspaceId: string): string {
  return `<script src="${baseUrl}/widget/loader.js" data-workspace="${workspaceId}" async></script>`;
}

export const widgetRoutes =
  (deps: Deps, opts: { publicUrl: () => string; demoSlug: string | null }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/widget/:workspaceId/config',
      {
        schema: {
          tags: ['widget'],
          summary: "The widget's appearance (public)",
          params: z.object({ workspaceId: z.uuid('workspaceId must be a UUID') }),
          response: { 200: WidgetConfigOut },
        },
      },
      async (req, reply) => {
        const w = await getWorkspace(deps.db, req.params.workspaceId);
        const origin = pageOrigin(req.headers);
        if (origin) await recordWidgetSighting(deps, w.id, origin);
        const { color, greeting, position, botName } = readSettings(w.settings).widget;
        reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60');
        return { color, greeting, position, botName };
      },
    );

    // A cited passage that has no web page of its own (an uploaded file, a Q&A entry) opens here.
    app.get(
      '/kb/:workspaceId/:chunkId',
      { schema: { hide: true, params: z.object({ workspaceId: z.uuid(), chunkId: z.uuid() }) } },
      async (req, reply) => {
        const chunk = await passage(deps.db, req.params.workspaceId, req.params.chunkId);
        if (!chunk) throw new AppError('not_found', 'this passage is no longer in the knowledge base');
        const paragraphs = chunk.text
          .split(/\n{2,}/)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('\n');
        const crumbs = chunk.headingPath.length
          ? `<p class="crumbs">${chunk.headingPath.map(escapeHtml).join(' › ')}</p>`
          : '';
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
              `<title>${escapeHtml(chunk.title)} — ${escapeHtml(chunk.workspaceName)}</title>` +
              `<style>body{font:16px/1.6 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1.25rem;color:#1f2328}h1{font-size:1.5rem;line-height:1.3}.crumbs,.src{color:#59636e;font-size:.9rem}p{white-space:pre-wrap;overflow-wrap:anywhere}</style></head>` +
              `<body><p class="src">${escapeHtml(chunk.workspaceName)}${chunk.headingPath.length ? '' : ` · ${escapeHtml(readableSourceName(chunk.source))}`}</p>${crumbs}<h1>${escapeHtml(chunk.title)}</h1>${paragraphs}</body></html>`,
          );
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
    const page = async (name: string, origin: string) => {
      const file = join(SHOP_DIR, name);
      if (!/^[a-z0-9-]+\.(html|css|js)$/.test(name) || !existsSync(file))
        throw new AppError('not_found', 'no such page');
      if (name.endsWith('.css')) return { type: 'text/css; charset=utf-8', body: readFileSync(file, 'utf8') };
      if (name.endsWith('.js')) return { type: 'text/javascript; charset=utf-8', body: readFileSync(file, 'utf8') };
      // Without the demo workspace (CHATREF_NO_DEMO) the storefront would be a shop with no chat.
      const demoId = opts.demoSlug ? await workspaceIdBySlug(deps.db, opts.demoSlug) : null;
      if (!demoId) throw new AppError('not_found', 'this server runs without the demo shop');
      return {
        type: 'text/html; charset=utf-8',
        body: readFileSync(file, 'utf8').replace('<!-- CHATREF_WIDGET -->', widgetSnippet(origin, demoId)),
      };
    };
    app.get('/demo', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/demo/'));
    // The demo is served from wherever it is reached (localhost, a LAN address, a tunnel).
    const originOf = (req: { protocol: string; host: string }) => opts.publicUrl() || `${req.protocol}://${req.host}`;
    app.get('/demo/', { schema: { hide: true } }, async (req, reply) => {
      const p = await page('index.html', originOf(req));
      return reply.type(p.type).send(p.body);
    });
    app.get(
      '/demo/:file',
      { schema: { hide: true, params: z.object({ file: z.string().max(100) }) } },
      async (req, reply) => {
        const p = await page(req.params.file, originOf(req));
        return reply.type(p.type).send(p.body);
      },
    );
  };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
