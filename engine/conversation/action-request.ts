/**
 * Does the visitor ask the shop to do something to an order, booking or plan of their own? "please
 * cancel my membership end of june", "need to move my booking from friday to monday", "want to
 * switch from off peak to the flex plan, can u do that". The content can say how cancelling or
 * switching works, and answers with confidence, but the visitor asked for it to be done, which
 * only a person can: when the admin marked the topic as needing a person, such a request is that
 * topic (handoff.ts). A question of how it works ("can I cancel my membership?", "how do I change
 * my address", "what happens if I cancel the class") is not a request. A time asked for
 * something of theirs is one ("id like to set up a consultation for my daughters wedding").
 */
const ACTION_REQUEST = new RegExp(
  [
    // Asked for: "please …", "I need to …", "we'd like to …", "can you …", or the bare "need to …".
    "(?:^|\\b(?:please|(?:i|we)\\s*(?:need|want|would\\s+like|'d\\s+like|d\\s+like|wanna)\\s+to|(?:can|could)\\s+(?:you|u)\\s+(?:please\\s+)?)\\s*)",
    '(?:(?:need|want|would\\s+like|wanna)\\s+to\\s+)?',
    // Done to something of theirs.
    '(?:cancel|change|move|switch|reschedule|upgrade|downgrade|freeze|pause|transfer|postpone)\\s+(?:(?:my|our|the)\\b|from\\b)',
  ].join(''),
  'i',
);

/**
 * A change to a booking or order of their own in other words: "add one more person to my
 * reservation", "can i push them to later in the month", "bump it to next week".
 */
const CHANGE_OF_THEIR_OWN =
  /\badd\s+(?:[\w'-]+\s+){0,3}to\s+(?:my|our)\s+(?:[\w'-]+\s+){0,2}(?:booking|reservation|order|appointment|subscription|box|party|class|lesson)\b|\b(?:push|bump|move)\s+(?:it|them|this|that|my\s+\w+|our\s+\w+)\s+(?:back|to\s+(?:later|next|another|a\s+later|the\s+\w+))\b/i;

/** Asked to be given a time: "set up a consultation", "id like to set up a time to bring in…". */
export const SET_UP = /\bset\s+up\s+(?:a|an)\s+(?:time|consultation|appointment|tasting|meeting|call|visit)\b/i;

/** Whether a message asks the shop to change or cancel something of the visitor's own, or for a time. */
export function actionRequest(text: string): boolean {
  return ACTION_REQUEST.test(text) || SET_UP.test(text) || CHANGE_OF_THEIR_OWN.test(text);
}
