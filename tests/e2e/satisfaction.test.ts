/**
 * "How did we do?" and the transcript end to end, in two headless Chromium contexts: a chat is
 * handed off, worked and resolved in the dashboard; the visitor rates it Bad with a comment in the
 * widget; the rating shows in the conversation and in the tag feed for the chat's tags; the visitor
 * asks for the transcript and the email (loopback SMTP) carries the whole thread with its links;
 * a visitor ends a chat only the AI had and rates it, counted apart from the team.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, pageErrors, screenshot } from '../browser';
import { call, connectVisitor } from '../clients';
import { ADMIN, startLiveServer, type LiveServer } from '../server';

interface Mail {
  to: string[];
  data: string;
}

describe('satisfaction and transcript', () => {
  let server: LiveServer;
  let smtp: SMTPServer;
  let visitorCtx: BrowserContext;
  let agentCtx: BrowserContext;
  const mails: Mail[] = [];
  const waiters: (() => void)[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (d: Buffer) => (data += d.toString()));
        stream.on('end', () => {
          // Undo quoted-printable soft line breaks so assertions read the text as sent.
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data: data.replace(/=\r?\n/g, '') });
          waiters.splice(0).forEach((w) => w());
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    server = await startLiveServer({
      CHATREF_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    });
    visitorCtx = await launch({ width: 1100, height: 860 });
    agentCtx = await launch({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await visitorCtx?.close();
    await agentCtx?.close();
    await server?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  /** The first mail to `to` whose text matches, already received or the next to arrive. */
  async function mailTo(to: string, match: RegExp): Promise<Mail> {
    for (;;) {
      const found = mails.find((m) => m.to.includes(to) && match.test(m.data));
      if (found) return found;
      await new Promise<void>((r) => waiters.push(r));
    }
  }

  async function signIn(page: Page) {
    await page.goto(`${server.url}/app/`);
    await page.getByRole('textbox', { name: 'Email' }).fill('dana@riffandrhythm.example');
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').first().waitFor();
  }

  it('takes a Bad rating with a comment, shows it to the team, and emails the transcript', async () => {
    const agent = await agentCtx.newPage();
    const agentErrors = pageErrors(agent);
    await signIn(agent);

    const visitor = await visitorCtx.newPage();
    const visitorErrors = pageErrors(visitor);
    await visitor.goto(`${server.url}/demo/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const message = visitor.getByRole('textbox', { name: 'Message' });
    const send = async (text: string) => {
      await message.fill(text);
      await visitor.getByRole('button', { name: 'Send' }).click();
    };
    // An answer with its sources first, so the transcript has citations' links to carry.
    await send('Do you sell gift cards?');
    await visitor.getByRole('log').getByText('Sources').first().waitFor({ timeout: 20_000 });
    await send("I'm Robin Park (robin@example.com). Can you quote me a custom guitar build? Budget about $2,500.");
    await visitor
      .getByText(/in line|waiting|leave your email/i)
      .first()
      .waitFor({ timeout: 20_000 });

    await agent.getByText('Waiting for a person', { exact: false }).first().click();
    await agent
      .getByRole('link', { name: /Robin Park/ })
      .first()
      .click();
    await agent.getByRole('button', { name: 'Pick up' }).click();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Hi Robin, Dana here. Tomas will send your quote today.');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await visitor.getByText('Tomas will send your quote today.').waitFor({ timeout: 20_000 });
    await agent.getByRole('button', { name: 'Resolve' }).click();
    const conversationId = /\/([0-9a-f-]{36})/.exec(agent.url())?.[1];
    expect(conversationId).toBeTruthy();

    // The widget asks once the chat is resolved.
    const question = visitor.getByRole('group', { name: 'How did we do?' });
    await question.waitFor({ timeout: 20_000 });
    for (const name of ['Good', 'Okay', 'Bad'])
      expect(await question.getByRole('button', { name, exact: true }).count()).toBe(1);
    await screenshot(visitor, 'csat-01-asked');
    await question.getByRole('button', { name: 'Bad', exact: true }).click();
    await visitor
      .getByRole('textbox', { name: /Anything you’d like to add/ })
      .fill('Waited too long for <b>a quote</b>');
    await screenshot(visitor, 'csat-02-comment');
    await visitor.getByRole('button', { name: 'Send feedback' }).click();
    await visitor.getByText('Thanks for your feedback!').waitFor();

    // The team sees it in the conversation, live.
    await agent.getByText('Visitor rated this chat').waitFor({ timeout: 20_000 });
    await agent.getByText('Waited too long for <b>a quote</b>').waitFor({ timeout: 20_000 });
    await screenshot(agent, 'csat-03-thread');

    // ...and in the tag feed, on the row of each of the chat's tags.
    await server.idle();
    const admin = await server.signIn();
    const detail = await server.api<{ tags: { name: string }[] }>(
      'GET',
      `/api/workspaces/${server.workspaceId}/conversations/${conversationId}`,
      admin,
    );
    const tagNames = detail.body.tags.map((t) => t.name);
    expect(tagNames.length).toBeGreaterThan(0);
    await agent.goto(`${server.url}/app/tag-feed`);
    const panel = agent.getByRole('region', { name: 'How did we do?' });
    await panel.waitFor({ timeout: 20_000 });
    for (const name of tagNames) {
      const row = panel.getByRole('row').filter({ has: agent.getByRole('rowheader', { name }) });
      expect(await row.innerText()).toMatch(/1 bad/);
    }
    expect(await panel.innerText()).toContain('Waited too long for <b>a quote</b>');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(agent, 'csat-04-tag-feed');

    // Both are the workspace's to turn off, in Settings › After a chat.
    await agent.goto(`${server.url}/app/settings/after-chat`);
    for (const name of [/Ask “How did we do\?”/, /only the AI answered/, /email themselves the conversation/])
      expect(await agent.getByRole('checkbox', { name }).isChecked()).toBe(true);
    await screenshot(agent, 'csat-05-settings');

    // The transcript, to the email Robin gave in the chat.
    await visitor.getByRole('button', { name: 'Email me this conversation' }).click();
    const email = visitor.getByRole('textbox', { name: 'Email for the transcript' });
    expect(await email.inputValue()).toBe('robin@example.com');
    await visitor.getByRole('button', { name: 'Send transcript' }).click();
    await visitor.getByText('We’ve sent the conversation to robin@example.com.').waitFor({ timeout: 20_000 });
    await screenshot(visitor, 'csat-06-transcript-sent');
    const mail = await mailTo('robin@example.com', /Your conversation with/);
    for (const text of [
      'Do you sell gift cards?',
      'quote me a custom guitar build',
      'Tomas will send your quote today.',
      'Sources:',
      `${server.url}/`,
      'Content-Type: text/html',
    ])
      expect(mail.data).toContain(text);
    expect(mail.data).not.toContain('Visitor rated this chat');

    expect(agentErrors).toEqual([]);
    expect(visitorErrors).toEqual([]);
    lastConversation = conversationId!;
  });

  let lastConversation = '';

  it('lets a visitor end a chat only the AI had, and rate it apart from the team', async () => {
    const visitor = await (await launch({ width: 420, height: 760 })).newPage();
    const errors = pageErrors(visitor);
    await visitor.goto(`${server.url}/demo/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('How long does standard shipping take?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('log').getByText('Sources').first().waitFor({ timeout: 20_000 });
    await visitor.getByRole('button', { name: 'End chat' }).click();
    const question = visitor.getByRole('group', { name: 'How did we do?' });
    await question.waitFor({ timeout: 20_000 });
    await screenshot(visitor, 'csat-07-ai-chat-ended-phone');
    await question.getByRole('button', { name: 'Good', exact: true }).click();
    // The comment step comes once the rating is stored; until then "Skip" is the rating's own
    // (it would skip rating altogether).
    const comment = visitor.getByRole('textbox', { name: /Anything you’d like to add/ });
    await comment.waitFor({ timeout: 20_000 });
    await visitor.getByRole('button', { name: 'Skip' }).click();
    await visitor.getByText('Thanks for your feedback!').waitFor();
    await server.idle();
    const admin = await server.signIn();
    const report = await server.api<{ ai: { good: number }; human: { bad: number } }>(
      'GET',
      `/api/workspaces/${server.workspaceId}/analytics/satisfaction`,
      admin,
    );
    expect(report.body.ai.good).toBe(1);
    expect(report.body.human.bad).toBe(1);
    expect(errors).toEqual([]);
    await visitor.context().close();
  });

  it('answers bad input, a second rating and another visitor with a clear socket error', async () => {
    expect(lastConversation).not.toBe('');
    const stranger = await connectVisitor(server.url, server.workspaceId);
    try {
      const errorOf = async (event: string, payload: unknown) => {
        const ack = await call(stranger.socket, event, payload);
        return ack.ok ? 'accepted' : ack.error.code;
      };
      expect(await errorOf('rate', { conversationId: lastConversation, rating: 'great' })).toBe('invalid_input');
      expect(await errorOf('rate', { conversationId: 'nope', rating: 'good' })).toBe('invalid_input');
      expect(await errorOf('rate', { conversationId: lastConversation, rating: 'good' })).toBe('not_found');
      expect(await errorOf('rate-comment', { conversationId: lastConversation, comment: 'hi' })).toBe('not_found');
      expect(await errorOf('transcript', { conversationId: lastConversation, email: 'x@example.com' })).toBe(
        'not_found',
      );
      expect(await errorOf('followup', { conversationId: lastConversation })).toBe('not_found');
      expect(await errorOf('end', { conversationId: lastConversation })).toBe('not_found');
    } finally {
      stranger.close();
    }
  });
});
