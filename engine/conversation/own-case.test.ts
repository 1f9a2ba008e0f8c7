import { describe, expect, it } from 'vitest';
import { OWN_CASE_SHAPE, OWN_CASE_WORDS, ownCaseFeatures, ownCaseScore } from './own-case';

describe('ownCaseScore', () => {
  // Written for these tests, in no shop set's words; the model was fitted on BANKING77 alone.
  const own = [
    "fedex says my parcel was delivered yesterday but it's not here",
    'the rug we bought last week has a stain the photos didnt show',
    "there's still a hold on my card from the bike we returned on monday",
    'we booked the 10am lesson and nobody was there when we arrived',
    'you sent me the blue mug and i ordered the green one',
    "my refund from last week still hasn't shown up on my card",
  ];
  const policy = [
    'can I return an opened box?',
    'how long does delivery take',
    'do you ship to Canada?',
    'do you have gift cards',
    'do i need to bring my own helmet',
    'what payment methods do you accept',
  ];

  it('reads a story of what happened to the visitor above every question of how things work', () => {
    const lowestOwn = Math.min(...own.map(ownCaseScore));
    const highestPolicy = Math.max(...policy.map(ownCaseScore));
    expect(lowestOwn).toBeGreaterThan(highestPolicy);
    expect(lowestOwn).toBeGreaterThan(0.8);
    expect(highestPolicy).toBeLessThan(0.3);
  });

  it('reads nothing into an empty message', () => {
    expect(ownCaseScore('  ')).toBe(0);
  });

  it('gives the model one input per word and per shape', () => {
    const x = ownCaseFeatures('I ordered it last week, can you check?');
    expect(x).toHaveLength(OWN_CASE_WORDS.length + OWN_CASE_SHAPE.length);
    expect(x[OWN_CASE_WORDS.indexOf('ordered')]).toBe(1);
    expect(x[OWN_CASE_WORDS.indexOf('never')]).toBe(0);
    expect(x[OWN_CASE_WORDS.length + OWN_CASE_SHAPE.indexOf('iDid')]).toBe(1);
    expect(x[OWN_CASE_WORDS.length + OWN_CASE_SHAPE.indexOf('questionMark')]).toBe(1);
  });
});
