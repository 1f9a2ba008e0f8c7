/** What the bot says for a turn it keeps: the reply, its sources and the offer of a person. */
import { describe, expect, it } from 'vitest';
import { ODD_INPUT_REPLY } from '../../engine/conversation/odd-input';
import { botReply, SUGGEST_TEXT } from './handoff';

const answer = {
  text: 'Orders ship in 2 to 4 business days.',
  citations: [{ chunkId: 'c1', title: 'Shipping', url: null }],
  abstained: false,
};

describe('botReply', () => {
  it('says the answer with its sources', () => {
    expect(botReply(answer, { action: 'answer', reason: null })).toEqual({
      text: answer.text,
      citations: answer.citations,
      offersPerson: false,
      carriesAnswer: true,
      smallTalk: false,
    });
  });

  it('cites nothing for small talk that replaces the answer', () => {
    const reply = botReply(answer, { action: 'answer', reason: null, reply: ODD_INPUT_REPLY.thanks });
    // Nor carries the answer's confidence: the inbox shows none for it.
    expect(reply).toEqual({
      text: ODD_INPUT_REPLY.thanks,
      citations: [],
      offersPerson: false,
      carriesAnswer: false,
      smallTalk: true,
    });
  });

  it('keeps the sources of an answer said after an apology, and offers a person', () => {
    const reply = botReply(answer, {
      action: 'suggest',
      reason: 'frustration',
      preface: "I'm sorry this has been frustrating.",
    });
    expect(reply.citations).toEqual(answer.citations);
    expect(reply.text).toBe(`I'm sorry this has been frustrating. ${answer.text}\n\n${SUGGEST_TEXT}`);
    expect(reply.offersPerson).toBe(true);
  });

  it('offers a person without the offer text when the bot could not answer', () => {
    const unsure = { text: "I'm not sure I can answer that.", citations: [], abstained: true };
    expect(botReply(unsure, { action: 'suggest', reason: 'low_confidence' })).toEqual({
      text: unsure.text,
      citations: [],
      offersPerson: true,
      carriesAnswer: true,
      smallTalk: false,
    });
  });
});
