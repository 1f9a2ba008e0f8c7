import { describe, expect, it } from 'vitest';
import { rememberedByText } from './remember';

describe('rememberedByText', () => {
  it('reads a text once while it is remembered, and again once forgotten', () => {
    const reads: string[] = [];
    const length = rememberedByText((text) => (reads.push(text), text.length), 10);
    expect([length('abcd'), length('abcd'), length('xy')]).toEqual([4, 4, 2]);
    expect(reads).toEqual(['abcd', 'xy']);
    // Past the bound (10 characters, each text counting its length + 1) the least recent goes.
    length('123456');
    length('abcd');
    expect(reads).toEqual(['abcd', 'xy', '123456', 'abcd']);
  });
});
