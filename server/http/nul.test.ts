import { describe, expect, it } from 'vitest';
import { nulPath } from './nul';

describe('finding NUL characters in input', () => {
  it('names the first field that holds one, in values and keys', () => {
    expect(nulPath({ a: 'ok', b: ['x', 'y\u0000'] })).toBe('b.1');
    expect(nulPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(nulPath('\u0000')).toBe('(value)');
  });

  it('passes clean input, numbers and binary bodies', () => {
    expect(nulPath({ a: 'ok', n: 0, b: null, nested: { list: ['é', '😀'] } })).toBeNull();
    expect(nulPath(Buffer.from([0, 1, 0]))).toBeNull();
    expect(nulPath(new Uint8Array([0]))).toBeNull();
  });
});
