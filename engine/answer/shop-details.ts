/**
 * The shop's own details asked for plainly: "what's your phone number", "how do I contact you",
 * "where are you located", "what are your hours", "do you ship internationally", "what payment
 * methods do you accept", "do you offer any discounts". Every shop is asked them and nearly every
 * shop writes them, but rarely in the question's words: the number sits in a footer or under
 * "Get in touch", the cards under "Paying", "US only" under "Where we ship". Retrieval finds such
 * a passage among its best few and then doubts it, the words of the question being everywhere
 * ("call us to book") or nowhere ("(512) 555-0139"). Here the question is read for what it asks,
 * and the passage that holds it is found by its facts: the shop's own number, address or street
 * (the one most of its pages repeat, or the only one it writes), the week's days and times, where
 * it ships, how long shipping takes and what it costs, the most ways to pay (or the one named),
 * the most discounts in figures ("10% off"), its loyalty scheme. Only for a question that asks
 * for nothing else, however it is typed ("r u open tmrw", "whats ur adress", the clause that asks
 * after the visitor's story): "can I call you about my order" goes the usual way.
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, SearchHit } from '../retrieve/types';
import { EMAIL_PATTERN, factKinds, PHONE_PATTERN, type AnswerKind } from '../text/answer-type';
import { normalize, normalizedLine, terms } from '../text/index';
import { askingClause } from '../text/clauses';
import { ABROAD, COUNTRIES } from '../text/places';
import { ASK_SLACK, likelyAsk, SAME_ASK } from './ask-kinds';

/** Ways to pay a shop names: cards and their brands, wallets, pay-later services, cash, cheques. */
const MEANS =
  '(?:visa|master ?card|amex|american express|discover|pay ?pal|apple pay|google pay|shop pay|venmo|zelle|klarna|afterpay|affirm|sezzle|buy now pay later|eftpos|interac|e-?transfers?|cash|cheques?|checks?|(?:credit|debit|bank) cards?|cards?|contactless|bank transfers?|wire transfers?|invoices?|purchase orders?|bitcoin|crypto)';
export const PAYMENT_MEANS = new RegExp(`\\b${MEANS}\\b`);
/** A way to pay by its brand: asked after with any verb ("do you do klarna", "got apple pay?"). */
const BRAND =
  '(?:visa|master ?card|amex|american express|pay ?pal|apple pay|google pay|shop pay|venmo|zelle|klarna|afterpay|affirm|sezzle|eftpos|interac|e-?transfers?)';
/**
 * The ways to pay a list is counted by: not a bare "card" or "check", which a passage says of gift
 * cards and of checking an order, nor "discover".
 */
const LISTED_MEANS =
  /\b(?:visa|master ?card|amex|american express|pay ?pal|apple pay|google pay|shop pay|venmo|zelle|klarna|afterpay|affirm|sezzle|eftpos|interac|cash|cheques?|(?:credit|debit|bank) cards?|contactless|(?:bank|wire) transfers?|purchase orders?|bitcoin|crypto)\b/g;

/**
 * A question for the ways to pay ("what payment methods do you accept", "do you take Apple
 * Pay?"): answered by text that names some, not by "refunded to your original payment method".
 */
export const PAYMENT_QUESTION = new RegExp(
  `^\\s*${MEANS}(?: or ${MEANS})?\\s*\\??\\s*$|\\b(?:do|have|offer|support|use|got)s? ${BRAND}\\b|\\b(?:payment (?:methods?|options?|types?)|(?:ways?|methods?|forms?|kinds?|types?) (?:of|to) pay(?:ment)?|how (?:can|do|could) (?:i|we) pay|(?:ways?|methods?) (?:i|we) (?:can )?pay|pay (?:with|by|using|via|in)|(?:take|accept)s? ${MEANS}|pay ${MEANS}|${MEANS} (?:accepted|available|ok|(?:do|does|can) (?:you|u) (?:take|accept)))\\b`,
);

/**
 * Words any plain request may hold beside stopwords: a greeting, "please", the way it is put
 * ("hi there, could you tell me what your opening hours are please", "whats ur number pls").
 */
const FILLER = new Set(
  terms(
    `whats hows wheres ur u pls plz please hi hey hello there thanks thank thx cheers get give need want find know tell let
    shop store guys yall ya folks wonder wondering whether like love could would possible exactly roughly usually normally`,
  ),
);
/** The words a plain request for the shop's number or address is made of, beside those. */
const CONTACT_WORDS = new Set(
  terms(
    `phone telephone number contact email mail address call reach ring text touch details info information best way
    line customer service support team someone speak talk landline tel place something form hold`,
  ),
);
/** The words of placing an order, which a request for the number to call may end with. */
const PLACING = new Set(terms('place make order'));
/** What a plain request for the shop's number, email, address or a way to reach it names. */
const CONTACT_ASKED =
  /\b(?:(?:tele)?phone|number|call|ring|text|e-?mail|contact|reach|touch|address|landline|tel no|get (?:a )?hold of)\b/;
