/**
 * The dashboard's files as they are on disk: a build under a running server (an upgrade) is served
 * without a restart — the new index.html, the new hashed chunks — and a chunk the old build named
 * is a 404, not the app's page.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../http/errors';
import { tempDir } from '../../tests/process';
import { dashboardRoutes } from './dashboard';

describe('dashboard files', () => {
  let app: FastifyInstance;
  let dir: string;
  const build = (chunk: string, when: Date) => {
    rmSync(join(dir, 'assets'), { recursive: true, force: true });
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'assets', chunk), `export const page = '${chunk}';`);
    const index = join(dir, 'index.html');
    writeFileSync(index, `<!doctype html><script type="module" src="/app/assets/${chunk}"></script>`);
    utimesSync(index, when, when);
  };
  beforeAll(async () => {
    dir = tempDir();
    build('Settings-old.js', new Date('2025-01-01T00:00:00Z'));
    app = Fastify();
    installErrorHandling(app);
    await dashboardRoutes(app, { dir });
    await app.ready();
  });
  afterAll(async () => app?.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('serves the build that is on disk now, after an upgrade under the running server', async () => {
    const before = await get('/app/inbox');
    expect(before.body).toContain('Settings-old.js');
    expect((await get('/app/assets/Settings-old.js')).statusCode).toBe(200);

    build('Settings-new.js', new Date('2025-01-02T00:00:00Z'));
    for (const url of ['/app', '/app/', '/app/settings/general', '/app/index.html']) {
      const page = await get(url);
      expect({ url, status: page.statusCode, new: page.body.includes('Settings-new.js') }).toEqual({
        url,
        status: 200,
        new: true,
      });
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    }
    const chunk = await get('/app/assets/Settings-new.js');
    expect(chunk.statusCode).toBe(200);
    expect(chunk.headers['content-type']).toMatch(/javascript/);
    expect(chunk.headers['cache-control']).toMatch(/immutable/);
    // The old page's chunk is gone: a 404 the page can tell from a page of the app.
    const gone = await get('/app/assets/Settings-old.js');
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).not.toMatch(/html/);
  });

  it('serves nothing outside its folder', async () => {
    for (const url of ['/app/../package.json', '/app/%2e%2e/%2e%2e/package.json', '/app/assets/..%2f..%2fpackage.json'])
      expect((await get(url)).body).not.toContain('"name"');
  });
});
