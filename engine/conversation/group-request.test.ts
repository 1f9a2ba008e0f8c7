import { describe, expect, it } from 'vitest';
import { groupRequest } from './group-request';

describe('groupRequest', () => {
  it.each([
    'can our company rent out the whole gym after closing for 30 ppl',
    "planning my sister's bachelorette, 12 of us on aug 9",
    'my daughter turns 8 in march, want to do her party there with like 10 kids',
    'we want 40 wooden puzzles, can we get a discount?',
    'we need 120 soap favours for our wedding',
    'can we set up a tasting and get a quote',
    'quote me a custom build please',
  ])('reads "%s" as a request of the visitor\'s own', (text) => {
    expect(groupRequest(text)).toBe(true);
  });

  it.each([
    'do you do group discounts',
    'how long is the 2 hour class',
    'my 4 year old wants to come, is that ok',
    'how much is shipping for 3 items',
    'is there a minimum age for kids',
    'open 7 days a week?',
  ])('reads "%s" as a question of how things work', (text) => {
    expect(groupRequest(text)).toBe(false);
  });
});
