/**
 * Does the visitor ask for something on a day of their own: a booking, a slot, an order for a
 * date? "id like to book the classic party for my son on saturday march 14", "is the 1pm slot free
 * on june 7?", "we need 120 favours for our wedding on september 19". The shop's content can say
 * how bookings work, but not whether that day is free or that order can be made: when the admin
 * marked the topic as needing a person, such a request is that topic even though the content
 * seems to answer it (handoff.ts).
 */

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?';

/** A day or a time of the visitor's own: "march 14", "the 22nd", "this saturday", "1pm", "tomorrow". */
const WHEN = new RegExp(
  [
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`,
    `\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b`,
    `\\b(?:this|next|on)\\s+(?:coming\\s+)?${WEEKDAY}\\b`,
    `\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b`,
    `\\b(?:tomorrow|tonight)\\b`,
    `\\bnext\\s+(?:week|month)\\b`,
  ].join('|'),
  'i',
);

/** Asking for it, or whether it can be had: book, reserve, hold, a slot, free, available, "we need". */
const ASKS = new RegExp(
  [
    '\\b(?:book|booking|reserve|reservation|schedule)\\b',
    '\\bslots?\\b',
    '\\bavailab\\w*',
    '\\b(?:is|are)\\b[^.?!]{0,40}\\b(?:free|still open)\\b',
    "\\b(?:i'd|id|i would|we'd|we would) like\\b",
    '\\bwe need\\b',
    '\\bcan you (?:do|make|fit)\\b',
    '\\b(?:move|change)\\s+(?:our|my)\\b',
    '\\bhold\\b[^.?!]{0,40}\\bfor (?:me|us)\\b',
  ].join('|'),
  'i',
);

/** Whether the message asks for a booking, a slot or an order on a day of the visitor's own. */
export function datedRequest(text: string): boolean {
  return WHEN.test(text) && ASKS.test(text);
}
