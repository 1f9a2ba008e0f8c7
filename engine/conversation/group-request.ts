/**
 * Does the visitor ask for something for a party or a quantity of their own, or to be quoted?
 * "can our company rent out the whole gym after closing for 30 ppl", "planning my sister's
 * bachelorette, 12 of us", "we want 40 wooden puzzles, can we get a discount?", "can we set up a
 * tasting and get a quote". The shop's content may say how groups or quotes work; whether this
 * group fits, and at what price, is for a person. When the content has no answer, such a request
 * goes to the shop's handoff topic even when the tagger reads it only faintly as that topic
 * (handoff.ts): its words are the visitor's plans, not the topic's. Answered, it stays answered:
 * "how much is a private tasting for 10 people" is a question of price.
 */
import { SET_UP } from './action-request';

const PEOPLE =
  '(?:people|ppl|persons|guests|kids|children|adults|girls|boys|ladies|guys|friends|employees|staff|coworkers|students|attendees|participants|players|of us)';

/** A party of the visitor's own: "30 ppl", "about 150 guests", "like 10 kids", "12 of us". */
const PARTY = new RegExp(`\\b(?:[5-9]|[1-9]\\d{1,3})\\s+(?:\\w+\\s+)?${PEOPLE}\\b`, 'i');

/** A quantity the visitor wants: "we want 40 wooden puzzles", "we need 120 soap favours". */
const QUANTITY =
  /\b(?:i|we)\s*(?:want|need|would\s+like|'d\s+like|d\s+like|are\s+looking\s+for)\s+(?:about\s+|around\s+)?[1-9]\d{1,4}\s+[a-z]/i;

/** Asked to be quoted or given a time: "get a quote", "quote me", "set up a consultation". */
const QUOTE = /\b(?:get|send|need|want|give)\s+(?:me\s+|us\s+)?(?:a\s+)?(?:quote|estimate)\b|\bquote\s+(?:me|us)\b/i;

/** Whether the message asks for something for a party or quantity of the visitor's own, or a quote. */
export function groupRequest(text: string): boolean {
  return PARTY.test(text) || QUANTITY.test(text) || QUOTE.test(text) || SET_UP.test(text);
}
