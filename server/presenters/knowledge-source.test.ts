import { describe, expect, it } from 'vitest';
import { readableSourceName } from './knowledge-source';

describe('readableSourceName', () => {
  it("reads an uploaded file's name as words", () => {
    expect(readableSourceName('leaf-and-kettle-help.md')).toBe('Leaf and kettle help');
    expect(readableSourceName('Shipping_Policy.PDF')).toBe('Shipping Policy');
    expect(readableSourceName('faq.v2.csv')).toBe('FAQ v2');
  });

  it('keeps other names as they are', () => {
    expect(readableSourceName('Q&A')).toBe('Q&A');
    expect(readableSourceName('https://shop.example/returns')).toBe('https://shop.example/returns');
    expect(readableSourceName('.md')).toBe('.md');
  });
});
