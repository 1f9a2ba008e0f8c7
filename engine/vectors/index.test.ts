import { describe, expect, it } from 'vitest';
import { cosine, loadWordVectors, sentenceVector, sifWeight } from './index';
import { pack, unpack } from './format';

describe('word vectors', () => {
  it('loads the packed GloVe subset once', () => {
    const v = loadWordVectors();
    expect(v.dim).toBe(100);
    expect(v.size).toBeGreaterThan(50_000);
    expect(loadWordVectors()).toBe(v);
    expect(v.vector('guitar')).toHaveLength(100);
    expect(v.vector('qwxzvbnm')).toBeUndefined();
  });

  it('puts related words closer than unrelated ones', () => {
    const v = loadWordVectors();
    const guitar = v.vector('guitar')!;
    expect(cosine(guitar, v.vector('bass')!)).toBeGreaterThan(cosine(guitar, v.vector('refund')!));
    expect(cosine(v.vector('refund')!, v.vector('reimbursement')!)).toBeGreaterThan(0.5);
  });

  it('weights frequent words less (SIF)', () => {
    const v = loadWordVectors();
    expect(sifWeight(v, 'the')).toBeLessThan(0.1);
    expect(sifWeight(v, 'ukulele')).toBeGreaterThan(0.9);
  });

  it('embeds sentences so paraphrases are nearer than other topics', () => {
    const a = sentenceVector('where is my refund');
    const b = sentenceVector('I have not received my money back');
    const c = sentenceVector('the guitar strings are out of tune');
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c));
    let norm = 0;
    for (const x of a) norm += x * x;
    expect(norm).toBeCloseTo(1, 5);
    expect(Array.from(sentenceVector('qwxzvbnm'))).toEqual(new Array(100).fill(0));
  });

  it('round-trips the binary format', () => {
    const packed = pack({
      words: ['a', 'bé'],
      dim: 3,
      ranks: Uint32Array.from([0, 7]),
      scales: Float32Array.from([0.5, 0.25]),
      values: Int8Array.from([1, -2, 3, 127, -127, 0]),
    });
    const p = unpack(packed);
    expect(p.words).toEqual(['a', 'bé']);
    expect(Array.from(p.ranks)).toEqual([0, 7]);
    expect(Array.from(p.scales)).toEqual([0.5, 0.25]);
    expect(Array.from(p.values)).toEqual([1, -2, 3, 127, -127, 0]);
    expect(() => unpack(Buffer.from('not a vector file at all'))).toThrow();
  });
});
