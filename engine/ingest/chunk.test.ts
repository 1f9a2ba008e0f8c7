import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk';
import { parseCsv, parseQaCsv } from './csv';
import { parseMarkdown } from './markdown';

const sentence = (i: number) => `Sentence number ${i} explains one more detail about caring for your instrument.`;

describe('chunkDocument', () => {
  it('splits long sections near the target size, each piece keeping its heading path', () => {
    const body = Array.from({ length: 12 }, (_, p) =>
      Array.from({ length: 5 }, (_, s) => sentence(p * 5 + s)).join(' '),
    ).join('\n\n');
    const doc = parseMarkdown(`# Care\n\n## Cleaning\n\n${body}\n\n## Storage\n\nKeep it in its case.`, 'care');
    const chunks = chunkDocument(doc, { sourceId: 's', targetWords: 120, maxWords: 200 });
    const cleaning = chunks.filter((c) => c.title === 'Cleaning');
    expect(cleaning.length).toBeGreaterThan(3);
    for (const c of cleaning) {
      expect(c.headingPath).toEqual(['Care', 'Cleaning']);
      expect(c.text.split(/\s+/).length).toBeLessThanOrEqual(200);
    }
    expect(chunks[chunks.length - 1]).toMatchObject({ headingPath: ['Care', 'Storage'], text: 'Keep it in its case.' });
  });

  it('never leaves a heading without its text, and links sections by anchor', () => {
    const doc = parseMarkdown('# Shop\n\n## Empty section\n\n### Child\n\nChild text.', 'x');
    const chunks = chunkDocument(doc, { sourceId: 's', url: 'https://shop.example/help' });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({
      headingPath: ['Shop', 'Empty section', 'Child'],
      url: 'https://shop.example/help#child',
    });
  });

  it('keeps a heading that states a fact when nothing comes under it', () => {
    const doc = parseMarkdown(
      '# Classes\n\nBook online.\n\n## Taster class: £45 per person\n\n## Six-week course: £240\n\n# Class details\n\nBring an apron.\n\n## Open studio\n\n## Members only',
      'classes',
    );
    const chunks = chunkDocument(doc, { sourceId: 's' });
    expect(chunks.map((c) => [c.headingPath.join(' › '), c.text])).toEqual([
      ['Classes', 'Book online.'],
      ['Classes › Taster class: £45 per person', 'Taster class: £45 per person'],
      ['Classes › Six-week course: £240', 'Six-week course: £240'],
      ['Class details', 'Bring an apron.'],
    ]);
  });

  it('splits a paragraph longer than the maximum at sentences', () => {
    const para = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkDocument(parseMarkdown(para, 'p'), { sourceId: 's', targetWords: 50, maxWords: 80 });
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.text.endsWith('instrument.'))).toBe(true);
  });

  it('drops repeated content and gives stable ids', () => {
    const doc = parseMarkdown('## A\n\nSame text.\n\n## B\n\nSame text.', 'd');
    const a = chunkDocument(doc, { sourceId: 's' });
    expect(a).toHaveLength(1);
    expect(chunkDocument(doc, { sourceId: 's' })[0].id).toBe(a[0].id);
    expect(a[0].id.startsWith('s:')).toBe(true);
  });
});

describe('CSV', () => {
  it('parses quotes, doubled quotes, separators and line breaks inside fields', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\nx,y,z,w\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['x', 'y', 'z', 'w'],
    ]);
  });

  it('sniffs semicolons and reads headerless files as question, answer, alternates', () => {
    const doc = parseQaCsv('\uFEFFWhere are you?;Main Street 1;your address\n', 'f');
    expect(doc.blocks).toEqual([
      { kind: 'qa', questions: ['Where are you?', 'your address'], answer: 'Main Street 1' },
    ]);
  });

  it('reads phrasing columns and a URL column by their headers', () => {
    const doc = parseQaCsv(
      'Answer,Question,Variant,Link\nWe open at 10.,When do you open?,opening time | hours,https://shop.example/hours\n',
      'f',
    );
    expect(doc.blocks[0]).toEqual({
      kind: 'qa',
      questions: ['When do you open?', 'opening time', 'hours'],
      answer: 'We open at 10.',
      url: 'https://shop.example/hours',
    });
  });

  it('reports an unterminated quote', () => {
    expect(() => parseCsv('q,"never closed\n')).toThrow(/never ends/);
  });
});
