/** Uploading knowledge files: "Added N files" counts what the server took; each failure names its file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { addedText, MAX_UPLOAD_MB, UPLOAD_EXTENSIONS, uploadEach } from './upload';

const MB = 1024 * 1024;
/** A File of `size` bytes without allocating them. */
const file = (name: string, size = 10) => {
  const f = new File(['x'], name);
  Object.defineProperty(f, 'size', { value: size });
  return f;
};
const ready = { status: 'ready' as const, error: null };

describe('uploadEach', () => {
  it('counts only the files that were added, and says why each other one was not', async () => {
    const send = vi.fn(async (f: File) => {
      if (f.name === 'big.txt') throw new ApiError(413, 'payload_too_large', 'Request body is too large');
      if (f.name === 'notes.zip')
        return { status: 'error' as const, error: 'notes.zip is an archive (zip, xlsx, pptx…); upload Markdown…' };
      if (f.name === 'empty.md') return { status: 'error' as const, error: 'no text found in this source' };
      if (f.name === 'empty.txt') return { status: 'error' as const, error: 'empty.txt is empty (EMPTY_CONTENT)' };
      return ready;
    });
    const result = await uploadEach(
      [file('faq.md'), file('big.txt'), file('notes.zip'), file('empty.md'), file('empty.txt'), file('returns.pdf')],
      send,
    );
    expect(result.added).toEqual(['faq.md', 'returns.pdf']);
    expect(result.failed).toEqual([
      { name: 'big.txt', message: `big.txt is larger than ${MAX_UPLOAD_MB} MB` },
      { name: 'notes.zip', message: 'notes.zip is an archive (zip, xlsx, pptx…); upload Markdown…' },
      { name: 'empty.md', message: 'empty.md: no text found in this source' },
      { name: 'empty.txt', message: 'empty.txt is empty' },
    ]);
    expect(addedText(result)).toBe('Added 2 files.');
  });

  it('does not send a file over the limit, and says nothing was added when nothing was', async () => {
    const send = vi.fn(async () => ready);
    const onFile = vi.fn();
    const result = await uploadEach([file('catalogue.pdf', 20 * MB + 1)], send, onFile);
    expect(send).not.toHaveBeenCalled();
    expect(onFile).not.toHaveBeenCalled();
    expect(result.failed).toEqual([{ name: 'catalogue.pdf', message: 'catalogue.pdf is larger than 20 MB' }]);
    expect(addedText(result)).toBeNull();
    // Exactly at the limit goes (the server refuses only what is larger).
    expect((await uploadEach([file('catalogue.pdf', 20 * MB)], send)).added).toEqual(['catalogue.pdf']);
    expect(addedText({ added: ['a.md'], failed: [] })).toBe('Added 1 file.');
  });

  it("words a proxy's refusal and a lost connection without guessing the limit", async () => {
    const result = await uploadEach([file('a.pdf'), file('b.pdf')], async (f) => {
      if (f.name === 'a.pdf') throw new ApiError(413, 'http_413', 'The server answered 413.');
      throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
    });
    expect(result.failed.map((f) => f.message)).toEqual([
      'a.pdf is too large for the server to accept',
      'b.pdf: Could not reach the server. Check your connection and try again.',
    ]);
  });

  it('repeats the limit and the extensions where the server and the engine set them', () => {
    // The dashboard may not import them: read their sources, so a change there fails here.
    const source = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
    const limit = /MAX_UPLOAD_BYTES = (\d+) \* 1024 \* 1024;/.exec(source('server/routes/knowledge.ts'));
    expect(Number(limit?.[1])).toBe(MAX_UPLOAD_MB);
    const byExtension = /const BY_EXTENSION[^{]*\{([^}]*)\}/.exec(source('engine/ingest/parse.ts'))?.[1] ?? '';
    const extensions = [...byExtension.matchAll(/^\s*(\w+):/gm)].map((m) => `.${m[1]}`);
    expect(extensions.length).toBeGreaterThan(5);
    expect([...UPLOAD_EXTENSIONS].sort()).toEqual(extensions.sort());
  });
});
