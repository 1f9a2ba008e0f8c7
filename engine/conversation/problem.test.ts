import { describe, expect, it } from 'vitest';
import { reportsProblem } from './problem';

describe('reportsProblem', () => {
  it.each([
    'I was charged twice for the same order',
    'you double-charged me',
    'my delivery was supposed to come yesterday and never showed up',
    'my order from last week still hasn’t shown up',
    'the box arrived crushed and the frame is bent',
    'my delivery came today and half the pots were smashed',
    "you sent me a men's XL instead of a women's M",
    'I returned it 5 weeks ago and the refund still isn’t on my card',
    'where is my refund???',
    'tracking is stuck',
    'My snare drum arrived with a cracked shell, order 10442. What now?',
    'the guitar came with two broken strings',
    "our catering was supposed to arrive at 8 and it's 8:45",
    'my order is 3 days late',
    'still waiting for my refund',
    'the courier left my parcel at the wrong address',
    'it was delivered to my neighbour instead of me',
    'you sent me decaf instead of the regular I ordered',
    'the lamp arrived with the shade torn',
    'the play kitchen came with the oven door snapped off',
    'you sent me salt & pepper instead of the garlic blend',
    'tracking says delivered yesterday but there is nothing here',
    'the order was marked as delivered on monday, yet no parcel',
    'the jar came with a split seal',
    'you charged my card twice for the same lesson',
  ])('reads trouble in "%s"', (text) => expect(reportsProblem(text)).toBe(true));

  it.each([
    'what is your refund policy?',
    'what happens if my order arrives damaged?',
    'do you charge for shipping twice if I order two things?',
    'how long does delivery take?',
    'can I return a sweater I never wore?',
    'is my order ready for pickup?',
    'do you ship to Canada?',
    'I never know which size to pick',
    'does the kit come with a case?',
    'what if it arrives with a scratch?',
    'what happens if my order is late?',
    'when is my order supposed to arrive?',
    'is my order late?',
    "can it be left with a neighbour if I'm out?",
    'can you deliver to my neighbour?',
    'I left my umbrella at your store',
    'can you send me the blue one instead of the red?',
    'it arrived with everything I needed, thanks',
    'what does it mean when tracking says delivered?',
  ])('reads no trouble in "%s"', (text) => expect(reportsProblem(text)).toBe(false));
});
