/**
 * The tag feed and knowledge gaps end to end: handoffs on different topics worked by an agent
 * show up in the feed with the right counts (charts render), and a knowledge gap turned into a
 * Q&A entry from the dashboard makes the AI answer that question the next time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { WireMessage } from '../../protocol/socket';
import { launch, pageErrors, screenshot, signInToDashboard } from '../browser';
import { call, connectVisitor } from '../clients';
import { ADMIN, startLiveServer, type LiveServer } from '../server';

interface FeedRow {
  name: string;
  handoffs: number;
  humanMinutes: number;
}

describe('tag feed and knowledge gaps', () => {
  let server: LiveServer;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await startLiveServer();
    context = await launch({ width: 1440, height: 1000 });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  /** A visitor asks; the chat is handed off (by topic, or by asking); the admin answers and resolves. */
  async function workedHandoff(question: string, answer: string): Promise<string> {
    const admin = await server.signIn();
    const v = await connectVisitor(server.url, server.workspaceId);
    const sent = await v.send(question);
    if (!sent.ok) throw new Error(sent.error.message);
    await server.idle();
    const state = v.states.at(-1);
    if (state?.status !== 'waiting') await call(v.socket, 'handoff', {});
    await v.nextState((s) => s.status === 'waiting');
    const id = sent.data.conversationId;
    const base = `/api/workspaces/${server.workspaceId}/conversations/${id}`;
    expect((await server.api('POST', `${base}/pickup`, admin, {})).status).toBe(200);
    expect((await server.api('POST', `${base}/messages`, admin, { body: answer })).status).toBe(201);
    expect((await server.api('POST', `${base}/resolve`, admin, {})).status).toBe(200);
    v.close();
    return id;
  }

  it('counts the handoffs per tag, draws its charts, and turns a gap into an answer', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await workedHandoff(
      'Can you quote me a custom guitar build with a roasted maple neck?',
      'Tomas will email you a quote for the build this week.',
    );
    await workedHandoff(
      'We need 30 violins for our school orchestra, can we get a quote?',
      'Our education team will send a quote for the 30 violins today.',
    );
    await workedHandoff(
      'Can I bring my dog into the store?',
      'Yes! Well-behaved dogs on a leash are always welcome in the store.',
    );
    await server.idle();

    const admin = await server.signIn();
    const from = `${today}T00:00:00.000Z`;
    const to = new Date(Date.parse(from) + 86_400_000).toISOString();
    const feed = await server.api<{
      tags: FeedRow[];
      chats: number;
      handedOff: number;
      answeredByAi: number;
      aiNotSure: number;
      noAiReply: number;
    }>(
      'GET',
      `/api/workspaces/${server.workspaceId}/analytics/tag-feed?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      admin,
    );
    const row = (name: string) => feed.body.tags.find((t) => t.name === name);
    expect(row('Custom orders')?.handoffs).toBeGreaterThanOrEqual(1);
    expect(row('Bulk & education')?.handoffs).toBeGreaterThanOrEqual(1);
    expect(feed.body.handedOff).toBeGreaterThanOrEqual(3);
    // Each chat is counted once: answered by the AI, AI not sure, no AI reply, or handed off.
    const { chats, answeredByAi, aiNotSure, noAiReply, handedOff } = feed.body;
    expect(answeredByAi + aiNotSure + noAiReply + handedOff).toBe(chats);

    const page = await context.newPage();
    const errors = pageErrors(page);
    await signInToDashboard(page, server.url, ADMIN);
    await page.getByRole('link', { name: 'Tag feed' }).click();
    await page.goto(`${server.url}/app/tag-feed?from=${today}&to=${today}`);
    const table = page.locator('table.feed-table');
    await table.waitFor({ timeout: 20_000 });
    // The table shows what the API counts for the same period.
    for (const name of ['Custom orders', 'Bulk & education']) {
      const cells = await table.getByRole('row').filter({ hasText: name }).first().getByRole('cell').allInnerTexts();
      expect(cells.join(' ')).toContain(String(row(name)!.handoffs));
    }
    await screenshot(page, 'feed-01-today');

    // Over the last week (with the demo's past weeks of work) both charts draw their data: bars
    // of human minutes per tag, and lines of handoffs per day; the total matches the API.
    await page.goto(`${server.url}/app/tag-feed?days=7`);
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.recharts-line-curve').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const week = await server.api<{ humanMinutes: number }>(
      'GET',
      `/api/workspaces/${server.workspaceId}/analytics/tag-feed?from=${encodeURIComponent(new Date(Date.now() - 7 * 86_400_000).toISOString())}`,
      admin,
    );
    expect(week.body.humanMinutes).toBeGreaterThan(0);
    await screenshot(page, 'feed-02-last-week');

    // The dog question is a knowledge gap: add the team's answer to the knowledge base.
    await page.getByRole('link', { name: 'Knowledge gaps' }).click();
    const group = page
      .getByRole('listitem')
      .filter({ hasText: /dog into the store/i })
      .first();
    await group.waitFor({ timeout: 20_000 });
    await group.getByRole('button', { name: 'Add to knowledge' }).click();
    const editor = page.getByRole('form', { name: 'New Q&A entry' });
    await editor.waitFor();
    await screenshot(page, 'feed-03-gap-draft');
    await editor.getByRole('button', { name: 'Add to knowledge' }).click();
    await group.getByText(/In your knowledge base/).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);

    // The next visitor who asks gets the answer from the AI.
    const v = await connectVisitor(server.url, server.workspaceId);
    const asked = await v.send('Can I bring my dog to the store?');
    if (!asked.ok) throw new Error(asked.error.message);
    const reply: WireMessage = await v.next((m) => m.author.type === 'bot' && m.seq > asked.data.seq, 30_000);
    expect(reply.body).toMatch(/leash/i);
    v.close();
  });
});