/** A phone number asked for: "number to call?", "what number do i ring", "whats the shops phone #". */
const PHONE_ASKED = /\b(?:(?:tele)?phone|number|call|ring|text|landline|tel no)\b/;

/**
 * Chat spellings read as words before a plain request is read: "r u open tmrw", "whats ur adress",
 * "are yall open rn". The engine's own spelling correction reads the shop's words; these are the
 * visitor's.
 */
const CHAT_SPELLINGS: [RegExp, string][] = [
  [/\br\b/g, 'are'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\by(?:'|’)?all\b/g, 'you'],
  [/\byou guys\b/g, 'you'],
  [/\brn\b/g, 'right now'],
  [/\btm(?:r|rw|rrw)\b/g, 'tomorrow'],
  [/\bwat\b/g, 'what'],
  [/\badr?ress?\b/g, 'address'],
  [/\bnumbr\b/g, 'number'],
  [/\bhrs\b/g, 'hours'],
  [/\bwheres\b/g, 'where is'],
  [/\bship(?:ing|pin)\b/g, 'shipping'],
  [/\brecieve\b/g, 'receive'],
  [/\s*#(?=\s|$|\?)/g, ' number'],
];

function readChat(query: string): string {
  let q = normalizedLine(query);
  for (const [from, to] of CHAT_SPELLINGS) q = q.replace(from, to);
  return q;
}

/**
 * The customers a discount may be for: "do you do a student discount" is answered only by a
 * passage that names them (a shop without one says nothing of students).
 */
const GROUPS = /\b(?:students?|seniors?|pensioners?|military|veterans?|nhs|teachers?|nurses?|responders?|healthcare)\b/;
/** A question for the shop's discounts ("do you offer any discounts", "any deals?", "is there a sale on rn"). */
const DISCOUNT_QUESTION = /\b(?:discounts?|deals?|coupons?|promos?|promo codes?|specials?|sales?|concessions?)\b/;
/** The words a plain question for the shop's discounts is made of. */
const DISCOUNT_WORDS = new Set(
  terms(
    `discount discounts deal deals coupon coupons promo promos code codes special specials sale sales offer offers run
    have any available current currently right now going use order moment minute concession concessions customer
    customers bulk buy ${GROUPS.source.replace(/[^a-z ]+/g, ' ')}`,
  ),
);
/**
 * A discount a passage offers, in figures: "10% off", "15 percent off", "a 20% discount", "half
 * price", "$5 off". Not the word "discount" alone: "discount codes can't be used on gift cards".
 */
const OFFER = /\b\d{1,2}(?:\s?%|\s+percent)\s+(?:off|discount)\b|\bhalf[ -](?:price|off)\b|\$\d+(?:\.\d\d)?\s+off\b/g;
/** The words a plain question for the ways to pay is made of. */
const PAYMENT_WORDS = new Set(
  terms(
    `payment pay methods options types ways forms kinds accept accepted take use available ok checkout online
    store cards paypal mastercard etransfer etransfers got ${MEANS.replace(/[^a-z ]+/g, ' ')}`,
  ),
);

const PHONE = new RegExp(PHONE_PATTERN, 'g');
const EMAIL = new RegExp(EMAIL_PATTERN, 'g');

export type DetailAsked =
  | 'phone'
  | 'email'
  | 'contact'
  | 'payment'
  | 'discount'
  | 'place'
  | 'hours'
  | 'holiday'
  | 'abroad'
  | 'shipTime'
  | 'shipCost'
  | 'loyalty';

/** A plain question whether the shop ships abroad: "do you ship internationally", "ship overseas?". */
const ABROAD_QUESTION =
  /^\s*(?:do (?:you|u) |can (?:you|u) |will (?:you|u) )?(?:ship|deliver|send)(?:ping)?\s+(?:(?:orders?|items?|things|stuff|packages?|parcels?)\s+)?(?:internationally|overseas|abroad|worldwide|outside (?:the )?(?:us|usa|u\.s\.?|united states|uk|country))\s*\??\s*$|^\s*(?:international|overseas|worldwide) (?:shipping|delivery)\s*\??\s*$/;
/** Sending or ordering: what a question whether the shop ships abroad is about. */
const SENDING =
  /\b(?:ship|ships|shipping|shipped|deliver|delivers|delivery|send|sends|post|posting|mail|order|orders|ordering)\b/;
/** A country, a region or a word for abroad ("do you ship to germany", "I live in the UK"). */
const ABROAD_NAMED = new RegExp(
  `\\b(?:${[...ABROAD, ...COUNTRIES.flat()].map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`,
);
/** The words such a question is made of, beside the places. */
const ABROAD_WORDS = new Set(
  terms(
    `ship ships shipping shipped deliver delivers delivery send sends post posting mail order orders ordering
    international internationally overseas abroad worldwide outside country countries live living based which
    where item items package packages parcel stuff things still domestic only just available`,
  ).concat(COUNTRIES.flat().flatMap((p) => terms(p))),
);
/** How many of the best hits are read for where the shop ships. */
const ABROAD_HITS = 3;
/** Searched for with the question when none of those says where the shop ships. */
const ABROAD_SEARCHED = 'ship shipping international countries';
/** Where a passage says the shop ships: "only within the United States", "we don't ship outside the US". */
const SHIPS_WHERE =
  /\b(?:ship|ships|shipping|deliver|delivers|delivery|send)\b[^.?!]{0,80}?\b(?:internationally|international|abroad|overseas|worldwide|outside|countries|only (?:to|within)|within (?:the )?(?:us|u\.s\.|usa|united states|uk|lower 48|contiguous|continental|\d+ states)|(?:to|in) (?:the )?(?:lower 48|contiguous|continental|\d+ (?:contiguous )?states))\b/i;

/** Shipping, delivery or an order on its way: what a plain question on shipping names. */
const SHIPPING_ASKED =
  /\b(?:ship|ships|shipped|shipping|deliver|delivers|delivered|delivery|postage|posting|arrive|arrives|transit|dispatch|package|parcel|when will (?:it|my order|they) (?:come|get here)|when will (?:i|we) (?:get|receive) (?:it|my order|our order)|get here by)\b/;
/** How long shipping takes: "how fast do u ship", "whats the delivery timeframe", "how long til it gets here". */
const SHIP_TIME_ASKED =
  /\b(?:how (?:long|fast|quick|quickly|soon)|how (?:many|much) (?:business )?days|time ?frame|turnaround|next[- ]day|same[- ]day|express|(?:delivery|shipping|transit) times?|til+|until|when (?:will|would|does|do|should)\b.{0,40}\b(?:arrive|get here|come|ship|receive)|get here by)\b/;
/** The words such a question is made of. */
const SHIP_TIME_WORDS = new Set(
  terms(
    `long fast quick quickly soon many days day business time times timeframe frame take takes ship ships shipping
    shipped deliver delivers delivery delivered arrive arrives arrival get gets here package parcel order orders
    usually normally typically typical standard transit dispatch til till until receive recieve place placed turnaround
    posting post out express next same compared compare need after pay paid today if come comes much`,
  ),
);
/** What shipping costs: "shipping cost?", "do you have free shipping over a certain amount". */
const SHIP_COST_ASKED =
  /\b(?:how much|costs?|price|fees?|charges?|rates?|free|what (?:will |would )?(?:the )?(?:shipping|postage|delivery) (?:will |would )?be)\b/;
const SHIP_COST_WORDS = new Set(
  terms(
    `much cost costs price fee fees charge charges rate rates free ship shipping deliver delivery postage order orders
    small amount certain over minimum standard flat money total packing packaging will be`,
  ),
);
/** A section on shipping or delivery, by its heading or its page's: "Shipping — Rates and transit times". */
const SHIPPING_TITLE = /\b(?:ship|shipping|deliver|delivery|deliveries|postage|dispatch|transit|couriers?)\b/;
/** A page on selling to the shop, where the shop is the one paying: "Sell your gear", "Trade-ins". */
const PAYOUT_TITLE = /\b(?:sell(?:ing)? (?:your|us|to us)|trade[- ]?ins?|consign(?:ing|ment|ments)?)\b/;
/** A section on what shipping costs, by its own heading: "Rates", "Delivery zones and fees". */
const COST_HEADING = /\b(?:rates?|fees?|costs?|prices?|pricing|charges?)\b/;
/** A section on how long shipping takes: "Delivery times", "Processing and transit". */
const TIME_HEADING = /\b(?:times?|timing|timeframes?|how long|transit|turnaround|dispatch|processing)\b/;
/** A section's own heading. */
const ownHeading = (h: SearchHit) => normalize(h.chunk.headingPath.at(-1) ?? h.chunk.title);
/** A section on sending a return back, not on shipping an order: "Return shipping costs". */
const RETURN_SHIPPING = /\breturns? (?:shipping|postage|labels?)\b/;
/** A page for one kind of customer, not the question's unless it names them: "Wholesale", "Corporate gifts". */
const AUDIENCE_TITLE =
  /\b(?:wholesale|corporate|trade|business|bulk|contractors?|workplace|employers?|subscriptions?|weddings?|events?)\b/;
/** A question for a loyalty scheme: "rewards program?", "do i get points when i shop", "perks for regulars". */
const LOYALTY_ASKED =
  /\b(?:loyalty|rewards?|points?|perks?|punch ?cards?|stamp ?cards?|frequent (?:buyer|shopper|customer)s?|(?:repeat|regular) customers?|regulars|vip (?:club|program|programme|scheme)|members? (?:club|program|programme|scheme))\b/;
/** The words such a question is made of. */
const LOYALTY_WORDS = new Set(
  terms(
    `loyalty reward rewards program programme scheme points point system perks perk punch stamp card club earn
    join sign frequent repeat regular regulars customers customer buyer shopper shop shopping kind any membership vip
    member members collect`,
  ),
);
/**
 * A loyalty scheme a passage describes: "earn 1 point per dollar", "a stamp for every $10", "rewards
 * card". Not a "punch card": a gym's or a studio's is ten visits paid ahead.
 */
const LOYALTY_TEXT =
  /\b(?:loyalty|rewards? (?:program|programme|card|club|points?)|stamp ?cards?|a stamp|stamps?\b[^.]{0,40}\b(?:free|off)|earn \d* ?points?|points? (?:per|for every|on every)|frequent (?:reader|buyer|shopper|customer)s?)\b/;

/** Searched for with the question when none of its best hits describes a loyalty scheme. */
const LOYALTY_SEARCHED = 'loyalty rewards program points stamp card';
/** How many of the best hits are read for the shop's shipping times or costs. */
const SHIPPING_HITS = 3;
/** Searched for with the question when none of those holds them. */
const SHIPPING_SEARCHED = 'shipping delivery';

/** A question about opening or closing: "what are your hours", "what time do you close today". */
const HOURS_ASKED =
  /\b(?:hours|open|opens|opening|close|closes|closing|trading (?:hours|days|times))\b|\bwhen (?:can|could|should|do) (?:i|we) (?:come|stop|drop|swing|pop) (?:by|in|over)\b|\b(?:days?|hours|when) (?:do|does) (?:you|the (?:shop|store)) trade\b/;
/**
 * The words a plain question for the shop's hours is made of: "r u open tmrw", "how late are you
 * open tonight", "are you open on saturdays". Not a holiday's name: holiday hours are their own
 * section.
 */
const HOURS_WORDS = new Set(
  terms(
    `hours hour open opening close closing store shop business time times day days today tomorrow tonight weekend
    weekends morning mornings evening evenings night late early week regular monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun right now currently still come stop drop swing pop
    till until weekday weekdays every daily just only trade trading`,
  ),
);
/** Something else's hours: "what time does the farmers market open", "when is the pool open". */
const OTHERS_OPEN =
  /\b(?:does|do|is|are|will) (?:the|your|ur) (?!(?:shop|store|place|business)\b)[a-z]+(?: [a-z]+)? (?:open|opens|close|closes|start|starts)\b/;
/** Closing said otherwise: "do you shut over christmas", "trading on boxing day". */
const SHUT = /\b(?:shut|closed|trading|trade)\b/;
/** The words a plain question for the shop's hours on a holiday is made of, beside the hours' own. */
const HOLIDAY_WORDS = new Set([
  ...HOURS_WORDS,
  ...terms(
    `holiday holidays bank public thanksgiving christmas xmas easter new year years boxing independence 4th fourth
    july memorial labor labour good eid diwali hanukkah passover eve period during over season break shut closed
    trading monday`,
  ),
]);
/** A day of the week, alone or in a range ("Tue–Sat"). */
const WEEKDAY = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b/g;
/** A time of day: "8 am", "10:30", "noon". */
const CLOCK = /\b\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d\d\b|\bnoon\b/;
/** Words of opening hours, not of shipping days: "open", "hours", "closed". */
const OPEN = /\b(?:open|opens|opening|hours|closed|closes)\b/;
/**
 * A holiday ("are you open on holidays?", "…on Thanksgiving?"): the week's opening hours do not say
 * whether the shop opens on one, so they answer only beside a word of holidays or a date.
 */
export const HOLIDAY =
  /\b(?:(?:bank |public )?holidays?|thanksgiving|christmas|xmas|easter|new year'?s?|boxing day|independence day|(?:4th|fourth) of july|memorial day|labou?r day|good friday|eid|diwali|hanukkah|passover)\b/;
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A day of the year: "December 24", "Jan 1st", "25 December". */
export const DATE = new RegExp(`\\b${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH}\\b`);

/** A section on holiday or seasonal hours. */
const HOLIDAY_TITLE = /\b(?:holidays?|christmas|thanksgiving|easter|seasonal|special hours)\b/;
/**
 * A heading of the shop's own hours: "Hours", "Opening times", "Visit us", "Find us"; not a
 * footer's "Contact", nor "Group visits" or "Visit times" for a school trip.
 */
const HOURS_HEADING =
  /\b(?:hours|opening|open)\b|\b(?:visit(?:ing)?|find(?:ing)?) (?:us|the (?:shop|store|studio|counter))\b/;
/** The days of a week: a heading of the shop's hours counts as naming them all again. */
const WEEK = 7;
/** Searched for with the question when none of its best hits gives the hours on holidays. */
const HOLIDAY_WORDS_SEARCHED = 'holiday hours closed';
/** Searched for with the question when none of its own best hits gives the hours. */
const HOURS_WORDS_SEARCHED = 'opening hours open';
/** A passage gives the week's hours when it names at least this many days, and a time. */
const MIN_DAYS = 2;

/** The words a plain question for where the shop is is made of: "what street are you on". */
const PLACE_WORDS = new Set(
  terms(
    `where whereabouts located location situated based find physical address directions street visit exactly actually
    shopfront storefront walk online only`,
  ),
);
/** "where are you", "where r u guys", "where is the shop", "how do i find your shop". */
const WHERE_ARE_YOU =
  /^\s*where(?:abouts)?(?:'s| is| are| r)?\s+(?:you|u|ya|the (?:shop|store)|your (?:shop|store))\b|\bfind (?:you|your (?:shop|store)|the (?:shop|store))\b|\bwhere (?:is|are) (?:your|the) (?:shop|store)\b/;
/** "are you near downtown", "r u close to the station": where the shop is, asked of a place the visitor names. */
const NEAR_ASKED =
  /^(?:hi |hey |hello )?(?:(?:are|r) (?:you|u|ya)(?: guys)?|is (?:it|the (?:shop|store)|your (?:shop|store))) (?:near|close to|nearby|far from)\b/;
/** What else asks where the shop is: its address, location, a street, a store to visit. */
const PLACE_ASKED =
  /\b(?:address|located|location|directions|what street|physical (?:store|shop|location)|shopfront|storefront|where (?:exactly )?(?:are )?(?:you|your (?:shop|store))(?: are)? (?:based|situated))\b/;

/** A street address: "312 Warren Street", "1180 Mill Race Road", "2217 SE Hawthorne Blvd". */
const STREET =
  /\b(\d{1,5})\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl|court|ct|highway|hwy|pike|square|sq|parkway|pkwy)\b/g;

/** The kind of fact (text/answer-type.ts) a plain request is answered by, beside its words' own. */
export const DETAIL_FACT: Partial<Record<DetailAsked, AnswerKind>> = {
  discount: 'price',
  hours: 'time',
  holiday: 'time',
  place: 'place',
  shipTime: 'duration',
  shipCost: 'price',
};

/**
 * What a question asks for when it asks only for one of the shop's details: its number, address,
 * street, hours (on a holiday), where it ships, how long shipping takes or what it costs, ways to
 * pay, discounts or loyalty scheme. Read whole, else in its asking clause (text/clauses.ts).
 */
export function plainDetailAsked(query: string, learned = true): DetailAsked | null {
  const strict = detailAsked(query, STRICT);
  if (strict || !learned) return strict;
  // Else the ask it reads as with a few words of its own ("whats the postage on a heavy parcel"),
  // when that is the one it reads most like too ("can i pay with a gift card" reads
  // as a way to pay, and is most like a gift-card question: neither). Not a discount: the words
  // a discount ask adds are its condition ("for my first order", "for schools"), which the
  // shop's discounts may not meet.
  const loose = looseDetailAsked(query);
  if (loose === null || ((loose === 'shipCost' || loose === 'shipTime') && SHIPS_TO.test(readChat(query)))) return null;
  const kind = likelyAsk(query);
  return kind && kind !== 'discount' && (kind === loose || SAME_ASK[kind]?.includes(loose)) ? loose : null;
}

/**
 * Shipping to a place the visitor names ("how much to ship to texas"): the shop may not ship
 * there, which its rates and times do not say.
 */
const SHIPS_TO =
  /\b(?:ship|ships|shipping|shipped|deliver|delivery|send|post|postage|mail)(?:ing)? to (?!(?:me|you|us|my|our|your|the (?:shop|store))\b)[a-z]/;

/** The first detail a message asks for, each read with up to ASK_SLACK words of its own. */
export function looseDetailAsked(query: string): DetailAsked | null {
  return detailAsked(query, { slack: ASK_SLACK });
}

function detailAsked(query: string, reading: Reading): DetailAsked | null {
  const whole = detailIn(query, reading);
  const clause = askingClause(query);
  const asked = whole ?? (clause === null ? null : detailIn(clause, reading));
  // "Planning to stop by Saturday with my mom, what time do you open?" asks the hours. Not a
  // discount after the visitor's own case: "we want 40 wooden puzzles, can we get a discount"
  // asks for one on that order, for the team that quotes it.
  if (!whole && asked === 'discount') return null;
  // "We've got family visiting over Thanksgiving weekend… Will you be open?" asks for that day.
  return asked === 'hours' && HOLIDAY.test(readChat(query)) ? 'holiday' : asked;
}

/** How a message is read for a detail: made only of its words (and FILLER), but for `slack` others. */
interface Reading {
  slack: number;
}
const STRICT: Reading = { slack: 0 };

/** What a message asks for, read whole (plainDetailAsked reads its asking clause too). */
function detailIn(query: string, reading: Reading = STRICT): DetailAsked | null {
  const q = readChat(query);
  const words = terms(q).filter((w) => !FILLER.has(w));
  const fits = (own: (w: string) => boolean, list = words) => list.filter((w) => !own(w)).length <= reading.slack;
  const only = (set: ReadonlySet<string>) => fits((w) => set.has(w));
  if (!words.length) return WHERE_ARE_YOU.test(q) ? 'place' : null;
  // "is there a number i can ring to place an order": the number asked for, not the order's.
  const placing = (w: string) => !PLACING.has(w) || !/\b(?:place|make) an order\b/.test(q);
  if (CONTACT_ASKED.test(q) && fits((w) => CONTACT_WORDS.has(w), words.filter(placing)))
    return /\be-?mail\b/.test(q)
      ? 'email'
      : /\baddress\b/.test(q)
        ? 'place'
        : PHONE_ASKED.test(q)
          ? 'phone'
          : 'contact';
  if (PAYMENT_QUESTION.test(q) && only(PAYMENT_WORDS)) return 'payment';
  if (DISCOUNT_QUESTION.test(q) && only(DISCOUNT_WORDS)) return 'discount';
  if (((WHERE_ARE_YOU.test(q) || PLACE_ASKED.test(q)) && only(PLACE_WORDS)) || NEAR_ASKED.test(q)) return 'place';
  if (HOURS_ASKED.test(q) && only(HOURS_WORDS) && !OTHERS_OPEN.test(q)) return 'hours';
  if (HOLIDAY.test(q) && (HOURS_ASKED.test(q) || SHUT.test(q)) && only(HOLIDAY_WORDS)) return 'holiday';
  if (ABROAD_QUESTION.test(q) || (SENDING.test(q) && ABROAD_NAMED.test(q) && only(ABROAD_WORDS))) return 'abroad';
  if (LOYALTY_ASKED.test(q) && only(LOYALTY_WORDS)) return 'loyalty';
  if (SHIPPING_ASKED.test(q) && SHIP_TIME_ASKED.test(q) && only(SHIP_TIME_WORDS)) return 'shipTime';
  // An amount is part of a cost question: "how much is shipping on a $60 order".
  if (SHIPPING_ASKED.test(q) && SHIP_COST_ASKED.test(q) && fits((w) => SHIP_COST_WORDS.has(w) || /^\d+$/.test(w)))
    return 'shipCost';
  return null;
}

/** The phone numbers (digits only) and email addresses a text holds. */
function contactDetails(text: string, asked: DetailAsked): string[] {
  const t = normalize(text);
  // A street address as its number and street name ("312 warren").
  if (asked === 'place') return [...new Set([...t.matchAll(STREET)].map((m) => `${m[1]} ${m[2]}`))];
  const phones = asked === 'email' ? [] : (t.match(PHONE) ?? []).map((p) => p.replace(/\D/g, '').slice(-10));
  const emails = asked === 'phone' ? [] : (t.match(EMAIL) ?? []);
  return [...new Set([...phones, ...emails])];
}

const MIN_HOLDERS = 2;

const shopDetails = new WeakMap<KnowledgeIndex, { generation: number; main: Map<DetailAsked, string | null> }>();

/**
 * The number or address the most of the shop's chunks hold, and at least MIN_HOLDERS: the shop's
 * own, repeated in its footers and contact sections, not the jobs address one answer gives; or the
 * only phone number the shop gives at all.
 */
function mainDetail(index: KnowledgeIndex, asked: DetailAsked): string | null {
  let seen = shopDetails.get(index);
  if (!seen || seen.generation !== index.generation)
    shopDetails.set(index, (seen = { generation: index.generation, main: new Map() }));
  const known = seen.main.get(asked);
  if (known !== undefined) return known;
  const counts = new Map<string, number>();
  for (const chunk of index.all())
    for (const d of contactDetails(textOf(chunk), asked)) counts.set(d, (counts.get(d) ?? 0) + 1);
  let main: string | null = null;
  for (const [d, n] of counts) if (n >= MIN_HOLDERS && (main === null || n > counts.get(main)!)) main = d;
  // The one phone number or street a shop gives, if it gives one, is its own though written once
  // ("Call or text us on (802) 555-0163" under "Get in touch", "Spoke & Chain Cycles is at 418
  // Willow Street"); an email address written once may be a single matter's (jobs@).
  if (main === null && (asked === 'phone' || asked === 'place') && counts.size === 1) main = [...counts.keys()][0];
  seen.main.set(asked, main);
  return main;
}

const textOf = (chunk: KnowledgeChunk) => chunk.answer ?? chunk.text;
/** A hit's headings, its page's title first. */
export const headingsOf = (c: KnowledgeChunk) => normalize(`${c.headingPath.join(' ')} ${c.title}`);
const headings = (h: SearchHit) => headingsOf(h.chunk);

/**
 * A page for one kind of customer ("Wholesale", "Corporate gifts") that the question does not
 * name: not the answer to a plain ask ("how long does delivery take" from a brewery wholesale page).
 */
export function forOthers(h: SearchHit, query: string): boolean {
  const audience = headings(h).match(AUDIENCE_TITLE)?.[0];
  return audience !== undefined && !normalize(query).includes(audience);
}

/** The ways to pay a text names, each once ("Amex" and "American Express" are one). */
function listedMeans(text: string): string[] {
  return (normalize(text).match(LISTED_MEANS) ?? []).map((m) =>
    m
      .replace(/american express/, 'amex')
      .replace(/\s+/g, '')
      .replace(/s$/, ''),
  );
}

/** The best-ranked of `hits` with the highest count, if that count is at least `least`. */
function most(hits: readonly SearchHit[], count: (h: SearchHit) => number, least = 1): SearchHit | undefined {
  const counts = hits.map(count);
  const top = Math.max(0, ...counts);
  return top >= least ? hits[counts.indexOf(top)] : undefined;
}

/** How many of the best hits are looked through for the detail. */
const DETAIL_HITS = 10;
/** How far down the ranking the shop's number or address is looked for when the best hits lack it. */
const DEEP_HITS = 30;
/** A heading on paying: "Payment", "Purchase Orders and Payment", "Paying at checkout". */
const PAYING_TITLE = /\b(?:pay|payment|payments|paying|checkout|billing)\b/;
/** Searched for with the question when none of its own best hits lists the ways to pay. */
const PAYING_WORDS = 'payment methods we accept';
/** A passage lists the ways to pay when it names at least this many. */
const MIN_MEANS = 2;

/**
 * For a plain request for one of the shop's details, the hit that holds it: of the first
 * DETAIL_HITS, the best-ranked holding the shop's own number, address or street (for "how do I
 * contact you", its number and address both if one does), the week's hours, the most ways to pay
 * (at least MIN_MEANS; the one named, among them) or the most discounts in figures, else the best
 * of a search of its own DEEP_HITS deep; the week's hours among both; the hours on a holiday or a
 * date among both, under a heading on holidays first; a loyalty scheme described;
 * of the first ABROAD_HITS, else of a search for it, the best-ranked saying where the shop ships;
 * of the first SHIPPING_HITS, else of a search for shipping, one under a shipping heading holding
 * a duration or an amount. Undefined for other questions, or when none holds it.
 */
export function detailHolder(
  index: KnowledgeIndex,
  query: string,
  hits: readonly SearchHit[],
  learned = true,
): SearchHit | undefined {
  const asked = plainDetailAsked(query, learned);
  if (!asked) return undefined;
  const best = hits.slice(0, DETAIL_HITS);
  if (asked === 'payment') {
    // "do you accept purchase orders", "can i pay cash": the best-ranked passage naming that way
    // to pay among the shop's ways to pay (under a heading on paying, or in a list of them), not
    // one that pays sellers "in cash"; else, as for "what payment methods do you accept", the
    // passage naming the most. A visitor asking for one the shop never names gets its list.
    const named = listedMeans(query);
    // Not a page on selling to the shop ("we pay by cash or bank transfer" for your records), nor
    // one for wholesale or corporate customers the question does not name, unless it asks for a
    // way only businesses pay (a purchase order): their page answers it.
    const theirs = (h: SearchHit) =>
      !PAYOUT_TITLE.test(headings(h)) && (!forOthers(h, query) || named.includes('purchaseorder'));
    const count = (h: SearchHit) => (theirs(h) ? new Set(listedMeans(textOf(h.chunk))).size : 0);
    const amongWays = (h: SearchHit) =>
      count(h) > 0 &&
      listedMeans(textOf(h.chunk)).some((m) => named.includes(m)) &&
      (PAYING_TITLE.test(normalize(h.chunk.title)) || count(h) >= MIN_MEANS);
    const lists = (found: readonly SearchHit[]) =>
      (named.length ? found.find(amongWays) : undefined) ?? most(found, count, MIN_MEANS);
    return lists(best) ?? lists(index.search(`${PAYING_WORDS} ${query}`, DEEP_HITS));
  }
  if (asked === 'hours') {
    // The best-ranked passage giving days and times: "Store: Tue–Fri 8 am–6 pm, Sat 8 am–4 pm".
    // Not a "Holiday hours" section: the week's hours answer the plain question. Nor the days
    // orders ship ("we ship Monday to Friday, cut-off 2 pm"): a text of opening and closing.
    const gives = (h: SearchHit) => {
      const t = normalize(textOf(h.chunk));
      return (
        !HOLIDAY_TITLE.test(normalize(h.chunk.title)) &&
        OPEN.test(`${normalize(h.chunk.title)} ${t}`) &&
        CLOCK.test(t) &&
        new Set(t.match(WEEKDAY) ?? []).size >= MIN_DAYS
      );
    };
    // Of those, the one naming the most days: the week's hours, over a back dock's "Tuesday to
    // Friday, 8 am to 11 am, before the shop opens" that a vaguer "when do u guys open" ranks first.
    // A section headed as the shop's hours first ("Hours", "Visit us"), over a class timetable.
    const days = (h: SearchHit) =>
      gives(h)
        ? new Set(normalize(textOf(h.chunk)).match(WEEKDAY)).size + (HOURS_HEADING.test(headings(h)) ? WEEK : 0)
        : 0;
    // Among the best hits and those of a search for the shop's hours: "are you open tomorrow" finds
    // a course's "Tuesdays 6-8 pm" before the "Staffed hours" it never names.
    const deep = index.search(`${HOURS_WORDS_SEARCHED} ${query}`, DEEP_HITS);
    return most([...best, ...deep.filter((h) => !best.some((b) => b.chunk.id === h.chunk.id))], days);
  }
  if (asked === 'holiday') {
    // "open boxing day?", "r u open christmas eve": the best-ranked passage saying when the shop
    // opens or closes on a holiday or a date, among the best hits and those of a search for it;
    // one under a heading on holidays first, not a signpost ("holiday hours are on our Contact
    // page"). A holiday it does not name is read off the ones it does ("closed Thanksgiving").
    const says = (h: SearchHit) => {
      const t = normalize(`${h.chunk.title} ${textOf(h.chunk)}`);
      return (HOLIDAY.test(t) || DATE.test(t)) && OPEN.test(t);
    };
    const found = [...best, ...index.search(`${HOLIDAY_WORDS_SEARCHED} ${query}`, DEEP_HITS)].filter(says);
    return found.find((h) => HOLIDAY_TITLE.test(headings(h))) ?? found[0];
  }
  if (asked === 'loyalty') {
    // The shop's scheme in its own words ("a stamp for every $10", "Frequent Reader card"), which a
    // question for "rewards" or "points" rarely shares: the best-ranked passage describing one, else
    // one a search for such a scheme finds. None for a shop that has none.
    const describes = (h: SearchHit) =>
      LOYALTY_TEXT.test(normalize(`${h.chunk.title} ${h.chunk.questions.join(' ')} ${textOf(h.chunk)}`));
    return best.find(describes) ?? index.search(`${LOYALTY_SEARCHED} ${query}`, DEEP_HITS).find(describes);
  }
  if (asked === 'shipTime' || asked === 'shipCost') {
    // "how fast do u ship", "shipping cost?": the ranking finds the shipping section and doubts
    // it, the question's words being few. Of its first few, the best-ranked on shipping that
    // holds a duration or an amount answers, unless it is a page for wholesale or corporate
    // customers and the question is not theirs; else the best such of a search for shipping (a
    // shop writing "delivery" for its catering ranks that above its shipping page).
    const holds = (h: SearchHit) =>
      SHIPPING_TITLE.test(headings(h)) &&
      !RETURN_SHIPPING.test(ownHeading(h)) &&
      factKinds(textOf(h.chunk)).includes(asked === 'shipTime' ? 'duration' : 'price');
    const answers = (h: SearchHit) => !forOthers(h, query) && holds(h);
    // Of those, one headed by what is asked ("Delivery zones and fees" over a "Same-day delivery"
    // section that prices a timed window).
    const named = (h: SearchHit) => (asked === 'shipCost' ? COST_HEADING : TIME_HEADING).test(ownHeading(h));
    const first = hits.slice(0, SHIPPING_HITS).filter(answers);
    if (first.some(named)) return first.find(named);
    // Else one so headed on the first's page, further down; else the first, or the best searched.
    const searched = index.search(`${SHIPPING_SEARCHED} ${query}`, DEEP_HITS).filter(answers);
    const page = first[0]?.chunk.sourceId;
    return searched.find((h) => named(h) && h.chunk.sourceId === page) ?? first[0] ?? searched[0];
  }
  if (asked === 'abroad') {
    // "We don't ship outside the United States", "to the 48 contiguous states": of the ranking's
    // first few, else of a search for it, the best-ranked passage saying where the shop ships. Its
    // confidence doubts an answer the visitor must infer.
    const says = (h: SearchHit) => SHIPS_WHERE.test(normalize(textOf(h.chunk)));
    return hits.slice(0, ABROAD_HITS).find(says) ?? index.search(`${ABROAD_SEARCHED} ${query}`, DEEP_HITS).find(says);
  }
  if (asked === 'discount') {
    // The most discounts in figures; a "fine print" section on discounts may rank above them. Not
    // a wholesale or corporate page's volume pricing, unless the question is theirs.
    const group = readChat(query).match(GROUPS)?.[0].replace(/s$/, '');
    const offers = (h: SearchHit) => {
      const t = normalize(textOf(h.chunk));
      return forOthers(h, query) || (group && !t.includes(group)) ? 0 : new Set(t.match(OFFER) ?? []).size;
    };
    return most(best, offers) ?? most(index.search(query, DEEP_HITS), offers);
  }
  if (asked === 'contact') {
    // "How do I contact you": the passage with the shop's number and its address both, over one
    // that gives the number for a single matter ("Membership questions: members@… or (208) …").
    const mains = [mainDetail(index, 'phone'), mainDetail(index, 'email')].filter((d) => d !== null);
    if (!mains.length) return undefined;
    const held = (h: SearchHit) => {
      const details = contactDetails(textOf(h.chunk), asked);
      return mains.filter((d) => details.includes(d)).length;
    };
    // Of the best hits, else of a search further down when none of them gives every one: not a
    // privacy notice that gives only the email ("…email hello@… for a copy of your data").
    const near = most(best, held);
    if (near && held(near) === mains.length) return near;
    const far = most(index.search(query, DEEP_HITS), held);
    return far && (!near || held(far) > held(near)) ? far : near;
  }
  const main = mainDetail(index, asked);
  if (main === null) return undefined;
  const holds = (h: SearchHit) => contactDetails(textOf(h.chunk), asked).includes(main);
  // The words of "what's your phone number" are all over a phone-repair shop's pages, and its
  // footer, which says only "Phone: (781) 555-0142", ranks eleventh: read further down for it.
  // "Where are you located" shares no word with "Reef & Rill is at 2270 Lakeshore Drive": the
  // street is searched for, with the question's words to choose among the passages that give it.
  return best.find(holds) ?? index.search(asked === 'place' ? `${main} ${query}` : query, DEEP_HITS).find(holds);
}
