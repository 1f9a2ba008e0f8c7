import { describe, expect, it } from 'vitest';
import { actionRequest } from './action-request';

describe('actionRequest', () => {
  it.each([
    'please cancel my membership end of june, im moving',
    'need to move my booking from friday to monday morning',
    'want to switch from off peak to the flex plan next month, can u do that',
    'I need to cancel the order i placed this morning',
    'can you reschedule our party to the 14th',
    'id like to set up a consultation for my daughters wedding',
    'we booked the 6pm class, can we push it to next week',
    'please add two more people to our dinner reservation',
  ])('reads "%s" as a request to act', (text) => {
    expect(actionRequest(text)).toBe(true);
  });

  it.each([
    'can i cancel my membership',
    'how do I change my address',
    'what happens if i cancel the class',
    'do you charge to change sizes',
    'please tell me your hours',
    'how long does it take to set up the booth',
    'can i add a gift note to an order',
    'what happens if i push back my start date',
  ])('reads "%s" as a question of how it works', (text) => {
    expect(actionRequest(text)).toBe(false);
  });
});
