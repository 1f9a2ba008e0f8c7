import { describe, expect, it } from 'vitest';
import { titleFromFilename } from './title';

describe('titleFromFilename', () => {
  it('writes a file name as a title: "faq" as FAQ, words apart, the first capitalised', () => {
    expect(titleFromFilename('faq')).toBe('FAQ');
    expect(titleFromFilename('shipping-and-returns')).toBe('Shipping and returns');
    expect(titleFromFilename('Store_Policies')).toBe('Store Policies');
    expect(titleFromFilename('2024 price list')).toBe('2024 price list');
  });
});
