import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { formulaSafe } from './csv';

describe('CSV cells a spreadsheet would run', () => {
  it.each(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")'])('quotes %j', (cell) => {
    expect(formulaSafe(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(formulaSafe('Returns')).toBe('Returns');
    expect(formulaSafe('a=b')).toBe('a=b');
    expect(stringify([{ tag: '=cmd', minutes: -3 }], { cast: { string: formulaSafe } })).toBe("'=cmd,-3\n");
  });
});
