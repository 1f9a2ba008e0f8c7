/**
 * What makes the dashboard an installable app: its manifest, its service worker (Web Push alerts,
 * see dashboard/pwa/sw.js) and its icons, drawn at start-up (server/http/png.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { appIcon } from '../http/png';

const SW = fileURLToPath(new URL('../../dashboard/pwa/sw.js', import.meta.url));
const SIZES = [192, 512] as const;

export const MANIFEST = {
  name: 'Chatref',
  short_name: 'Chatref',
  description: "Your shop's customer chats: the inbox, handoffs and alerts.",
  id: '/app/',
  start_url: '/app/inbox/waiting',
  scope: '/app/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#b4462b',
  icons: SIZES.flatMap((s) => [
    { src: `/app/icons/icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'any' },
    { src: `/app/icons/icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'maskable' },
  ]),
};

export async function pwaRoutes(app: FastifyInstance): Promise<void> {
  const worker = readFileSync(SW, 'utf8');
  app.get('/app/manifest.webmanifest', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('application/manifest+json').header('cache-control', 'no-cache').send(JSON.stringify(MANIFEST)),
  );
  // Never cached long: browsers check it for updates, and a stale worker would keep old behaviour.
  app.get('/app/sw.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(worker),
  );
  for (const size of SIZES) {
    const png = appIcon(size);
    app.get(`/app/icons/icon-${size}.png`, { schema: { hide: true } }, async (_req, reply) =>
      reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png),
    );
  }
}
