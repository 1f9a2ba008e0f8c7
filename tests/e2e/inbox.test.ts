/**
 * The shared inbox end to end, in two headless Chromium contexts — a visitor on the demo shop and
 * an agent in the dashboard: the handoff arrives live with reason and card, the agent picks it up
 * and replies, the visitor sees the agent's name, an internal note never reaches the visitor, the
 * agent resolves, and the AI answers the visitor's next question again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, pageErrors, screenshot } from '../browser';
import { ADMIN, startLiveServer, type LiveServer } from '../server';

describe('shared inbox with a visitor and an agent', () => {
  let server: LiveServer;
  let visitorCtx: BrowserContext;
  let agentCtx: BrowserContext;
  let phoneCtx: BrowserContext;
  beforeAll(async () => {
    server = await startLiveServer();
    visitorCtx = await launch({ width: 1100, height: 800 });
    agentCtx = await launch({ width: 1440, height: 900 });
    phoneCtx = await launch({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await visitorCtx?.close();
    await agentCtx?.close();
    await phoneCtx?.close();
    await server?.close();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${server.url}/app/`);
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('hands a chat to the agent live and back to the AI after resolve', async () => {
    const agent = await agentCtx.newPage();
    const agentErrors = pageErrors(agent);
    await signIn(agent, 'dana@riffandrhythm.example', ADMIN.password);
    await agent.getByRole('navigation').first().waitFor();
    await screenshot(agent, 'inbox-01-signed-in');

    const visitor = await visitorCtx.newPage();
    // The demo page keeps the server's own CSP (no inline handlers) and finds its favicon.
    const consoleErrors: string[] = [];
    visitor.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|favicon|404/i.test(m.text())) consoleErrors.push(m.text());
    });
    await visitor.goto(`${server.url}/demo/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const message = visitor.getByRole('textbox', { name: 'Message' });
    await message.fill(
      "Hi, I'm Robin Park (robin@example.com). Can you quote me a custom guitar build? Budget about $2,500.",
    );
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor
      .getByText(/in line|waiting|leave your email/i)
      .first()
      .waitFor({ timeout: 20_000 });

    // The chat appears in the agent's inbox without a reload, with the reason and the card.
    await agent.getByText('Waiting for a person', { exact: false }).first().click();
    const item = agent.getByRole('link', { name: /Robin Park/ }).first();
    await item.waitFor({ timeout: 20_000 });
    await item.click();
    await agent
      .getByText(/Handed off because/)
      .first()
      .waitFor();
    const details = await agent.getByRole('complementary', { name: 'Details' }).innerText();
    expect(details).toMatch(/robin@example\.com/);
    expect(details).toMatch(/2,?500/);
    await screenshot(agent, 'inbox-02-handoff-card');

    await agent.getByRole('button', { name: 'Pick up' }).click();
    // The button is gone once the chat is hers: the keyboard goes on in the reply box.
    await agent.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Reply');
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Hi Robin, Dana here. Happy to help with a custom build!');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();

    await visitor.getByText('Hi Robin, Dana here. Happy to help with a custom build!').waitFor({ timeout: 20_000 });
    expect(await visitor.getByRole('log').innerText()).toContain('Dana Okafor');
    await screenshot(visitor, 'inbox-03-visitor-sees-agent');

    // An internal note: visible to the team, never to the visitor.
    await agent.getByRole('checkbox', { name: 'Internal note' }).click();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('NOTE: Tomas is back Monday');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await agent.getByText('NOTE: Tomas is back Monday').waitFor();
    // Sending a note unticks the box once the send is acknowledged (the note itself may arrive
    // first, through the live feed): the next message goes to the visitor.
    await agent.getByRole('checkbox', { name: 'Internal note', checked: false }).waitFor({ timeout: 5_000 });

    await agent.getByRole('button', { name: 'Resolve' }).click();
    await visitor
      .getByText(/resolved/i)
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(agent, 'inbox-04-resolved');

    // The visitor's next question is answered by the AI again.
    await message.fill('Do you sell gift cards?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor
      .getByRole('log')
      .getByText(/gift cards? (come|from)/i)
      .first()
      .waitFor({ timeout: 20_000 });
    await server.idle();
    expect(await visitor.getByRole('log').innerText()).not.toContain('NOTE: Tomas');
    await screenshot(visitor, 'inbox-05-ai-again');
    expect(agentErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('shows the newest message and the details of a chat on a phone', async () => {
    const phone = await phoneCtx.newPage();
    const errors = pageErrors(phone);
    await signIn(phone, 'dana@riffandrhythm.example', ADMIN.password);
    await phone.getByRole('button', { name: 'Sign out' }).waitFor();
    // Robin's chat from the test above, back with the AI: the suggestion panel loads below the thread.
    // Every view is behind the Menu button, which closes once a view is chosen.
    const nav = phone.getByRole('navigation', { name: 'Inbox views' });
    const settings = nav.getByRole('link', { name: 'Settings' });
    expect(await settings.isVisible()).toBe(false);
    await nav.getByRole('button', { name: 'Menu' }).click();
    expect(await settings.isVisible()).toBe(true);
    await nav.getByRole('link', { name: 'Everything' }).click();
    await settings.waitFor({ state: 'hidden' });
    await phone
      .getByRole('link', { name: /Robin Park/ })
      .first()
      .click();
    await phone.getByRole('region', { name: 'Suggested reply' }).waitFor({ timeout: 20_000 });
    const log = phone.getByRole('log', { name: 'Messages' });
    // The thread is longer than its box here, so "in view" means it was scrolled to its end.
    expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expect
      .poll(() => log.evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight)), {
        timeout: 2_000,
      })
      .toBeLessThanOrEqual(1);
    // …and its last message sits inside the box, not below it.
    const [last, box] = await log.evaluate((el) =>
      [el.lastElementChild!, el].map((e) => Math.round(e.getBoundingClientRect().bottom)),
    );
    expect(last).toBeLessThanOrEqual(box);
    await screenshot(phone, 'inbox-06-phone-newest-in-view');

    // An agent who scrolled up to read is left there when the box shrinks (the suggestion unfolds).
    await log.evaluate((el) => el.scrollTo({ top: 0 }));
    await phone.getByRole('button', { name: 'Show', expanded: false }).click();
    // Robin's questions since the agent's reply were answered by the AI: nothing is open.
    await phone.getByText('No open question from the visitor.').waitFor();
    expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
    await phone.getByRole('button', { name: 'Hide', expanded: true }).click();

    // The details panel is one button away on a phone, and the thread comes back after it.
    const details = phone.getByRole('complementary', { name: 'Details' });
    expect(await details.isVisible()).toBe(false);
    await phone.getByRole('button', { name: 'Details' }).click();
    await details.waitFor();
    expect(await details.innerText()).toMatch(/robin@example\.com/);
    expect(await log.isVisible()).toBe(false);
    await screenshot(phone, 'inbox-07-phone-details');
    await phone.getByRole('button', { name: 'Details', expanded: true }).click();
    await log.waitFor();
    expect(await details.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('says whose going offline returned a chat to the queue', async () => {
    const ctx = await launch({ width: 1280, height: 800 });
    try {
      const page = await ctx.newPage();
      const errors = pageErrors(page);
      /** Signs in and opens Robin's chat from the "Everything" view. */
      const openRobinAs = async (email: string) => {
        await signIn(page, email, ADMIN.password);
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        await page.goto(`${server.url}/app/inbox/all`);
        await page
          .getByRole('link', { name: /Robin Park/ })
          .first()
          .click();
      };
      // Marcus takes Robin's chat (with the AI since the first test), then signs out: offline.
      await openRobinAs('marcus@riffandrhythm.example');
      await page.getByRole('button', { name: 'Take over' }).click();
      await page.getByRole('button', { name: 'Return to queue' }).waitFor();
      // The server closes a signed-out session's socket and the dashboard then reloads
      // (realtime.tsx): wait for it, or it aborts the next sign-in's navigation.
      const reloaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await reloaded;
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await server.idle();

      // Another member reads why the chat is waiting again.
      await openRobinAs(ADMIN.email);
      await page
        .getByRole('log', { name: 'Messages' })
        .getByText('Returned to the queue: Marcus Bell went offline')
        .waitFor({ timeout: 10_000 });
      await screenshot(page, 'inbox-08-returned-agent-offline');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
