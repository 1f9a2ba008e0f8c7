import { describe, expect, it } from 'vitest';
import { missedTargets } from './targets';

const targets = { firstResponseS: 120, resolutionS: 3600 };

describe('waiting-time targets', () => {
  it('a reply within the target is no breach; a late one is', () => {
    expect(missedTargets({ handoffAt: 0, firstReplyAt: 119_000, resolvedAt: 600_000, now: 9e9 }, targets)).toEqual({
      firstResponse: false,
      resolution: false,
    });
    expect(missedTargets({ handoffAt: 0, firstReplyAt: 121_000, resolvedAt: 3_601_000, now: 9e9 }, targets)).toEqual({
      firstResponse: true,
      resolution: true,
    });
  });

  it('nothing yet counts as a breach only once the target is past', () => {
    expect(missedTargets({ handoffAt: 0, firstReplyAt: null, resolvedAt: null, now: 60_000 }, targets)).toEqual({
      firstResponse: false,
      resolution: false,
    });
    expect(missedTargets({ handoffAt: 0, firstReplyAt: null, resolvedAt: null, now: 200_000 }, targets)).toEqual({
      firstResponse: true,
      resolution: false,
    });
  });
});
