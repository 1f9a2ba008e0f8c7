/**
 * A dashboard open across an upgrade, in headless Chromium: the page's build named a Settings
 * chunk the new build no longer has; opening Settings reloads the page once, and Settings opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch, signInToDashboard } from '../browser';
import { ADMIN, startLiveServer, type LiveServer } from '../server';

describe('a lazy page after an upgrade', () => {
  let server: LiveServer;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await startLiveServer();
    context = await launch();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('reloads once when its chunk is gone, then opens', async () => {
    const page = await context.newPage();
    await signInToDashboard(page, server.url, ADMIN);

    // Until the page reloads, the Settings chunk is gone (as after an upgrade).
    let reloads = 0;
    page.on('load', () => reloads++);
    await page.route(/\/app\/assets\/Settings-[\w-]+\.js$/, (route) =>
      reloads ? route.continue() : route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }),
    );
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor({ timeout: 20_000 });
    expect(reloads).toBe(1);
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/settings/);
  });
});
