/** Waiting-time targets: whether a handed-off chat missed its first-response or resolution target. */

export interface TargetTimes {
  firstResponseS: number;
  resolutionS: number;
}

/**
 * A handoff at `handoffAt`, first answered at `firstReplyAt` and resolved at `resolvedAt` (null:
 * not yet), judged at `now`: a target is missed when the answer (or resolve) came later than it, or
 * has still not come and the target is already past.
 */
export function missedTargets(
  t: { handoffAt: number; firstReplyAt: number | null; resolvedAt: number | null; now: number },
  targets: TargetTimes,
): { firstResponse: boolean; resolution: boolean } {
  const late = (done: number | null, targetS: number) => (done ?? t.now) - t.handoffAt > targetS * 1000;
  return {
    firstResponse: late(t.firstReplyAt, targets.firstResponseS),
    resolution: late(t.resolvedAt, targets.resolutionS),
  };
}
