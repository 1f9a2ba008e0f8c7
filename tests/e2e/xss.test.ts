/**
 * An XSS corpus in messages, contact names, tag names and knowledge content, rendered in the
 * widget and the dashboard in headless Chromium: nothing executes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, signInToDashboard } from '../browser';
import { call, connectVisitor } from '../clients';
import { ADMIN, startLiveServer, type LiveServer } from '../server';

const CORPUS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '<svg onload="window.__xss=(window.__xss||0)+1"></svg>',
  '"><iframe src="javascript:window.parent.__xss=1"></iframe>',
  '[click me](javascript:window.__xss=1)',
  '<a href="javascript:window.__xss=1">link</a>',
  '{{constructor.constructor("window.__xss=1")()}}',
];

describe('XSS corpus in the widget and the dashboard', () => {
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

  async function watch(page: Page) {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return dialogs;
  }

  it('renders hostile text as text everywhere', async () => {
    const admin = await server.signIn();
    const ws = `/api/workspaces/${server.workspaceId}`;
    // Knowledge content and a tag name with markup.
    expect(
      (
        await server.api('POST', `${ws}/knowledge/qa`, admin, {
          question: 'What is the xss test policy?',
          answer: CORPUS.join(' '),
        })
      ).status,
    ).toBe(201);
    const tag = await server.api<{ id: string }>('POST', `${ws}/tags`, admin, {
      name: '<b onmouseover=alert(1)>x</b>',
      kind: 'manual',
    });
    expect(tag.status).toBe(201);

    // A visitor with a hostile name sends the corpus and is handed off.
    const v = await connectVisitor(server.url, server.workspaceId);
    expect((await call(v.socket, 'contact', { name: '<img src=x onerror=window.__xss=1>' })).ok).toBe(true);
    for (const text of CORPUS) expect((await v.send(text)).ok).toBe(true);
    await v.send('What is the xss test policy?');
    await server.idle();
    await call(v.socket, 'handoff', {});
    const waiting = await v.nextState((s) => s.status === 'waiting');
    await server.api('POST', `${ws}/conversations/${waiting.conversationId}/tags`, admin, { tagId: tag.body.id });
    await server.api('POST', `${ws}/conversations/${waiting.conversationId}/messages`, admin, {
      body: CORPUS[0],
      note: true,
    });
    const token = v.session.token;
    v.close();

    // The widget, as that visitor.
    const visitor = await context.newPage();
    const visitorDialogs = await watch(visitor);
    await visitor.goto(`${server.url}/demo/`);
    await visitor.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [`chatref:${server.workspaceId}`, token],
    );
    await visitor.reload();
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('log').getByText(CORPUS[1]).first().waitFor({ timeout: 20_000 });

    // The dashboard, as the admin, on that conversation.
    const agent = await context.newPage();
    const agentDialogs = await watch(agent);
    await signInToDashboard(agent, server.url, ADMIN);
    await agent.getByRole('link', { name: 'Settings' }).waitFor(); // signed in
    await agent.goto(`${server.url}/app/conversations/${waiting.conversationId}`);
    await agent.getByText(CORPUS[2]).first().waitFor({ timeout: 20_000 });
    await agent.getByText('<b onmouseover=alert(1)>x</b>').first().hover();

    for (const page of [visitor, agent]) {
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('iframe[src^="javascript"], a[href^="javascript"]').count()).toBe(0);
    }
    expect([...visitorDialogs, ...agentDialogs]).toEqual([]);
  });
});
