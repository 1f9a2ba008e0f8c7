import { describe, expect, it } from 'vitest';
import { turnMs } from './turn';

describe("the bot's turn benchmark", () => {
  it('times whole turns that answer the demo questions', async () => {
    const t = await turnMs(2);
    expect(t.p50).toBeGreaterThan(0);
    expect(t.p99).toBeGreaterThanOrEqual(t.p50);
    // The load's questions are the demo's everyday ones: most are answered from its content.
    expect(t.answered).toBeGreaterThanOrEqual(0.75);
  });
});
