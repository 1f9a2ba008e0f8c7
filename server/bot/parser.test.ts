import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, readSource } from '../../engine';
import { makeManyPagesPdf, makeZipBombDocx } from '../../engine/ingest/hostile';
import { errorOf, makePdf } from '../../engine/ingest/testfiles';
import { ParsePool } from './parser';

describe('the parsing pool', () => {
  const pool = new ParsePool({ threads: 1, timeoutMs: 60_000, memoryMb: 256, limits: DEFAULT_PARSE_LIMITS });
  const pools = [pool];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('reads a file in a worker thread into the same chunks as reading it inline', async () => {
    const bytes = await makePdf();
    const inPool = await pool.read({ filename: 'warranty.pdf', bytes }, { sourceId: 's1' });
    expect(inPool).toEqual(await readSource({ filename: 'warranty.pdf', bytes }, { sourceId: 's1' }));
    expect(inPool.chunks.length).toBe(3);
  });

  it('brings the engine’s coded errors back across the thread, with the pool’s limits', async () => {
    const tight = new ParsePool({
      threads: 1,
      timeoutMs: 60_000,
      memoryMb: 256,
      limits: { ...DEFAULT_PARSE_LIMITS, maxPages: 5, maxInflatedBytes: 1048576 },
    });
    pools.push(tight);
    const pages = await errorOf(tight.read({ filename: 'c.pdf', bytes: await makeManyPagesPdf(6) }, { sourceId: 's' }));
    expect(pages).toMatchObject({ code: 'TOO_MANY_PAGES', message: 'PDF has 6 pages; the limit is 5' });
    const bomb = await errorOf(
      tight.read({ filename: 'b.docx', bytes: makeZipBombDocx(4 * 1048576) }, { sourceId: 's' }),
    );
    expect(bomb.code).toBe('TOO_LARGE_UNPACKED');
  });

  it('aborts a task past its time', async () => {
    // The limit is shorter than a thread takes to start, let alone read 300 pages.
    const slow = new ParsePool({ threads: 1, timeoutMs: 50, memoryMb: 256, limits: DEFAULT_PARSE_LIMITS });
    pools.push(slow);
    const err = await errorOf(
      slow.read({ filename: 'slow.pdf', bytes: await makeManyPagesPdf(300) }, { sourceId: 's' }),
    );
    expect(err).toMatchObject({
      code: 'PARSE_TIMEOUT',
      message: 'Reading slow.pdf took longer than the limit of 0.05 s',
    });
  });

  it('ends a task that outgrows the thread’s heap as PARSE_OUT_OF_MEMORY, and goes on', async () => {
    const small = new ParsePool({
      threads: 1,
      timeoutMs: 120_000,
      memoryMb: 64,
      limits: { ...DEFAULT_PARSE_LIMITS, maxChars: 1e9, maxChunks: 1e9 },
    });
    pools.push(small);
    // 19 MB of Markdown: its words, paragraphs and chunks take several times 64 MB of heap.
    const huge = new TextEncoder().encode(
      'A short line about guitar strings and how to change them.\n\n'.repeat(320_000),
    );
    const err = await errorOf(small.read({ filename: 'huge.md', bytes: huge }, { sourceId: 's' }));
    expect(err).toMatchObject({ code: 'PARSE_OUT_OF_MEMORY' });
    const ok = await small.read({ filename: 'warranty.pdf', bytes: await makePdf() }, { sourceId: 's' });
    expect(ok.chunks.length).toBe(3);
  });
});
