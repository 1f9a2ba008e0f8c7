/**
 * Looks at the widget in Chromium against the fake server (fake-server.ts): opens it, chats,
 * asks for a person, waits in line, leaves an email, meets an agent, loses an ack and a
 * connection, reloads, and takes screenshots at desktop and phone sizes into dev/screenshots/.
 *
 *   npx vite build -c widget/vite.config.ts && npx tsx widget/dev/harness.ts          # drive + screenshots
 *   npx tsx widget/dev/harness.ts --serve [port]                                     # just serve, for a person
 *
 * A development tool, not a test: it stops at the first thing that is not as expected.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { launch } from '../../tests/browser';
import { startFakeServer, WORKSPACES } from './fake-server';

const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const [RIGHT_WS, LEFT_WS] = Object.keys(WORKSPACES);

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(`not as expected: ${what}`);
  console.log(`  ok  ${what}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250); // let the panel's entrance animation finish
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

const countText = (log: Locator, text: string) => log.getByText(text, { exact: true }).count();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--serve') {
    const fake = await startFakeServer(Number(args[1] ?? 5178));
    console.log(`fake Chatref at ${fake.url}/  (left-hand variant: ${fake.url}/?ws=${LEFT_WS})`);
    return;
  }

  const fake = await startFakeServer();
  await mkdir(shots, { recursive: true });
  const context = await launch({ width: 1280, height: 800 });

  const errors: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    console.log('desktop');
    await page.goto(`${fake.url}/?ws=${RIGHT_WS}`);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    check((await launcher.getAttribute('aria-expanded')) === 'false', 'launcher is collapsed');
    const bg = await launcher.evaluate((el) => getComputedStyle(el).backgroundColor);
    check(bg === 'rgb(180, 70, 43)', `the shop's CSS does not reach the launcher (${bg})`);
    await shot(page, 'd01-closed');

    await launcher.click();
    const log = page.getByRole('log');
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.waitFor();
    check(
      (await page.getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')) === 'true',
      'button is now "Close chat", expanded',
    );
    check(
      await message.evaluate(
        (el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el,
      ),
      'focus is in the text box',
    );
    check(await log.getByText('Riff & Rhythm assistant.', { exact: false }).count(), 'greeting shown');
    await shot(page, 'd02-open');

    await message.fill('How long does delivery take?');
    await message.press('Enter');
    await log.getByRole('link', { name: /Shipping & delivery/ }).waitFor();
    check(
      (await log.getByRole('link', { name: /Shipping & delivery/ }).getAttribute('target')) === '_blank',
      'citation opens in a new tab',
    );
    check(await log.getByText('Order tracking FAQ').count(), 'citation without a url shown as text');
    check((await countText(log, 'How long does delivery take?')) === 1, 'own message once');
    await message.fill('Line one');
    await message.press('Shift+Enter');
    await message.pressSequentially('line two');
    check((await message.inputValue()) === 'Line one\nline two', 'Shift+Enter makes a new line');
    await message.fill('My guitar arrived broken, can I get a refund?');
    await page.getByRole('button', { name: 'Send' }).click();
    await log.getByRole('link', { name: /Returns & refunds/ }).waitFor();
    const handoff = page.getByRole('button', { name: 'Talk to a person' });
    check(
      await handoff.evaluate((el) => el.classList.contains('suggested')),
      '"Talk to a person" highlighted after suggestHandoff',
    );
    await shot(page, 'd03-reply-suggest');

    console.log('lost ack + dropped connection');
    fake.swallowAcks(true);
    await message.fill('Are you still there?');
    await message.press('Enter');
    await log.getByText('Sending…').waitFor();
    await shot(page, 'd04-pending');
    fake.swallowAcks(false);
    fake.dropConnections();
    await page.waitForFunction(() => !document.querySelector('chatref-widget')?.shadowRoot?.querySelector('.pending'));
    check((await countText(log, 'Are you still there?')) === 1, 'message re-sent after reconnecting, shown once');
    check(fake.latest().messages.filter((m) => m.body === 'Are you still there?').length === 1, 'stored once');

    console.log('errors');
    await message.fill('x'.repeat(4001));
    await message.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    check((await alert.innerText()).includes('longer than 4000'), 'refusal shown');
    check((await message.inputValue()).length === 4001, 'refused text given back to edit');
    await shot(page, 'd05-error');
    await message.fill('');
    await page.getByRole('button', { name: 'Dismiss error' }).click();

    console.log('hand-off');
    await handoff.click();
    await log.getByText('Handed to the team').waitFor();
    await page.getByText("You're number 2 in line").waitFor();
    check(!(await handoff.count()), '"Talk to a person" gone while waiting');
    await shot(page, 'd06-waiting');
    fake.setQueue(1);
    await page.getByText("You're number 1 in line").waitFor();
    fake.setQueue(null);
    await page.getByText('Waiting for a person…').waitFor();
    fake.askEmail();
    const email = page.getByRole('textbox', { name: 'Email' });
    await email.waitFor();
    await shot(page, 'd07-ask-email');
    await email.fill('not-an-email');
    await email.press('Enter');
    check(await email.evaluate((el) => !(el as HTMLInputElement).validity.valid), 'browser flags an invalid email');
    await email.fill('sam@example.com');
    await page.getByRole('button', { name: 'Notify me' }).click();
    await page.getByText('sam@example.com').waitFor();
    await shot(page, 'd08-email-saved');
    fake.assign('Lena Ortiz');
    await log.getByText('Lena Ortiz joined the chat').waitFor();
    await page.getByRole('heading', { name: 'Lena Ortiz' }).waitFor();
    fake.agentSays('Hi Sam, I’m Lena. Sorry about the guitar! Could you send me a photo of the damage?');
    await log.getByText('Could you send me a photo').waitFor();
    await message.fill('Sure, one moment');
    await message.press('Enter');
    await shot(page, 'd09-agent');

    console.log('close, unread, reopen, reload');
    await message.press('Escape');
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    check(await page.getByRole('dialog').isHidden(), 'Escape closes the panel');
    check(
      await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
      'focus back on the launcher',
    );
    fake.agentSays('Got it, thanks — a replacement is on its way.');
    await page.waitForFunction(
      () => document.querySelector('chatref-widget')?.shadowRoot?.querySelector('.b')?.textContent === '1',
    );
    await shot(page, 'd10-unread');
    await launcher.click();
    await message.waitFor();
    await page.reload();
    await log.getByText('a replacement is on its way').waitFor();
    check((await page.getByRole('button', { name: 'Close chat' }).count()) === 1, 'reload reopens the chat');
    check((await countText(log, 'How long does delivery take?')) === 1, 'conversation restored once');
    check(
      (await log.locator('.msg, .note').count()) === fake.latest().messages.length + 1,
      'every stored message + the greeting',
    );
    await shot(page, 'd11-reloaded');

    console.log('left, light colour');
    const left = await context.newPage();
    await left.goto(`${fake.url}/?ws=${LEFT_WS}`);
    await left.getByRole('button', { name: 'Open chat' }).click();
    await left.getByRole('textbox', { name: 'Message' }).fill('Do you sell ukuleles?');
    await left.keyboard.press('Enter');
    await left.getByRole('link', { name: /Shipping/ }).waitFor();
    await shot(left, 'd12-left-light');
    await left.close();

    console.log('phone');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'm01-open-full-screen');
    const box = await page.getByRole('dialog').boundingBox();
    check(box && box.width === 390 && box.height === 844, 'full screen under 480px');
    await page.getByRole('button', { name: 'Minimize chat' }).click();
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await shot(page, 'm02-closed');
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    await shot(page, 'm03-new-visitor');
    await page.getByRole('textbox', { name: 'Message' }).fill('Do you repair amps?');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /Shipping/ }).waitFor();
    await shot(page, 'm04-reply');

    check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
    console.log(`screenshots in ${shots}`);
  } finally {
    await context.close();
    await fake.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
