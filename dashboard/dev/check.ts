/**
 * Drives the dashboard in Debian's Chromium against a running server, checks the main flows and
 * takes screenshots into dashboard/dev/screenshots/ (look at them).
 *   APP=http://localhost:3210/app SERVER=http://localhost:3210 npx tsx dashboard/dev/check.ts
 * APP may instead be the dev harness (`npx vite -c dashboard/vite.config.ts`, port 5174).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { launch as launchChromium } from '../../tests/browser';
import { visitor } from './visitor';

const APP = process.env.APP ?? 'http://localhost:3210/app';
const SERVER = process.env.SERVER ?? 'http://localhost:3210';
const PASSWORD = process.env.PASSWORD ?? 'demo-password-1';
const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Debian's Chromium with the flags every browser check here uses (tests/browser.ts). */
const launch = () => launchChromium({ width: 1360, height: 860 });

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
const step = (s: string) => console.log(`• ${s}`);

async function signIn(ctx: BrowserContext, email: string): Promise<Page> {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${APP}/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Inbox views' }).waitFor();
  return page;
}

async function main() {
  const admin = await launch();
  const page = admin.pages()[0] ?? (await admin.newPage());

  step('sign-in page and a wrong password');
  await page.goto(`${APP}/`);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await shot(page, '01-signin');
  await page.getByRole('textbox', { name: 'Email' }).fill('admin@riffandrhythm.example');
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, '02-signin-error');

  step('sign in as the admin');
  await signIn(admin, 'admin@riffandrhythm.example');
  const me = (await (await page.request.get(`${APP.replace(/\/app$/, '')}/api/auth/me`)).json()) as {
    workspaces: { workspace: { id: string } }[];
  };
  const ws = me.workspaces[0].workspace.id;
  await shot(page, '03-inbox');

  step('a visitor asks for a person: the list updates live');
  const before = await page.locator('.conv-item').count();
  const v = await visitor(SERVER, ws);
  await v.say(
    'Hi, I need a quote for a custom drum kit for my school orchestra, about 12 pieces, budget $5000. My name is Ada Lovelace, ada@example.com',
  );
  await v.handoff();
  await page.waitForFunction((n) => document.querySelectorAll('.conv-item').length > n, before, { timeout: 15_000 });
  await shot(page, '04-inbox-live');

  step('open the newest waiting chat');
  await page.locator('.conv-item').last().click();
  await page.getByRole('button', { name: 'Pick up' }).waitFor();
  await v.typing(true);
  await page.getByText('Visitor is typing…').waitFor({ timeout: 5000 });
  await shot(page, '05-conversation-waiting');
  await v.typing(false);

  step('pick up, reply, add an internal note');
  await page.getByRole('button', { name: 'Pick up' }).click();
  await page.getByRole('button', { name: 'Resolve' }).waitFor();
  const reply = page.getByRole('textbox', { name: 'Reply' });
  const got = new Promise<string>((resolve) =>
    v.socket.on(
      'message',
      (m: { body: string; author: { type: string } }) => m.author.type === 'agent' && resolve(m.body),
    ),
  );
  await reply.fill('Hi Ada! Happy to help with the kit — which sizes do you need?');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('.msg.from-agent').last().waitFor();
  await page.getByLabel('Internal note').check();
  await reply.fill('Check stock of 14" snares before quoting.');
  await reply.press('Enter');
  await page.locator('.msg.note').waitFor();
  console.log(`  visitor got: ${(await got).slice(0, 60)}`);
  await shot(page, '06-conversation-human');

  step('canned replies');
  await page.getByRole('button', { name: 'Canned replies' }).click();
  await shot(page, '07-canned');
  await page.keyboard.press('Escape');

  step('a second agent loses the race for a chat');
  const v2 = await visitor(SERVER, ws);
  await v2.say('My order #R-1042 arrived with a cracked cymbal, I want a person.');
  await v2.handoff();
  const marcus = await launch();
  const mp = await signIn(marcus, 'marcus@riffandrhythm.example');
  await mp.goto(`${APP}/inbox/waiting`);
  await mp.locator('.conv-item').first().click();
  await mp.getByRole('button', { name: 'Pick up' }).waitFor();
  const convId = mp.url().split('/').pop()?.split('?')[0] ?? '';
  await page.request.post(`${SERVER}/api/workspaces/${ws}/conversations/${convId}/pickup`, {
    headers: {
      'x-csrf-token': await page.evaluate(
        async () => ((await (await fetch('/api/auth/me')).json()) as { csrfToken: string }).csrfToken,
      ),
    },
    data: {},
  });
  await mp
    .getByRole('button', { name: 'Pick up' })
    .click()
    .catch(() => undefined);
  const raced = await mp
    .getByText('Someone else picked this up')
    .waitFor({ timeout: 3000 })
    .then(() => 'shown')
    .catch(() => 'button gone before the click (list updated live)');
  console.log(`  race: ${raced}`);
  // The live update takes the button away and shows who has it.
  await mp.getByRole('button', { name: 'Pick up' }).waitFor({ state: 'detached', timeout: 5000 });
  await shot(mp, '08-race');
  await marcus.close();

  step('settings pages');
  for (const [key, name] of [
    ['members', '09-members'],
    ['teams', '10-teams'],
    ['tags', '11-tags'],
    ['handoff', '12-handoff'],
    ['hours', '13-hours'],
    ['widget', '14-widget'],
    ['knowledge', '15-knowledge'],
    ['api-keys', '16-api-keys'],
  ]) {
    await page.goto(`${APP}/settings/${key}`);
    await page.locator('.page-title').waitFor();
    await page.waitForTimeout(300);
    await shot(page, name);
  }

  step('tag editor');
  await page.goto(`${APP}/settings/tags`);
  await page
    .getByRole('button', { name: /^Edit / })
    .first()
    .click();
  await page.getByLabel('Examples, one per line').waitFor();
  await shot(page, '23-tag-editor');
  await page.getByRole('button', { name: 'Cancel' }).click();

  step('knowledge: add a Q&A and upload a file');
  await page.goto(`${APP}/settings/knowledge`);
  await page.getByLabel('Question', { exact: true }).fill('Do you rent drum kits for school concerts?');
  await page.getByLabel('Answer', { exact: true }).fill('Yes — kits rent by the week; ask in store for school rates.');
  await page.getByRole('button', { name: 'Add Q&A' }).click();
  const file = join(tmpdir(), 'stick-care.md');
  writeFileSync(file, '# Stick care\n\nKeep drumsticks dry and store them flat. Replace when splintered.\n');
  await page.getByLabel('Files to upload').setInputFiles(file);
  await page.locator('.source-name', { hasText: 'stick-care.md' }).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(1000);
  await shot(page, '17-knowledge-added');

  step('API key shown once');
  await page.goto(`${APP}/settings/api-keys`);
  await page.getByLabel('Key name').fill('Check script');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByText('It will not be shown again').waitFor();
  await shot(page, '18-api-key');

  step('resolve and reopen');
  await page.goto(`${APP}/inbox/mine`);
  await page.locator('.conv-item').first().click();
  await page.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('button', { name: 'Reopen' }).waitFor();
  const mine = page.getByRole('link', { name: /^Mine/ });
  const before2 = await mine.innerText();
  await page.waitForFunction(
    (b) =>
      [...document.querySelectorAll('.nav-item')].find((a) => a.textContent?.startsWith('Mine'))?.textContent !== b,
    before2,
  );
  await shot(page, '19-resolved');

  step('narrow screen');
  await page.setViewportSize({ width: 420, height: 800 });
  await page.goto(`${APP}/inbox/all`);
  await page.locator('.conv-item').first().waitFor();
  await shot(page, '20-mobile-list');
  await page.locator('.conv-item').first().click();
  await page.getByRole('textbox', { name: 'Reply' }).waitFor();
  await shot(page, '21-mobile-conversation');
  await page.goto(`${APP}/settings/widget`);
  await page.locator('.page-title').waitFor();
  await shot(page, '22-mobile-settings');

  const errors = (page as Page & { errors?: string[] }).errors ?? [];
  v.close();
  v2.close();
  await admin.close();
  if (errors.length) console.log('page errors:', errors);
  console.log('done');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
