/**
 * The agent's copilot end to end in headless Chromium, on the demo shop: a handoff shows the
 * agent a suggested reply with its source; the agent inserts it, adds a line and sends it; the
 * next visitor asking the same thing in other words, in a new chat, gets a suggestion built from
 * that reply (without the first customer's name); the agent hands that chat back to the AI, the
 * visitor sees the assistant is back, and the bot answers their next question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, pageErrors, screenshot, signInToDashboard } from '../browser';
import { ADMIN, startLiveServer, type LiveServer } from '../server';

describe('copilot: suggested reply, learned from the team, hand back to the AI', () => {
  let server: LiveServer;
  let agentCtx: BrowserContext;
  const visitors: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startLiveServer();
    agentCtx = await launch({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    for (const v of visitors) await v.close();
    await agentCtx?.close();
    await server?.close();
  });

  /** A new visitor (own browser profile, so a new chat) asks, then asks for a person. */
  async function visitorAsks(question: string): Promise<Page> {
    const ctx = await launch({ width: 1100, height: 800 });
    visitors.push(ctx);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/demo/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    // The bot answers (or already hands over) before the visitor asks for a person.
    await page
      .getByRole('log')
      .getByText(/while you wait|not sure|in line|waiting|team/i)
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(async (err: unknown) => {
        await screenshot(page, 'copilot-00-visitor-no-answer');
        throw err;
      });
    await box.fill('Can I talk to a person please?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page
      .getByText(/in line|waiting|leave your email/i)
      .first()
      .waitFor({ timeout: 20_000 });
    return page;
  }

  async function openWaiting(agent: Page, name: RegExp) {
    await agent.getByText('Waiting for a person', { exact: false }).first().click();
    const item = agent.getByRole('link', { name }).first();
    await item.waitFor({ timeout: 20_000 });
    await item.click();
    await agent
      .getByText(/Handed off because/)
      .first()
      .waitFor();
  }

  it('suggests, learns from what the agent sent, and hands back to the AI', async () => {
    const agent = await agentCtx.newPage();
    const agentErrors = pageErrors(agent);
    await agent.goto(`${server.url}/app/`);
    await agent.getByRole('textbox', { name: 'Email' }).fill('dana@riffandrhythm.example');
    await agent.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('navigation').first().waitFor();

    await visitorAsks("Hi, I'm Robin Park. Can I leave my guitar case here while I shop next door?");
    await openWaiting(agent, /Robin Park/);
    const panel = agent.getByRole('region', { name: 'Suggested reply' });
    await panel.getByRole('button', { name: 'Use suggestion' }).waitFor({ timeout: 20_000 });
    const first = await panel.innerText();
    expect(first).toMatch(/Sources:|Team reply to/);
    await screenshot(agent, 'copilot-01-suggestion');

    await panel.getByRole('button', { name: 'Use suggestion' }).click();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    // The click fills the box on the page's next render: read it once it has.
    await expect.poll(() => reply.inputValue()).not.toBe('');
    const inserted = await reply.inputValue();
    expect(inserted.length).toBeGreaterThan(20);
    expect(first).toContain(inserted);
    // Never sent by itself: the visitor has not seen it.
    const sent = `${inserted} Bring it to the repair desk on the left as you come in.`;
    await reply.fill(sent);
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await agent.getByRole('log', { name: 'Messages' }).getByText('Bring it to the repair desk').waitFor();
    await server.idle();

    const second = await visitorAsks("I'm Sam Lee. Could I leave my guitar case with you while I shop nearby?");
    await openWaiting(agent, /Sam Lee/);
    await panel.getByText('Bring it to the repair desk on the left as you come in.').waitFor({ timeout: 20_000 });
    const learned = await panel.innerText();
    expect(learned).toMatch(/Team reply to: “Can I leave my guitar case here while I shop next door\?”/);
    expect(learned).not.toMatch(/\bRobin\b|\bPark\b/);
    await screenshot(agent, 'copilot-02-learned-suggestion');

    await agent.getByRole('button', { name: 'Hand back to AI' }).click();
    await second.getByText(/assistant is back/i).waitFor({ timeout: 20_000 });
    await agent
      .getByText(/Handed back to the AI/)
      .first()
      .waitFor();
    const box = second.getByRole('textbox', { name: 'Message' });
    await box.fill('Do you sell gift cards?');
    await second.getByRole('button', { name: 'Send' }).click();
    await second
      .getByRole('log')
      .getByText(/gift cards? (come|from)/i)
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(second, 'copilot-03-ai-again');
    await screenshot(agent, 'copilot-04-agent-after-hand-back');
    expect(agentErrors).toEqual([]);

    // The owner sees what the team taught, without the customer, and removes it.
    const ownerCtx = await launch({ width: 1440, height: 900 });
    visitors.push(ownerCtx);
    const owner = await ownerCtx.newPage();
    await signInToDashboard(owner, server.url, ADMIN);
    await owner.goto(`${server.url}/app/settings/knowledge`);
    const taught = owner.getByRole('region', { name: 'Learned from the team' });
    const entry = taught
      .getByRole('listitem')
      .filter({ hasText: 'Can I leave my guitar case here while I shop next door?' });
    await entry.getByText('Bring it to the repair desk').waitFor({ timeout: 20_000 });
    expect(await taught.innerText()).not.toMatch(/\bRobin\b|\bPark\b/);
    await entry.scrollIntoViewIfNeeded();
    await screenshot(owner, 'copilot-05-learned-from-the-team');
    await entry.getByRole('button', { name: /Remove the learned answer/ }).click();
    await entry.waitFor({ state: 'detached', timeout: 20_000 });
  });
});
