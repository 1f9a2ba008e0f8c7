/**
 * Past capacity, in headless Chromium on a shop page served from another port: the server runs
 * one bot turn at a time (CHATREF_BOT_CONCURRENCY=1), in the order they came (CHATREF_BOT_ORDER=
 * in-order: by default a chat that asks while the queue is behind goes first, and its visitor
 * would not wait; server/bot/turn-queue.test.ts tests that order) and calls a turn late after
 * 100 ms; a crowd of visitor sockets asks at once, and the browser's visitor asks while their
 * turns queue.
 * Nothing holds the bot but that real queue. The visitor sees the busy notice, then the bot's real
 * answer, once, and the notice goes away. The page as the notice showed goes to
 * test-results/screenshots/busy-notice.png (the notice may be gone by then on a fast machine).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSISTANT_BUSY_TEXT, type WireMessage } from '../../protocol/socket';
import { launch, pageErrors, screenshot } from '../browser';
import { openWriters, until, type Writer } from '../load/chatter';
import { inLanes, signIn } from '../load/remote';
import { startServerProcess, type ServerProcess } from '../process';

const ADMIN = { CHATREF_ADMIN_EMAIL: 'admin@riffandrhythm.example', CHATREF_ADMIN_PASSWORD: 'test-password-123' };
/** Visitors asking just before the browser's visitor: turns queued ahead of theirs. */
const CROWD = 120;
const ASKS = 3;
const QUESTION = 'How long does shipping take?';
/** What the page records of the busy notice the first moment it is on screen. */
type Watched = { busyNotice?: { header: string } };

describe('the busy notice, when the bot is past capacity', () => {
  let server: ServerProcess;
  let shop: Server;
  let shopUrl = '';
  let context: BrowserContext;
  let crowd: Writer[] = [];

  beforeAll(async () => {
    server = await startServerProcess({
      ...ADMIN,
      CHATREF_TRUST_PROXY: '1', // each crowd visitor comes from its own address (X-Forwarded-For)
      CHATREF_BOT_CONCURRENCY: '1',
      CHATREF_BOT_ORDER: 'in-order',
      CHATREF_BOT_BUSY_MS: '100',
      LOG_LEVEL: 'info', // to see when the demo's knowledge is in
    });
    // The answer asserted below comes from the demo's pages, written after the server is up.
    const live = server;
    await until(() => live.output().includes('knowledge ready'), 120_000, "the demo's knowledge");
    const { workspaceId } = await signIn(server.url, ADMIN.CHATREF_ADMIN_EMAIL, ADMIN.CHATREF_ADMIN_PASSWORD);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Riff &amp; Rhythm</title></head>
      <body><h1>Riff &amp; Rhythm</h1><p>Guitars, lessons and repairs.</p>
      <script src="${server.url}/widget/loader.js" data-workspace="${workspaceId}" async></script></body></html>`;
    shop = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    crowd = await openWriters(server.url, workspaceId, CROWD);
    context = await launch({ width: 1000, height: 760 });
  });
  afterAll(async () => {
    for (const w of crowd) w.visitor.close();
    await context?.close();
    await new Promise((r) => shop?.close(r));
    await server?.stop();
  });

  it('tells the visitor the assistant is busy, then answers once', async () => {
    expect(new URL(server.url).port).not.toBe(new URL(shopUrl).port);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${shopUrl}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.waitFor({ timeout: 30_000 });
    await box.fill(QUESTION);
    // The notice is watched from inside the page: on a fast machine it can be on screen for less
    // than a polling interval. The header is read with it, in the same mutation.
    await page.getByRole('log').evaluate((log, busy) => {
      const root = log.getRootNode() as ParentNode & Node;
      (window as unknown as Watched).busyNotice = undefined;
      new MutationObserver((_, observer) => {
        const status = [...root.querySelectorAll('[role="status"]')].find((el) => el.textContent?.includes(busy));
        if (!status) return;
        (window as unknown as Watched).busyNotice = {
          header: root.querySelector('header')?.textContent ?? '',
        };
        observer.disconnect();
      }).observe(root, { childList: true, subtree: true, characterData: true });
    }, ASSISTANT_BUSY_TEXT);

    // The crowd asks, each visitor several times. The visitor asks once half the crowd's messages
    // are stored: the turns of every crowd conversation then go first (one each, in turn), and
    // there are far more than one turn can take before it counts as late, whatever the machine.
    let acked = 0;
    const sent = Promise.all(
      crowd.flatMap((w) =>
        Array.from({ length: ASKS }, (_, n) =>
          w.visitor.send(`crowd-${w.index}-${n}`, QUESTION, 60_000).then((ack) => (acked++, ack)),
        ),
      ),
    );
    await until(() => acked >= (CROWD * ASKS) / 2, 60_000, "half the crowd's messages to be stored");
    await page.getByRole('button', { name: 'Send' }).click();
    expect((await sent).filter((a) => !a.ok)).toEqual([]);

    const log = page.getByRole('log');
    const notice = page.getByRole('status').filter({ hasText: ASSISTANT_BUSY_TEXT });
    const shown = await page.waitForFunction(() => (window as unknown as Watched).busyNotice, undefined, {
      timeout: 60_000,
    });
    // Nothing beside it said the opposite (the header's "answers instantly").
    const { header } = (await shown.jsonValue()) as NonNullable<Watched['busyNotice']>;
    expect(header).toMatch(/busy, a reply is coming/);
    expect(header).not.toMatch(/answers instantly/);
    await log.getByText(QUESTION, { exact: true }).waitFor();
    await screenshot(page, 'busy-notice');

    // The real answer comes (from the shop's content, with its source), and the notice goes.
    // The bot's bubbles after the visitor's question (the greeting above it is drawn as one too).
    const answers = log.locator('.msg.mine ~ .msg.bot');
    await answers.first().waitFor({ timeout: 120_000 });
    await notice.waitFor({ state: 'detached' });
    expect((await answers.first().innerText()).toLowerCase()).toMatch(/business days/);
    await screenshot(page, 'busy-notice-answered');

    // Every turn of the crowd has run too (each question answered), so no late reply is still to come.
    const answered = async (w: Writer) => {
      const thread: WireMessage[] = await w.visitor.sync(0);
      return thread.filter((m) => m.author.type === 'bot').length >= ASKS;
    };
    await expect
      .poll(async () => (await inLanes(crowd, 20, answered)).filter(Boolean).length, {
        timeout: 180_000,
        interval: 1000,
      })
      .toBe(CROWD);
    // One question, one answer; the notice was a passing word, not a message of the thread.
    expect(await log.getByText(QUESTION, { exact: true }).count()).toBe(1);
    expect(await answers.count()).toBe(1);
    expect(await log.getByText(ASSISTANT_BUSY_TEXT).count()).toBe(0);
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
