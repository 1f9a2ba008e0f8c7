/**
 * The dashboard's stylesheet in headless Chromium: a field marked invalid (ui/FieldError.tsx's
 * `invalidProps`) has a red border wherever it is — settings cards as well as the sign-in card —
 * and keeps the keyboard's focus ring when focused; the base field rule leaves a page's own widths be.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../browser';

const STYLES = join(process.cwd(), 'dashboard/src/styles/index.css');
/** The reports' styles, loaded with their pages. */
const ANALYTICS = join(process.cwd(), 'dashboard/src/styles/analytics.css');

/** The stylesheet with its `@import`s inlined, as the build bundles it. */
function stylesheet(file: string): string {
  return readFileSync(file, 'utf8').replace(/@import '([^']+)';/g, (_, name: string) =>
    stylesheet(join(dirname(file), name)),
  );
}

const DANGER = 'rgb(180, 35, 24)';
const FOCUS = 'rgb(31, 111, 235)';

describe('invalid form fields in the dashboard', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await launch();
    page = await context.newPage();
    await page.setContent(`<!doctype html><html><head><style>${stylesheet(STYLES)}${stylesheet(ANALYTICS)}</style></head><body>
      <form class="card form">
        <label class="field"><span>URL</span><input id="url" type="url" aria-invalid="true" /></label>
        <label class="field"><span>Question</span><input id="question" aria-invalid="true" /></label>
        <label class="field"><span>Answer</span><textarea id="answer" aria-invalid="true"></textarea></label>
        <label class="field"><span>Role</span><select id="role" aria-invalid="true"><option>Agent</option></select></label>
        <label class="field"><span>Email</span><input id="valid" type="email" /></label>
      </form>
      <div class="auth-card"><label class="field"><span>Password</span><input id="password" type="password" aria-invalid="true" /></label></div>
      <div class="period-custom"><input id="from" type="date" /></div>
      <table class="hours"><tr><td><input id="open" type="time" /></td></tr></table>
    </body></html>`);
  });
  afterAll(async () => context?.close());

  const style = (id: string) =>
    page.$eval(`#${id}`, (el) => {
      const s = getComputedStyle(el);
      return { border: s.borderTopColor, outline: s.outlineStyle, outlineColor: s.outlineColor };
    });

  it('draws a red border on every invalid field, not only in the sign-in card', async () => {
    for (const id of ['url', 'question', 'answer', 'role', 'password'])
      expect({ id, border: (await style(id)).border }).toEqual({ id, border: DANGER });
    expect((await style('valid')).border).not.toBe(DANGER);
  });

  it("lets a page set its own field's width (a report's dates, business hours' times)", async () => {
    const width = (id: string) => page.$eval(`#${id}`, (el) => `${el.getBoundingClientRect().width}px`);
    expect(await width('from')).toBe('150px');
    expect(await width('open')).toBe('120px');
  });

  it('keeps the focus ring on an invalid field', async () => {
    await page.focus('#question');
    expect(await style('question')).toEqual({ border: DANGER, outline: 'solid', outlineColor: FOCUS });
  });
});
