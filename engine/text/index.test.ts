import { describe, expect, it } from 'vitest';
import { normalize, stem, terms, tokenize } from './index';

describe('text', () => {
  it('normalizes accents and quotes', () => {
    expect(normalize('Café’s')).toBe("cafe's");
  });
  it('tokenizes words and numbers, dropping apostrophes', () => {
    expect(tokenize("Don't ship 2 guitars!")).toEqual(['dont', 'ship', '2', 'guitars']);
  });
  it('stems and drops stopwords in terms', () => {
    expect(terms('How long does shipping take?')).toEqual(['long', 'ship', 'take']);
    expect(stem('returns')).toBe('return');
  });
});
