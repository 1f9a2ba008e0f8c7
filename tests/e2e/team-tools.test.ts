/**
 * The team's daily tools, shared, in Chromium: a canned reply the admin saves in Settings is
 * inserted with "/" by a colleague in another browser, who saves a draft as one from the menu (a
 * refused save, cancelled, leaves no error behind); details the visitor gives after the handoff
 * reach the contact card; the contact is edited from the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, pageErrors, screenshot } from '../browser';
import { call, connectVisitor } from '../clients';
import { ADMIN, startLiveServer, type LiveServer } from '../server';

describe('canned replies and the contact, shared by the team', () => {
  let server: LiveServer;
  let adminCtx: BrowserContext;
  let agentCtx: BrowserContext;
  beforeAll(async () => {
    server = await startLiveServer();
    adminCtx = await launch({ width: 1360, height: 860 });
    agentCtx = await launch({ width: 1360, height: 860 });
  });
  afterAll(async () => {
    await adminCtx?.close();
    await agentCtx?.close();
    await server?.close();
  });

  async function signIn(ctx: BrowserContext, email: string): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/app/`);
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').first().waitFor();
    return page;
  }

  it('a reply saved by one member is inserted with / by another; the contact fills in and is edited', async () => {
    // The admin saves a canned reply in Settings.
    const admin = await signIn(adminCtx, ADMIN.email);
    const adminErrors = pageErrors(admin);
    await admin.goto(`${server.url}/app/settings/canned-replies`);
    const form = admin.getByRole('form', { name: 'New canned reply' });
    await form.getByRole('textbox', { name: 'Shortcut' }).fill('wholesale');
    await form
      .getByRole('textbox', { name: 'Reply' })
      .fill('Wholesale starts at 10 lb a week; I will send you our price list today.');
    await form.getByRole('button', { name: 'Add canned reply' }).click();
    await admin.getByRole('heading', { name: '/wholesale' }).waitFor();
    await screenshot(admin, 'team-01-canned-settings');

    // A visitor is handed off, then introduces themselves.
    const v = await connectVisitor(server.url, server.workspaceId);
    const sent = await v.send('Do you sell wholesale coffee to cafés? We need about 20 lb a week.');
    if (!sent.ok) throw new Error(sent.error.message);
    await server.idle();
    if (v.states.at(-1)?.status !== 'waiting') await call(v.socket, 'handoff', {});
    await v.nextState((s) => s.status === 'waiting');
    const more = await v.send("I'm Maria Lopez, maria@bluecafe.example, 864-555-0199");
    if (!more.ok) throw new Error(more.error.message);
    await server.idle();

    // A colleague, in another browser, opens the chat: the details are on the card and the contact.
    const agent = await signIn(agentCtx, 'dana@riffandrhythm.example');
    const agentErrors = pageErrors(agent);
    await agent.goto(`${server.url}/app/inbox/all/${sent.data.conversationId}`);
    const side = agent.getByRole('complementary', { name: 'Details' });
    await side.getByText('864-555-0199').first().waitFor({ timeout: 20_000 });
    const details = await side.innerText();
    expect(details).toContain('Maria Lopez');
    expect(details).toContain('maria@bluecafe.example');
    expect(details).toContain('20 lb a week');

    // "/whole" offers the admin's reply; Enter inserts it.
    await agent.getByRole('button', { name: 'Pick up' }).click();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Hi Maria! /whole');
    await agent.getByRole('option', { name: /\/wholesale/ }).waitFor();
    await screenshot(agent, 'team-02-slash-canned');
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe(
      'Hi Maria! Wholesale starts at 10 lb a week; I will send you our price list today.',
    );

    // A reply the admin adds now reaches the colleague's open reply box without a reload.
    await form.getByRole('textbox', { name: 'Shortcut' }).fill('roast-dates');
    await form.getByRole('textbox', { name: 'Reply' }).fill('We roast on Mondays and Thursdays and ship the same day.');
    await form.getByRole('button', { name: 'Add canned reply' }).click();
    await admin.getByRole('heading', { name: '/roast-dates' }).waitFor();
    await reply.fill('/roast');
    await agent.getByRole('option', { name: /\/roast-dates/ }).waitFor({ timeout: 10_000 });
    await reply.press('Escape');
    await reply.fill('');

    // The draft saved from the menu as a canned reply stays in the reply box: it is not sent.
    const menuButton = agent.getByRole('button', { name: 'Canned replies', exact: true });
    const menu = agent.getByRole('group', { name: 'Canned replies' });
    await reply.fill('Thanks for waiting, Maria!');
    await menuButton.click();
    await menu.getByRole('textbox', { name: 'Shortcut' }).fill('thanks-wait');
    await menu.getByRole('button', { name: 'Save' }).click();
    await menu.getByRole('button', { name: /\/thanks-wait/ }).waitFor();
    expect(await reply.inputValue()).toBe('Thanks for waiting, Maria!');
    await server.idle();
    expect(await agent.getByRole('log', { name: 'Messages' }).innerText()).not.toContain('Thanks for waiting');
    await menuButton.click();

    // A save refused (the shortcut is taken): Cancel closes the form and its error, and so does
    // Escape, the keyboard going on at the menu's button; the draft stays.
    const refused = async () => {
      await menuButton.click();
      await menu.getByRole('textbox', { name: 'Shortcut' }).fill('wholesale');
      await menu.getByRole('textbox', { name: 'Shortcut' }).press('Enter');
      await menu
        .getByRole('alert')
        .getByText(/already exists/)
        .waitFor();
    };
    const reopenedClean = async () => {
      await menu.waitFor({ state: 'detached' });
      await menuButton.click();
      expect(await menu.getByRole('alert').count()).toBe(0);
      expect(await menu.getByRole('textbox', { name: 'Shortcut' }).inputValue()).toBe('');
      await menuButton.click();
    };
    await refused();
    await screenshot(agent, 'team-03-canned-refused');
    await menu.getByRole('button', { name: 'Cancel' }).click();
    await reopenedClean();
    await refused();
    await agent.keyboard.press('Escape');
    expect(await menuButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await reopenedClean();
    expect(await reply.inputValue()).toBe('Thanks for waiting, Maria!');
    await reply.fill('');

    // An edit refused in Settings and cancelled leaves no error behind under the new-reply form.
    await admin.getByRole('button', { name: 'Edit /roast-dates' }).click();
    const editing = admin.getByRole('form', { name: 'Edit /roast-dates' });
    await editing.getByRole('textbox', { name: 'Shortcut' }).fill('wholesale');
    await editing.getByRole('button', { name: 'Save' }).click();
    await admin
      .getByRole('alert')
      .getByText(/already exists/)
      .waitFor();
    await editing.getByRole('button', { name: 'Cancel' }).click();
    await admin.getByRole('alert').waitFor({ state: 'detached' });

    // The contact is edited from its card.
    await side.getByRole('button', { name: 'Edit contact' }).click();
    const edit = side.getByRole('form', { name: 'Edit contact' });
    expect(await edit.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Maria Lopez');
    await edit.getByRole('textbox', { name: 'Notes' }).fill('Blue Café, two shops; decaf too.');
    await screenshot(agent, 'team-04-contact-edit');
    await edit.getByRole('button', { name: 'Save contact' }).click();
    await side.getByText('Blue Café, two shops; decaf too.').waitFor();
    await screenshot(agent, 'team-05-contact-saved');

    v.close();
    expect(adminErrors).toEqual([]);
    expect(agentErrors).toEqual([]);
  });
});
