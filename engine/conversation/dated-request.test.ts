import { describe, expect, it } from 'vitest';
import { datedRequest } from './dated-request';

describe('datedRequest', () => {
  it.each([
    "I'd like to book a table for 8 on March 3rd",
    'is the 10am slot on saturday still free?',
    'can we reserve the back room next month for a baby shower',
    'we need 30 cakes for the 14th of june, can you do it?',
    'could we move our booking from the 8th to the 12th',
    'any availability tomorrow at 4pm?',
    'could you hold the blue bike for me this friday?',
  ])('reads a request for a day in "%s"', (text) => expect(datedRequest(text)).toBe(true));

  it.each([
    'how far ahead do I need to book a party',
    'are you open on saturday',
    'what time do you close on christmas eve',
    'how do I book a lesson?',
    'my order from march 3 never arrived',
    'do you have slots for kids classes',
    'how long do you hold an order for pickup',
    'we need a stall at the market 2 weeks from now, who do we ask',
    'do you need a decent 2 hour slot to learn the basics',
  ])('reads no request for a day in "%s"', (text) => expect(datedRequest(text)).toBe(false));
});
