/**
 * The customer's phrases the spelling pass (spelling.ts) reads as the shop's words: chat
 * shorthand, everyday phrasings ("send it back" for "return"), where a place names a destination,
 * and the words around a question that ask nothing.
 */
import { SUBDIVISIONS } from '../text/places';

/** Chat shorthand English writers use, with what it stands for. */
export const SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thank you',
  bday: 'birthday',
  whats: 'what is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  wat: 'what',
  wut: 'what',
  wanna: 'want to',
  gonna: 'going to',
  cuz: 'because',
  coz: 'because',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmrrw: 'tomorrow',
  tonite: 'tonight',
  nite: 'night',
  pic: 'picture',
  pics: 'pictures',
  msg: 'message',
  asap: 'as soon as possible',
  abt: 'about',
  bc: 'because',
  b4: 'before',
  hrs: 'hours',
  mins: 'minutes',
  addr: 'address',
  pkg: 'package',
  qty: 'quantity',
  wk: 'week',
  wks: 'weeks',
  yr: 'year',
  yrs: 'years',
  hr: 'hour',
  mos: 'months',
  intro: 'introduction',
  info: 'information',
  appt: 'appointment',
  appts: 'appointments',
  approx: 'approximately',
  avail: 'available',
  ppl: 'people',
  w: 'with',
  xmas: 'christmas',
};

/**
 * Everyday phrasings and the words shops write for them: the first of `to` the shop writes
 * replaces the phrase, unless the shop writes one of `unless` (then the customer's word is the
 * shop's too). Written for customer service in general, not for any one shop.
 */
