/**
 * What kind of answer a question asks for, and what kinds of fact a passage holds: "how long"
 * wants a duration, "how much" a price, "when" / "what time" days or hours, "where" a place, "can
 * I / do you" a policy (often a negation: "we do not ship outside…"), "can my 14 yr old…" an age
 * rule ("Ages 13 to 15 may…"). A passage that holds the
 * asked-for kind is more likely the answer than one that merely shares words with the question,
 * and within a passage the sentence that holds it is the one to quote.
 */
import { normalize, normalizedLine, STOPWORDS } from './index';
import { rememberedByText } from './remember';

export type AnswerKind = 'duration' | 'price' | 'time' | 'place' | 'contact' | 'policy' | 'age';

export const ANSWER_KINDS: readonly AnswerKind[] = ['duration', 'price', 'time', 'place', 'contact', 'policy', 'age'];

const DAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?';
/** Month names ("May" left out: it is mostly the verb). */
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const UNIT = '(?:business |working |calendar )?(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)';

/** Question patterns, tried in order; a question may ask for more than one kind. */
const QUESTION: [AnswerKind, RegExp][] = [
  [
    'duration',
    /\bhow (?:long|many (?:days|weeks|hours|months|years)|soon|quickly|fast)\b|\bwhen will\b|\bturn ?around\b|\beta\b/,
  ],
  ['price', /\bhow much\b|\b(?:cost|costs|price|prices|pricing|fee|fees|charge|charges|rate|rates|expensive|cheap)\b/],
  ['time', /\bwhat time\b|\bwhen (?:are|is|do|does|can)\b|\b(?:hours|open|opening|close|closing|closed)\b/],
  ['place', /\bwhere\b|\b(?:address|located|location|directions|parking)\b/],
  [
    'contact',
    // The shop's number or address, not the customer's own phone ("help me find my phone").
    /\b(?:(?:phone|telephone|contact|mobile|fax) (?:number|no)|your (?:phone|telephone|number|e-?mail)|e-?mail address|contact details|get in touch|(?:contact|call|phone|e-?mail|reach|ring) (?:you|u|the (?:shop|store|team|office|studio|owner|bakery|cafe)))\b/,
  ],
  [
    'policy',
    /^(?:can|could|may|do|does|will|is|are|am) (?:i|we|you|u|it|they|there)\b|\b(?:allowed|policy|accept|accepts)\b/,
  ],
  [
    'age',
    // "my 14 yr old", "my 16yo", "im 17 can i…", "is she old enough", "what age can kids start".
    /\b\d{1,2}[\s-]*(?:yrs?|years?)[\s-]*olds?\b|\b\d{1,2} ?(?:yo|y\/o)\b|\b(?:i'?m|i am) (?:only )?1\d\b(?! ?(?:lbs?|pounds|kg|min|minutes|mins|%))|\b(?:how old|what age|old enough|too young|age limits?|minimum age|age requirements?|ages?)\b/,
  ],
];

/**
 * An amount of money: with its currency, or after a price label as a table or an export writes
 * it ("Price: 16.00").
 */
const AMOUNT_PATTERN =
  '[$€£]\\s*\\d|\\b\\d+(?:[.,]\\d+)?\\s*(?:dollars|usd|eur|euros|gbp|pounds sterling)\\b|\\b(?:price|cost|fee|rate)s?\\s*(?:\\([^)]*\\))?\\s*:\\s*\\d';

/** Whether a text names an amount of money, where a price fact may also be "free" or "no charge". */
export const AMOUNT = new RegExp(AMOUNT_PATTERN, 'i');

/**
 * A phone number written with its area or country code: "(503) 555-0142", "503-555-0142",
 * "+44 20 7946 0958", and the national forms, led by a 0, of most countries outside North America:
 * "01584 672419", "020 7946 0958", "(02) 9876 5432", "0412 345 678", "01 23 45 67 89". Not a number
 * that runs on ("VAT no. GB 284 1937 55").
 */
const PHONE_WITH_CODE =
  '(?:\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,5}\\)?){2,5}' +
  '|(?:\\(\\d{2,5}\\)\\s?|\\b\\d{3}[.-])\\d{3,4}[\\s.-]\\d{4}' +
  '|(?:\\(0\\d{1,4}\\)\\s?|\\b0\\d{1,4}[\\s.-])\\d{3,4}[\\s.-]?\\d{3,4}' +
  '|\\b0\\d(?:[\\s.]\\d{2}){4})\\b(?![\\s.-]?\\d)';
/** A phone number, with its code or without: "(503) 555-0142", "01584 672419", "555-0101". */
export const PHONE_PATTERN = `${PHONE_WITH_CODE}|(?:\\b\\d{2,5}[\\s.-])?\\d{3,4}[\\s.-]\\d{4}\\b(?![\\s.-]?\\d)`;
/** An email address. */
export const EMAIL_PATTERN = '[a-z0-9._+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+';

/** Fact patterns over a passage's text. */
const FACT: [AnswerKind, RegExp][] = [
  [
    'duration',
    new RegExp(
      `\\b(?:\\d+|one|two|three|four|five|six|seven|ten|a few|several|same)(?:\\s*(?:-|–|to)\\s*\\d+)?\\s*${UNIT}\\b|\\b(?:same|next)[ -](?:day|morning|afternoon|evening|night|week|business day)\\b|\\b(?:in|within|about|around|under|takes?) (?:an?|half an?) (?:hour|day|week|month)\\b|\\bovernight\\b`,
    ),
  ],
  [
    'price',
    // An amount (AMOUNT_PATTERN), "free" or "no charge", or a share off.
    new RegExp(`${AMOUNT_PATTERN}|\\bfree\\b|\\bno (?:extra )?(?:charge|fee|cost)\\b|\\b\\d+ ?%`),
  ],
  [
    'time',
    new RegExp(
      `\\b\\d{1,2}(?::\\d\\d)?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)|\\b${DAY}\\b|\\bnoon\\b|\\bmidnight\\b|\\bholidays?\\b|\\b\\d{1,2}(?:st|nd|rd|th)\\b|\\b${MONTH}\\b`,
    ),
  ],
  [
    'place',
    // "418 Granite Avenue", "on Granite Avenue", "two doors down from the post office"
    /\b(?:\d+|on|off)\s+\w+(?:\s\w+)?\s+(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way)\b|\b(?:located|address|next to|across from|parking|floor|suite|downtown|entrance)\b|\b(?:doors?|blocks?) (?:down|up|away) from\b|\b(?:a)?round the corner from\b/,
  ],
  ['contact', new RegExp(`${PHONE_PATTERN}|${EMAIL_PATTERN}`)],
  [
    'policy',
    /\b(?:cannot|can't|can not|do not|don't|does not|doesn't|not|no|only|never|must|may|allowed|accept|accepts|we can|you can|you may|unless|except)\b/,
  ],
  [
    'age',
    // "Ages 13 to 15", "18 or older", "kids under 12", "21+", "must be 16", "minors".
    /\bages? (?:\d|of|from|between|limits?|requirements?|minimum)|\b\d{1,2} ?\+(?! ?(?:people|persons|guests|kids|children|items|pieces|orders?|bottles|copies|years? of|hours|days))|\b\d{1,2} ?(?:and (?:up|over|older|under|younger)|or (?:older|over|younger|under)|years? (?:old|of age)|yrs? old)(?!\w)|\b(?:under|over|aged|older than|younger than|at least) \d{1,2}\b(?! ?(?:lbs?|pounds|kg|dollars|bucks|euros?|usd|minutes|mins?|hours|days|weeks|%|people|guests|items|inches|in\b|cm|ft|feet|miles|pieces|copies|bottles))|\bmust be \d{1,2}\b|\bminors?\b|\bunder-?age\b/,
  ],
];

/** The kinds of answer a question asks for (none for most "what is…" questions). */
export function questionKinds(question: string): AnswerKind[] {
  const q = normalizedLine(question);
  return QUESTION.filter(([, re]) => re.test(q)).map(([k]) => k);
}

/** The kinds of fact a text holds. */
export function factKinds(text: string): AnswerKind[] {
  const t = normalize(text);
  return FACT.filter(([, re]) => re.test(t)).map(([k]) => k);
}

/**
 * The kinds of fact a text holds, as a mask (kindMask), remembered for the texts read last: an
 * answer reads the same passages and their sentences for question after question, and each
 * reading is a dozen patterns over the text.
 */
export const factMask: (text: string) => number = rememberedByText((text) => kindMask(factKinds(text)));

/** Bit mask of kinds (bit i = ANSWER_KINDS[i]). */
export function kindMask(kinds: readonly AnswerKind[]): number {
  let m = 0;
  for (const k of kinds) m |= 1 << ANSWER_KINDS.indexOf(k);
  return m;
}

/**
 * How well a text's facts meet a question's asked-for kinds: the share of asked kinds present,
 * the specific kinds (all but "policy") counting double; 0 when the question asks for none.
 */
export function kindMatch(askedMask: number, heldMask: number): number {
  if (!askedMask) return 0;
  let want = 0;
  let got = 0;
  ANSWER_KINDS.forEach((k, i) => {
    if (!(askedMask & (1 << i))) return;
    const w = k === 'policy' ? 1 : 2;
    want += w;
    if (heldMask & (1 << i)) got += w;
  });
  return got / want;
}

/**
 * The question without the words that only say what kind of answer it wants ("how long does
 * shipping take" → "how does shipping"): "much", "many", "soon", "often" after "how", "number"
 * after "phone" and "address" after "email", and "long …
 * take" / "long until" of a duration, and "cost" or "price" beside a topic ("how much does a
 * tasting cost"), name no topic, yet as rare words they would make every passage look like a poor
 * match, or favour a "Shipping costs" heading. "How long is the route" keeps its "long" (a length,
 * the topic), and "what are your prices" its "prices" (nothing else is asked).
 */
export function withoutKindCues(question: string): string {
  let q = normalize(question)
    .replace(/\bhow (?:much|many|soon|often)\b/g, 'how')
    // "Phone number", "email address": a shop writes "Phone: …" and "Email: …".
    .replace(/\b(phone|telephone|mobile|fax|contact)\s+(?:number|no)\b/g, '$1')
    .replace(/\b(e-?mail)\s+address\b/g, '$1');
  if (/\bhow long\b.*\b(?:take|takes|taking|took)\b|\bhow long (?:until|till|til|before)\b/.test(q))
    q = q.replace(/\bhow long\b/g, 'how').replace(/\b(?:take|takes|taking|took)\b/g, ' ');
  // "Return policy" asks about returns: a shop writes "Returns", and a "Store Policies" page that
  // mentions returns in passing must not win on the word "policy" (the topic word comes first).
  q = q.replace(/\b([a-z]+)\s+polic(?:y|ies)\b/g, (all, topic: string) => (STOPWORDS.has(topic) ? all : topic));
  const priceless = q.replace(PRICE_WORD, ' ');
  if (priceless.split(/\W+/).some((w) => w.length > 2 && !STOPWORDS.has(w))) q = priceless;
  return q;
}

/** The words that ask for a price and name no topic: a shop writes "$12", not "cost". */
const PRICE_WORD = /(?<!\ba )\b(?:cost|costs|price|prices)\b/g;

const PHONE = new RegExp(PHONE_WITH_CODE);
const EMAIL = /\b[a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
/** A share or a part of the price off: "15% off", "half price", "10 percent discount". */
const SHARE_OFF = /\b\d+(?:\.\d+)?\s?(?:%|percent)\s+(?:off|discount)\b|\bhalf[\s-]price\b|\bhalf off\b/i;

const FACT_WORDS: [RegExp, RegExp, string][] = [
  [PHONE, /\b(?:phone|telephone|call|calling|tel)\b/i, 'phone'],
  [EMAIL, /\be-?mail/i, 'email'],
  [SHARE_OFF, /\bdiscount/i, 'discount'],
];

/**
 * The words a passage's facts go by that the passage itself leaves out: a footer's bare
 * "(608) 555-0117" is the shop's phone number and "help@shop.example" its email, "15% off" and
 * "half price" are discounts. Read with the passage's words (the index and the answer's support),
 * so "what's your phone number" and "any discounts?" meet the passage that holds the fact.
 */
export function factWords(text: string): string {
  return FACT_WORDS.filter(([fact, named]) => fact.test(text) && !named.test(text))
    .map(([, , word]) => word)
    .join(' ');
}
