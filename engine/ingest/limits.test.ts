import { describe, expect, it } from 'vitest';
import { readSource } from './batch';
import { makeCyclicPdf, makeDeepPdf, makeManyPagesPdf, makeZipBombDocx } from './hostile';
import { DEFAULT_PARSE_LIMITS } from './limits';
import { parseSource } from './parse';
import { enc, errorOf } from './testfiles';

describe('limits on what one source may cost', () => {
  it('refuses a PDF over the page limit before reading its pages, naming both numbers', async () => {
    const pdf = await makeManyPagesPdf(30);
    const err = await errorOf(parseSource({ filename: 'big.pdf', bytes: pdf }, { limits: { maxPages: 20 } }));
    expect(err).toMatchObject({ code: 'TOO_MANY_PAGES', message: 'PDF has 30 pages; the limit is 20' });
    const ok = await parseSource({ filename: 'big.pdf', bytes: pdf }, { limits: { maxPages: 30 } });
    expect(JSON.stringify(ok.blocks)).toContain('Page 30 of the catalogue.');
  });

  it('reads a 200-page catalogue within the default limits', async () => {
    const r = await readSource({ filename: 'catalogue.pdf', bytes: await makeManyPagesPdf(200) }, { sourceId: 's' });
    expect(r.chunks.length).toBeGreaterThan(0);
    expect(r.chunks.length).toBeLessThanOrEqual(DEFAULT_PARSE_LIMITS.maxChunks);
  });

  it('refuses text over the character limit, and a source making too many chunks', async () => {
    const text = enc('Strings are changed every three months. '.repeat(1000));
    expect(
      await errorOf(parseSource({ filename: 'a.txt', bytes: text }, { limits: { maxChars: 10_000 } })),
    ).toMatchObject({
      code: 'TOO_MUCH_TEXT',
      message: expect.stringContaining('has 40,000 characters of text; the limit is 10,000') as string,
    });
    const many = enc(Array.from({ length: 30 }, (_, i) => `# Topic ${i}\n\nAbout topic number ${i}.`).join('\n\n'));
    expect(
      await errorOf(readSource({ filename: 'many.md', bytes: many }, { sourceId: 's', limits: { maxChunks: 10 } })),
    ).toMatchObject({
      code: 'TOO_MANY_CHUNKS',
      message: expect.stringContaining('makes 30 passages; the limit is 10') as string,
    });
  });

  it('refuses a zip-bomb DOCX by its declared size, and by its real size when the zip lies', async () => {
    const honest = makeZipBombDocx(64 * 1048576);
    expect(honest.length).toBeLessThan(1048576);
    const limits = { maxInflatedBytes: 8 * 1048576 };
    expect(await errorOf(parseSource({ filename: 'bomb.docx', bytes: honest }, { limits }))).toMatchObject({
      code: 'TOO_LARGE_UNPACKED',
      message: expect.stringMatching(/^bomb\.docx unpacks to 64 MB; the limit is 8\.0 MB$/) as string,
    });
    const liar = makeZipBombDocx(64 * 1048576, { lie: true });
    expect(await errorOf(parseSource({ filename: 'liar.docx', bytes: liar }, { limits }))).toMatchObject({
      code: 'TOO_LARGE_UNPACKED',
      message: expect.stringContaining('liar.docx unpacks to more than 8.') as string,
    });
  });

  it('reads the same kind of DOCX when it is small (the generator makes real Word files)', async () => {
    const doc = await parseSource({ filename: 'ok.docx', bytes: makeZipBombDocx(2 * 1048576) });
    expect(JSON.stringify(doc.blocks.slice(0, 2))).toContain('Every guitar ships in a hard case');
  });

  it('ends cyclic and deeply nested PDFs in coded errors', async () => {
    for (const [name, bytes] of [
      ['cyclic.pdf', makeCyclicPdf()],
      ['deep.pdf', makeDeepPdf(20_000)],
    ] as const) {
      const err = await errorOf(parseSource({ filename: name, bytes }));
      expect(err.code).toBe('CORRUPT_FILE');
    }
  });
});
