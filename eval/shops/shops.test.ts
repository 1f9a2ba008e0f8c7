import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_TAGS } from '../../demo/tags';
import { loadShop, shopDirs } from '../../engine/eval/shops';

const ROOT = dirname(fileURLToPath(import.meta.url));

describe('the shop sets', () => {
  const dirs = shopDirs(ROOT);
  const heldOut = shopDirs(join(ROOT, '..', 'heldout'));

  it('holds the demo shop and at least four new shops', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(5);
    expect(dirs.map((d) => d.split('/').at(-1))).toContain('riff-and-rhythm');
  });

  it('keeps at least four held-out shops apart', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(4);
  });

  for (const dir of [...dirs, ...heldOut]) {
    it(`${dir.split('/').slice(-2).join('/')}: every document ingests, every question parses and cites a real file`, async () => {
      const shop = await loadShop(dir);
      const ingested = new Set(shop.chunks.map((c) => c.sourceId));
      expect(shop.skipped.filter((s) => !/\.ts$/.test(s.file))).toEqual([]);
      expect(ingested.size).toBeGreaterThanOrEqual(6);
      expect(shop.questions.length).toBeGreaterThanOrEqual(40);
      expect(shop.tags.some((t) => t.needsHuman && t.examples.length)).toBe(true);
      for (const q of shop.questions) if (q.expect.includes('answer')) expect(q.sources.length).toBeGreaterThan(0);
      // Every PDF/DOCX text source has its generated file.
      const src = join(dir, 'src');
      if (existsSync(src)) for (const f of readdirSync(src)) expect(ingested.has(f.replace(/\.txt$/, ''))).toBe(true);
    });
  }

  it("riff-and-rhythm's tags are the demo seed's", async () => {
    const shop = await loadShop(join(ROOT, 'riff-and-rhythm'));
    expect(shop.tags).toEqual(DEMO_TAGS.map(({ color: _color, ...t }) => ({ ...t })));
  });
});
