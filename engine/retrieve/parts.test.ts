import { describe, expect, it } from 'vitest';
import { Bm25Index } from './bm25';
import { CharIndex } from './chars';
import { charGrams, contentStems, featureStrings } from './features';
import { lbfgs } from '../math/lbfgs';
import { mulberry32 } from '../math/random';
import type { SparseVector } from '../math/sparse';
import { trainSoftmax } from './softmax-lbfgs';
import { spanIsCheaper, trainSoftmaxInSpan } from './softmax-span';
import { topN } from './top';
import { TypoIndex, withinOneEdit } from './typo';

describe('typo tolerance', () => {
  it('knows one edit from two', () => {
    expect(withinOneEdit('shipping', 'shiping')).toBe(true); // deletion
    expect(withinOneEdit('return', 'retrun')).toBe(true); // swap
    expect(withinOneEdit('refund', 'refind')).toBe(true); // substitution
    expect(withinOneEdit('refund', 'rfnd')).toBe(false);
  });
  it('finds known terms one edit away, not short words', () => {
    const t = new TypoIndex(['shipping', 'return', 'guitar', 'cat']);
    expect(t.near('shiping')).toEqual([0]);
    expect(t.near('gitar')).toEqual([2]);
    expect(t.near('cut')).toEqual([]);
  });
});

describe('BM25', () => {
  it('ranks by term rarity and frequency, normalises by length, and reaches typos', () => {
    const docs = [
      ['guitar', 'string'],
      ['guitar', 'amp', 'amp'],
      ['drum', 'stick', 'drum', 'kit', 'guitar', 'x', 'y', 'z'],
    ].map((d) => d);
    const bm = new Bm25Index(docs);
    const r = bm.search(['amp']);
    expect(r.touched).toEqual([1]);
    expect(r.scores[1]).toBeGreaterThan(0);
    expect(r.scores[1] / r.ceiling).toBeLessThanOrEqual(1);
    const typo = bm.search(['drumm']);
    expect(typo.touched).toEqual([2]);
    const strict = new Bm25Index(docs, { typoWeight: 0 });
    expect(strict.search(['drumm']).touched).toEqual([]);
  });
});

describe('features', () => {
  it('makes word-bounded character grams and prefixed feature strings', () => {
    expect(charGrams('Hi', 3, 4)).toEqual([' hi', 'hi ', ' hi ']);
    expect(featureStrings('Set 5pm alarm', { words: true })).toEqual(['w:set', 'w:5pm', 'w:#', 'w:#0pm', 'w:alarm']);
    expect(contentStems('How long does shipping take?')).toEqual(['long', 'ship', 'take']);
  });
  it('scores short texts by character-gram cosine, robust to spelling', () => {
    const c = new CharIndex(['red robin reservations', 'play some music']);
    const r = c.search('redrobin reservation');
    expect(r.scores[0]).toBeGreaterThan(r.scores[1]);
    expect(r.scores[0]).toBeLessThan(1);
  });
});

describe('learning', () => {
  it('minimises a quadratic with L-BFGS', () => {
    const x = lbfgs(
      (t, g) => {
        let f = 0;
        for (let i = 0; i < t.length; i++) {
          f += (i + 1) * (t[i] - i) ** 2;
          g[i] = 2 * (i + 1) * (t[i] - i);
        }
        return f;
      },
      10,
      100,
    );
    expect(Array.from(x, (v) => Math.round(v * 1000) / 1000)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it('learns a softmax classifier on sparse features', () => {
    const xs = [0, 1, 2, 0, 1, 2].map((c) => ({ idx: Int32Array.from([c]), val: Float32Array.from([1]) }));
    const m = trainSoftmax(xs, [0, 1, 2, 0, 1, 2], 3, 3, { l2: 1e-3 });
    const p = m.probabilities({ idx: Int32Array.from([2]), val: Float32Array.from([1]) });
    expect(p[2]).toBeGreaterThan(0.9);
  });
  it("trains the same classifier in the examples' span as over the features", () => {
    // Far fewer examples than features, as in a small shop; two exact repeats add no direction.
    const rand = mulberry32(7);
    const xs: SparseVector[] = [];
    const labels: number[] = [];
    for (let n = 0; n < 40; n++) {
      const idx = Int32Array.from({ length: 12 }, () => Math.floor(rand() * 600));
      xs.push({ idx, val: Float32Array.from(idx, () => rand()) });
      labels.push(n % 5);
    }
    xs.push(xs[3], xs[8]);
    labels.push(labels[3], labels[8]);
    const weights = xs.map((_, n) => 1 + (n % 3));
    expect(spanIsCheaper(xs.length, 12 * xs.length, 5, 600, 30)).toBe(true);
    const direct = trainSoftmax(xs, labels, 5, 600, { l2: 1e-3, iterations: 30, weights, direct: true });
    const span = trainSoftmaxInSpan(xs, labels, 5, 600, { l2: 1e-3, iterations: 30, weights });
    const gap = (a: Float64Array, b: Float64Array) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    expect(gap(span.w, direct.w)).toBeLessThan(1e-4);
    expect(gap(span.b, direct.b)).toBeLessThan(1e-4);
    expect(Math.max(...direct.w.map(Math.abs))).toBeGreaterThan(0.1); // it learned something
  });
  it('selects the top n without sorting everything', () => {
    expect(topN([5, 1, 9, 3, 7], 3, (x) => x)).toEqual([9, 7, 5]);
    expect(topN([1, 2], 0, (x) => x)).toEqual([]);
  });
});