export const PHRASINGS: readonly {
  re: RegExp;
  to: readonly string[];
  unless?: readonly string[];
  /** Only when the shop writes `to` in a heading or a Q&A question, not only in passing. */
  heading?: boolean;
  /** The phrase stays and the shop's word follows it (the phrase is the question itself). */
  keep?: boolean;
}[] = [
  {
    // "send it back", "bring the jacket back", "can I take them back"
    re: /\b(?:send|bring|take|post|mail|ship)\s+(?:[\p{L}']+\s+){0,2}?back\b/giu,
    to: ['return', 'returns', 'returned'],
  },
  { re: /\b(?:my|our|the|a|your)\s+money\s+back\b/giu, to: ['refund', 'refunds', 'refunded'] },
  {
    // "how long to get to me", "when will it get here", "arrive to my house"
    re: /\b(?:get|gets|getting|come|arrive)\s+(?:to\s+(?:me|us|my\s+[\p{L}']+)|here)\b/giu,
    to: ['delivery', 'shipping', 'delivered', 'shipped'],
  },
  {
    // "when are you open", "are you open on sunday", "what time do you close", "opening times":
    // shops head that section "Hours" and write the days and times under it, often without
    // "open", which a class's "open studio" then outranked. Only for a shop with a heading (or a
    // Q&A question) of hours: an online shop whose care guide says "dry for 2 to 3 hours" has none.
    re: /\b(?:(?<=\b(?:when|what\s+time|what\s+days?|are|is|till|until)\s+(?:are\s+|do\s+|does\s+|is\s+)?(?:you|u|y'all|ya|it|the\s+[\p{L}]+)\s+)(?:open|close|closed|closing)(?!\s+to\b)|open(?:ing)?\s+(?:times?|days)|closing\s+times?)\b/giu,
    to: ['hours'],
    heading: true,
  },
  {
    // "where are you located", "where is the shop based": shops head that section "Visit us",
    // "Location" or "Getting here" and write the street, never "located". "Address" last: a shop
    // heads "Wrong addresses" and "Email address" too.
    re: /(?<=\bwhere\s+(?:are\s+you|r\s+u|is\s+(?:the|your)\s+[\p{L}]+)\s+)(?:located|based|situated)\b/giu,
    to: ['location', 'visit', 'directions', 'getting here', 'find us', 'address'],
    heading: true,
  },
  {
    // "where are you?", and nothing else: the question is the shop's place.
    re: /\bwhere\s+(?:are\s+you|r\s+u|is\s+(?:the|your)\s+(?:shop|store|studio|cafe|café|bakery|nursery|showroom))(?:\s+guys)?(?=\s*[?.!]*\s*$)/giu,
    to: ['location', 'visit', 'directions', 'getting here', 'find us', 'address'],
    heading: true,
    keep: true,
  },
  {
    // "how do I contact you", "how can we reach you", "get in touch": "Contact us", or the
    // "Phone and email" a shop heads it with.
    re: /(?<=\b(?:how\s+(?:do|can|could|should)\s+(?:i|we)|can\s+(?:i|we)|way\s+to)\s+)(?:contact|reach|get\s+in\s+touch\s+with|get\s+hold\s+of)(?=\s+(?:you|u|the\s+[\p{L}]+)\b)/giu,
    to: ['contact', 'phone', 'email', 'call'],
    heading: true,
  },
  {
    // "can my 14 yr old take out a kayak", "my son is 16 and wants to sell his camera": a question
    // of the age limits, which shops write as "Ages 10 and up", "Age limits", "16+".
    re: /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]?(?:(?:yrs?|years?)[- ]old|y\/?o)\b|(?<=\b(?:son|daughter|kid|kids|child|boy|girl|he|she|they|teen|teenager|grandson|granddaughter|nephew|niece)\s+(?:is|are|turns?|turning|just\s+turned)\s+)\d{1,2}\b(?!\s*(?:am|pm|%|minutes?|hours?|days?|weeks?|months?|inch|in|cm|ft|feet|miles?|lbs?|pounds|kg|:))/giu,
    to: ['age', 'ages', 'aged'],
    keep: true,
  },
  {
    // "can I order online and grab it at the store", "grab my order in person": picking up, which
    // shops write as "Local pickup" or "Pick up in store", never "grab".
    re: /\b(?:grab|get|collect|fetch)\s+(?:it|them|(?:my|the|our)\s+[\p{L}]+)\s+(?:(?:at|from|in)\s+(?:the\s+|your\s+)?(?:store|shop)|in\s+person)\b/giu,
    to: ['pickup', 'pick up', 'collect', 'collection'],
  },
  {
    // "can I put my membership on hold", "put my deliveries on hold while I'm away": a pause, which
    // gyms write as "freeze" and shops as "pause" or "skip". Not "a book on hold for me".
    re: /\bput\s+(?:(?:my|our|the|it|them|a)\s+)?(?:[\p{L}]+\s+){0,2}?on\s+hold\b(?!\s+for\b)/giu,
    to: ['pause', 'freeze', 'suspend', 'skip'],
    keep: true,
  },
  {
    // "I saw it cheaper on another site, will you match it?": shops answer that under "Do you
    // price match?".
    re: /\b(?:cheaper|(?:lower|better)\s+price)\b|\bmatch(?=\s+(?:it|that|this|the|their|a)\b)/giu,
    to: ['price match'],
    heading: true,
  },
  {
    // "can I split the payment", "pay over a few months", "monthly payments": "Can I pay in
    // installments?", or the financing a shop heads it with.
    re: /\bsplit\s+(?:the\s+|my\s+|it\s+|a\s+)?(?:payments?|cost|bill|price)\b|\bpay(?:ing)?\s+(?:it\s+|for\s+it\s+)?(?:off\s+)?(?:over|in)\s+(?:a\s+few\s+|several\s+|\d+\s+)?months\b|\bmonthly\s+payments?\b|\bpayment\s+plans?\b/giu,
    to: ['installments', 'instalments', 'financing'],
    heading: true,
  },
  { re: /\bdecaf(?:feinated)?\b/giu, to: ['caffeine free', 'decaffeinated'], unless: ['decaf'] },
  { re: /\bswap(?:s|ped|ping)?\b/giu, to: ['exchange', 'exchanges'], unless: ['swap', 'swaps'] },
  {
    re: /\bgift\s+(?:vouchers?|certificates?)\b/giu,
    to: ['gift card', 'gift cards'],
    unless: ['voucher', 'vouchers', 'certificate', 'certificates'],
  },
];

/** What a place a customer names follows: a preposition or a shipping word (or the start). */
export const PLACE_BEFORE =
  '(?<=^|\\b(?:to|in|into|from|within|across|outside|of|ship|shipping|deliver|delivery|postage|post|mail)\\s+(?:the\\s+)?)';

/** What shops write for the country they ship within, in the order they are tried. */
export const HOME = [...new Set(SUBDIVISIONS.flatMap((s) => s.country))];

/** A question about sending something somewhere: where a place names a destination. */
export const SENDING =
  /\b(?:ship\w*|deliver\w*|post(?:age|al|ed)?|mail\w*|send\w*|sent|courier\w*|customs|duty|duties|imports?|international\w*|overseas|abroad|worldwide)\b/i;

/**
 * Words around a question that ask nothing themselves: "can you tell me about subscriptions?",
 * "I was wondering if you ship to Canada", "I'd like to know…". Every ranker would look for
 * "tell" and "wondering" in the shop's content, and the answer's confidence counts them as words
 * the content does not hold.
 */
export const FILLER = new RegExp(
  [
    '\\b(?:what\\s+)?(?:can|could|would)\\s+you\\s+(?:please\\s+)?(?:tell|explain\\s+to|let)\\s+me(?:\\s+know)?(?:\\s+(?:more\\s+)?about|\\s+if|\\s+whether)?\\b',
    '\\b(?:please\\s+)?tell\\s+me(?:\\s+(?:more\\s+)?about|\\s+if|\\s+whether)?\\b',
    "\\bi\\s+(?:was|am|'m)\\s+(?:just\\s+)?wondering(?:\\s+(?:if|whether|about))?\\b",
    "\\bi(?:'d|\\s+would)\\s+like\\s+to\\s+know(?:\\s+(?:if|whether|about))?\\b",
    '\\b(?:i\\s+have\\s+a\\s+)?(?:quick\\s+)?question\\s+about\\b',
    // "Quick question, do you…"
    '\\b(?:i\\s+have\\s+a\\s+)?quick\\s+question\\s*[,!.:;-]+',
  ].join('|'),
  'giu',
);
