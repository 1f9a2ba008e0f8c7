import { describe, expect, it } from 'vitest';
import { auroc, binaryCounts, macroF1, quantile } from './stats';

describe('stats', () => {
  it('computes AUROC with ties counted half', () => {
    expect(auroc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(auroc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
    expect(auroc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(auroc([0.9, 0.3, 0.6, 0.1], [true, true, false, false])).toBe(0.75);
    expect(auroc([0.1, 0.2], [true, true])).toBeUndefined();
  });

  it('computes precision, recall, F1 and macro F1', () => {
    expect(binaryCounts([true, true, false, false], [true, false, true, false])).toEqual({
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(binaryCounts([false], [false])).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(macroF1(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo((2 / 3 + 2 / 3) / 2, 10);
  });

  it('takes nearest-rank quantiles', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 1)).toBe(5);
    expect(quantile([], 0.5)).toBe(0);
  });
});
