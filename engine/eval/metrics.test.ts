import { describe, expect, it } from 'vitest';
import { aurocOf, firstRelevantRank, hitsAt, meanReciprocalRank, percentile } from './metrics';

describe('metrics', () => {
  it('computes AUROC with ties counting half', () => {
    expect(aurocOf([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(aurocOf([0.1], [0.9])).toBe(0);
    expect(aurocOf([0.5], [0.5])).toBe(0.5);
    expect(aurocOf([0.9, 0.4], [0.5])).toBe(0.5);
    expect(aurocOf([], [0.5])).toBeNaN();
  });
  it('ranks, MRR and hits@k from first relevant ranks', () => {
    expect(firstRelevantRank(['a', 'b', 'c'], ['c', 'b'])).toBe(2);
    expect(firstRelevantRank(['a'], ['z'])).toBe(0);
    expect(meanReciprocalRank([1, 2, 0, 4])).toBeCloseTo((1 + 0.5 + 0 + 0.25) / 4);
    expect(hitsAt([1, 2, 0, 6], 5)).toBe(0.5);
  });
  it('interpolates percentiles', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3], 100)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});
