/**
 * Drives the tag feed and knowledge gaps pages in Debian's Chromium against a running server with
 * the demo data, checks that the charts draw and the flows work, and takes screenshots into
 * dashboard/dev/screenshots/ (look at them).
 *   APP=http://localhost:3210/app npx tsx dashboard/dev/analytics-check.ts
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { launch as launchChromium } from '../../tests/browser';

const APP = process.env.APP ?? 'http://localhost:3210/app';
const PASSWORD = process.env.PASSWORD ?? 'demo-password-1';
const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WIDTH = 1360;

/** Debian's Chromium with the flags every browser check here uses (tests/browser.ts). */
const launch = () => launchChromium({ width: WIDTH, height: 860 });

const step = (s: string) => console.log(`• ${s}`);
const errors: string[] = [];

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
  console.log(`  ✓ ${what}`);
}

/** The pages scroll inside `.report`: grow the window to the content for a whole-page shot. */
async function shot(page: Page, name: string, whole = true): Promise<void> {
  if (whole) {
    const h = await page.evaluate(() => {
      const report = document.querySelector('.report');
      report?.scrollTo(0, 0);
      return (report?.scrollHeight ?? 800) + 60;
    });
    await page.setViewportSize({ width: WIDTH, height: Math.min(4000, Math.max(860, h)) });
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: join(shots, `${name}.png`) });
  await page.setViewportSize({ width: WIDTH, height: 860 });
}

async function signIn(ctx: BrowserContext, email: string): Promise<Page> {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`${APP}/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Inbox views' }).waitFor();
  // Only after signing in: the sign-in page's /me answers 401 by design.
  page.on('pageerror', (e) => errors.push(`${email}: ${String(e)}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${email}: ${m.text()}`));
  return page;
}

async function main() {
  const admin = await launch();
  const page = await signIn(admin, 'admin@riffandrhythm.example');

  step('tag feed, last 30 days, from the sidebar');
  const loaded: string[] = [];
  page.on('response', (r) => loaded.push(new URL(r.url()).pathname));
  await page.getByRole('link', { name: 'Tag feed' }).click();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await page.locator('.recharts-line-curve').first().waitFor();
  check(
    loaded.some((p) => /\/charts-[\w-]+\.js$/.test(p)),
    'the charts come in their own chunk',
  );
  const bars = await page.locator('.recharts-bar-rectangle').count();
  const lines = await page.locator('.recharts-line-curve').count();
  const rows = await page.locator('.feed-table tbody tr').count();
  check(bars >= 3 && lines >= 3 && rows >= 3, `charts drawn: ${bars} bars, ${lines} lines, ${rows} table rows`);
  const chats = await page.locator('.stat-value').first().textContent();
  check(Number(chats) > 0, `summary: ${chats} chats`);
  await shot(page, '24-tag-feed');

  step('click the longest bar: its conversations');
  await page.locator('.recharts-bar-rectangle path').first().click();
  await page.locator('.drill-item').first().waitFor();
  const tagName = (await page.locator('#drill-title').textContent())?.trim();
  const n = await page.locator('.drill-item').count();
  check(n > 0 && page.url().includes('tag='), `drill-down for “${tagName}”: ${n} conversations`);
  await shot(page, '25-tag-feed-drill');

  step('a table row opens another tag; a conversation opens in the inbox');
  await page.locator('.feed-table tbody tr').nth(1).getByRole('button').click();
  await page.waitForFunction((t) => document.querySelector('#drill-title')?.textContent?.trim() !== t, tagName);
  await page.locator('.drill-item').first().waitFor();
  await page.locator('.drill-item').first().click();
  await page.waitForURL(/\/app\/inbox\/all\/[0-9a-f-]{36}/);
  await page.getByRole('textbox', { name: 'Reply' }).or(page.locator('.conv-header')).first().waitFor();
  check(true, `conversation opened at ${new URL(page.url()).pathname}`);
  await page.goBack();
  await page.locator('.drill-item').first().waitFor();

  step('the last 7 days: the trend against the week before');
  await page.getByRole('button', { name: '7 days' }).click();
  await page.waitForURL(/days=7/);
  await page.waitForFunction(() => !document.querySelector('.report[aria-busy="true"]'));
  await page.locator('.recharts-line-curve').first().waitFor();
  const trends = await page.locator('.trend').allTextContents();
  check(trends.length > 0, `trends: ${trends.slice(0, 4).join(' | ')}`);
  await shot(page, '26-tag-feed-7-days');

  step('CSV export');
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const csv = await page.request.get(new URL(href!, APP).toString());
  const text = await csv.text();
  check(
    csv.ok() && text.startsWith('tag,handoffs'),
    `CSV: ${text.split('\n').length - 1} lines, ${csv.headers()['content-type']}`,
  );

  step('a period with no chats: the empty state');
  await page.getByRole('button', { name: 'Custom', exact: true }).click();
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).fill('2020-01-31');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('No chats in this period').waitFor();
  await shot(page, '27-tag-feed-empty', false);

  step('knowledge gaps');
  await page.getByRole('link', { name: 'Knowledge gaps' }).click();
  await page.locator('.gap').first().waitFor();
  const groups = await page.locator('.gap').count();
  check(groups > 0, `${groups} gap groups`);
  await shot(page, '28-knowledge-gaps');

  step('add the costliest gap to the knowledge base');
  const first = page.locator('.gap').first();
  const label = await first.locator('h2').textContent();
  await first.getByRole('button', { name: 'Add to knowledge' }).click();
  const editor = first.getByRole('form', { name: 'New Q&A entry' });
  await editor.waitFor();
  const q = await editor.locator('input').first().inputValue();
  const a = await editor.locator('textarea').last().inputValue();
  check(q.length >= 3 && a.length > 0, `draft: “${q}” → “${a.slice(0, 60)}…”`);
  await page.evaluate(() => document.querySelector('.gap')?.scrollIntoView());
  await shot(page, '29-gap-draft', false);
  await editor.getByRole('button', { name: 'Add to knowledge' }).click();
  await first.getByText('Added to knowledge').waitFor();
  check(true, `“${label}” marked as added`);
  await page.evaluate(() => document.querySelector('.gap')?.scrollIntoView());
  await shot(page, '30-gap-added', false);
  await page.goto(`${APP}/settings/knowledge`);
  await page.getByText(q).first().waitFor();
  check(true, 'the entry is listed in Settings → Knowledge');

  step('an agent sees the gaps but cannot add');
  const agentCtx = await launch();
  const agent = await signIn(agentCtx, 'marcus@riffandrhythm.example');
  await agent.goto(`${APP}/knowledge-gaps`);
  await agent.locator('.gap').first().waitFor();
  const button = agent.locator('.gap').first().getByRole('button', { name: /Add/ });
  check(await button.isDisabled(), 'the agent’s “Add to knowledge” is disabled, with a hint');
  await shot(agent, '31-gaps-agent', false);

  step('narrow screen');
  await agent.setViewportSize({ width: 420, height: 900 });
  await agent.goto(`${APP}/tag-feed`);
  await agent.locator('.recharts-bar-rectangle').first().waitFor();
  await agent.screenshot({ path: join(shots, '32-tag-feed-mobile.png') });
  await agentCtx.close();
  await admin.close();

  if (errors.length) {
    console.log('page errors:', errors);
    process.exit(1);
  }
  console.log('done');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
