import { STOPWORDS } from '../text/index';

/**
 * Details a visitor gave in passing, captured for the handoff card so the agent never asks
 * again: name, email, phone, order number, product, budget, quantity. Patterns, not a model:
 * each one is precise enough to show an agent unchecked.
 */
export interface CapturedDetails {
  name?: string;
  email?: string;
  phone?: string;
  orderNumber?: string;
  product?: string;
  budget?: string;
  /** How many or how much, as the visitor put it, with digits: "30 violins", "20 lb a week", "12". */
  quantity?: string;
}

export interface CaptureOptions {
  /** The shop's own product names (catalogue titles, brands); matched before the built-in words. */
  products?: string[];
}

/** Instruments and gear a music shop's visitors name; most shops add their catalogue via options. */
const PRODUCT_WORDS = `acoustic guitar|electric guitar|classical guitar|bass guitar|guitar|bass|ukulele|banjo|mandolin|
violin|viola|cello|double bass|harp|piano|digital piano|grand piano|keyboard|synthesizer|synth|organ|accordion|
drum kit|drum set|drumkit|drums|drum|snare|cymbals|cymbal|hi-hat|cajon|djembe|percussion|xylophone|glockenspiel|
marimba|trumpet|trombone|tuba|french horn|horn|flute|piccolo|clarinet|oboe|bassoon|saxophone|sax|harmonica|recorder|
amplifier|amp|combo amp|pedal|effects pedal|pedalboard|microphone|mic|headphones|speaker|pa system|mixer|audio interface|
strings|string set|picks|capo|tuner|metronome|stand|music stand|case|gig bag|strap|drumsticks|sticks|reeds|bow|
rosin|sheet music|method book|cable|pickups|pickup`;

/** Instrument and audio brands, to catch "a Yamaha P-45" where no product word is written. */
const BRANDS = `fender|gibson|yamaha|roland|ibanez|martin|taylor|epiphone|squier|gretsch|prs|pearl|tama|ludwig|zildjian|
sabian|korg|casio|kawai|nord|moog|marshall|boss|line 6|shure|sennheiser|audio-technica|focusrite|behringer|vox|fishman|
ernie ball|d'addario|elixir|selmer|jupiter|stentor|hohner|kala|cordoba|alesis|akai|mapex|meinl|remo|evans|vic firth|
novation|arturia|presonus|mxr|electro-harmonix|strymon|jackson|schecter|esp|steinway|bach|buffet|pioneer|native instruments`;

const STOP_NAME = new Set(
  `not looking interested so very just trying having going getting still also really sure sorry happy here back unable
  wondering a an the in on at from with glad new after about currently calling writing contacting interested ready
  afraid confused frustrated annoyed fine good ok okay well done sick tired planning thinking hoping buying ordering
  after trying asking waiting a teacher parent student customer musician beginner guitarist drummer pianist`.split(
    /\s+/,
  ),
);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}|\+?\d{9,15}/g;
const ORDER_CONTEXT =
  /\b(?:order|invoice|ticket|reference|ref|confirmation|tracking|booking|purchase)(?:\s*(?:number|no\.?|num|id|code|#))?\s*(?:is|was|:|=)?\s*#?\s*([A-Za-z]{0,5}-?\d[\w-]{2,})/i;
const HASH_ID = /#\s?([A-Za-z]{0,5}-?\d{3,}[\w-]*)/;
const MONEY =
  /(?:[$£€]\s?\d[\d,]*(?:\.\d+)?\s?(?:k\b)?|\d[\d,]*(?:\.\d+)?\s?(?:k\s?)?(?:dollars|usd|eur|euros?|gbp|pounds|bucks|quid)\b|\d[\d,]*(?:\.\d+)?k\b)/i;
/** Words that make an amount a budget wherever they are. */
const BUDGET_WORDS = /\b(?:budget|spend|spending|afford|price range|range of|willing to pay|can pay)\b/i;
/** Words that make it one in a statement ("a guitar under $500"), not in a question about prices. */
const BUDGET_HINTS = /\b(?:up to|under|below|less than|no more than|max(?:imum)?|around|about|roughly|between)\b/i;
/** A question about what something costs: "order under $99" there is a threshold, not a budget. */
const PRICE_QUESTION =
  /\b(?:how much|what(?:'s| is| does)?\b.*\b(?:cost|price|fee|charge)|shipping|delivery|postage)\b/i;
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  'a dozen': 12,
  'two dozen': 24,
};
/** Counted things that are not an order quantity. */
const NOT_QUANTITY = new Set(
  `year years yr yrs month months week weeks day days hour hours minute minutes min mins second seconds time times
  dollar dollars usd eur euro euros pound pounds bucks percent cent cents am pm st nd rd th star stars inch inches
  cm mm kg lb lbs watt watts w v volt volts ohm ohms hz k gb mb tb step steps string-year`.split(/\s+/),
);

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * The name a message gives, and whether it is only a sign-off ("thanks, Maya"): a
 * visitor thanking the agent by name signs off the same way, so a sign-off never replaces a name
 * the visitor introduced themselves with.
 */
function findName(text: string): { name: string; signoff?: true } | undefined {
  const name = introducedName(text);
  if (name) return { name };
  const signed = text.match(/(?:^|[.!]\s+)([A-Z][a-z'-]+) here\b/);
  if (signed && !STOP_NAME.has(signed[1].toLowerCase())) return { name: signed[1] };
  const signoff = text.match(/\b(?:thanks|thank you|cheers|regards|best)[,!.]?\s*(?:-\s*)?([A-Z][a-z'-]+)\s*$/i);
  if (signoff && /^[A-Z]/.test(signoff[1]) && !STOP_NAME.has(signoff[1].toLowerCase()))
    return { name: signoff[1], signoff: true };
  return undefined;
}

function introducedName(text: string): string | undefined {
  const explicit = text.match(
    /\b(?:(?:my name is|my name's|name's|name is|this is|call me|it's|its)\s+|name\s*:\s*)([A-Za-z][A-Za-z'-]+)(?:\s+([A-Za-z][A-Za-z'-]+))?/i,
  );
  if (explicit) {
    const first = explicit[1];
    const lead = explicit[0].toLowerCase();
    // "this is"/"it's" only introduce a name when it is written as one: "This is Priya", not
    // "THIS IS RIDICULOUS" (a shouted word; initials such as "AJ" are short).
    const weak = /^(?:this is|it's|its)/.test(lead);
    const writtenAsName = /^[A-Z](?:[a-z'-]+|[A-Z]{0,2})$/.test(first);
    const second =
      explicit[2] && !STOP_NAME.has(explicit[2].toLowerCase()) && !STOPWORDS.has(explicit[2].toLowerCase())
        ? explicit[2]
        : undefined;
    if ((!weak || writtenAsName) && !STOP_NAME.has(first.toLowerCase()) && !STOPWORDS.has(first.toLowerCase()))
      return [first, second]
        .filter((w): w is string => Boolean(w))
        .map(capitalize)
        .join(' ');
  }
  const im = text.match(/\b(?:I'm|I’m|Im|I am)\s+([A-Z][a-z'-]+)(?:\s+([A-Z][a-z'-]+))?/);
  if (im && !STOP_NAME.has(im[1].toLowerCase())) {
    const last = im[2] && !STOP_NAME.has(im[2].toLowerCase()) ? im[2] : undefined;
    return [im[1], last].filter(Boolean).join(' ');
  }
  return undefined;
}

function findPhone(text: string): string | undefined {
  const cleaned = text.replace(EMAIL, ' ');
  for (const m of cleaned.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    const before = cleaned.slice(Math.max(0, m.index! - 25), m.index!).toLowerCase();
    if (/(?:order|invoice|ref|reference|ticket|tracking|#)\W*(?:number|no\.?|id)?\W*$/.test(before)) continue;
    if (/[$£€]\s*$/.test(before)) continue;
    return m[0].trim();
  }
  return undefined;
}

function findOrder(text: string): string | undefined {
  const m = text.match(ORDER_CONTEXT) ?? text.match(HASH_ID);
  if (!m) return undefined;
  const id = m[1].replace(/[-.]+$/, '');
  return /\d/.test(id) && !/^\d{1,2}$/.test(id) ? id.toUpperCase() : undefined;
}

function findBudget(text: string): string | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
    const m = sentence.match(MONEY);
    if (!m) continue;
    if (BUDGET_WORDS.test(sentence) || (BUDGET_HINTS.test(sentence) && !PRICE_QUESTION.test(sentence)))
      return m[0].trim();
  }
  return undefined;
}

function singular(w: string): string {
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/(?:ches|shes|xes)$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') && !/(?:strings|drums|headphones|drumsticks|sticks|picks|cymbals|reeds|pickups)$/.test(w)
    ? w.slice(0, -1)
    : w;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PRODUCT = new RegExp(
  `\\b(${PRODUCT_WORDS.split('|')
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => `${escape(w)}(?:e?s)?`)
    .join('|')})\\b`,
  'i',
);
/** A brand name; the model after it ("Yamaha P-45", "Roland TD-07KV") is read case-sensitively. */
const BRAND = new RegExp(
  `\\b(${BRANDS.split('|')
    .map((w) => escape(w.trim()))
    .join('|')})\\b`,
  'i',
);
const MODEL = /^((?:\s+(?:[A-Z][\w-]*|[\w-]*\d[\w-]*)){1,3})/;

/** Brand or model words written before a product word: "Fender Stratocaster electric guitar". */
function withModifiers(text: string, index: number, word: string): string {
  const before = text
    .slice(0, index)
    .match(
      /((?:\b(?:[A-Z][\w-]*|\d[\w-]*[A-Za-z][\w-]*|electric|acoustic|classical|digital|used|beginner|student|left-handed|vintage|custom)\s+){0,3})$/,
    );
  const prefix = before ? before[1].trim() : '';
  const after = text.slice(index + word.length).match(/^\s+((?:[A-Z]+[\w-]*\d[\w-]*|\d[\w-]*)(?:\s+[A-Z][\w-]*)?)/);
  return [prefix, word, after ? after[1] : ''].filter(Boolean).join(' ');
}

/** Every product word of a text, for the first that names a product where it stands. */
const PRODUCT_ALL = new RegExp(PRODUCT.source, 'gi');

/**
 * A product word in another sense where it stands: "a case of the Rioja" (a case as an amount),
 * "can I do a pickup on saturday", "curbside pickup" (collecting an order, not a guitar pickup).
 */
function notAProduct(text: string, index: number, word: string): boolean {
  const before = text.slice(Math.max(0, index - 24), index).toLowerCase();
  const after = text.slice(index + word.length, index + word.length + 16).toLowerCase();
  if (/^\s+of\b/.test(after)) return true;
  return (
    /^pickup$/i.test(word) &&
    (/\b(?:a|for|curbside|kerbside|in-store|store|local|free|order|schedule)\s+$/.test(before) ||
      /^\s+(?:on|at|time|times|order|point|points|location|window|slot|today|tomorrow)\b/.test(after))
  );
}

function findProduct(text: string, products: string[]): string | undefined {
  if (products.length) {
    const shop = new RegExp(`\\b(${products.map(escape).join('|')})\\b`, 'i');
    const m = text.match(shop);
    if (m) return products.find((p) => p.toLowerCase() === m[1].toLowerCase()) ?? m[1];
  }
  const m = [...text.matchAll(PRODUCT_ALL)].find((x) => !notAProduct(text, x.index!, x[1]));
  const b = text.match(BRAND);
  if (b && (!m || b.index! <= m.index!)) {
    const end = b.index! + b[0].length;
    const model = text.slice(end).match(MODEL)?.[1] ?? '';
    if (m && m.index! <= end + model.length + 1) return withModifiers(text, m.index!, m[1]);
    return `${capitalize(b[1])}${model}`.trim();
  }
  if (!m) return undefined;
  const word = m[1];
  const phrase = withModifiers(text, m.index!, word);
  return phrase === word
    ? singular(word.toLowerCase())
    : phrase.replace(word, /^[A-Z]/.test(word) ? word : singular(word));
}

/** Units of weight, volume and packaging: "20 lb", "5 kg", "3 cases" are amounts even in the singular. */
const UNIT =
  'lbs?|pounds?|kgs?|kilos?|kilograms?|grams?|g|oz|ounces?|litres?|liters?|l|ml|gallons?|units?|pcs|pieces?|bags?|boxes|box|cases?|cartons?|pallets?|packs?|bottles?|cans?|crates?|dozen';
/** How often: "a week", "per month", "every day", "weekly". */
const RATE =
  '(?:(?:a|an|per|each|every)\\s+(?:day|week|fortnight|month|quarter|year)|daily|weekly|fortnightly|monthly|yearly|annually)';
const COUNT =
  '\\d{1,3}(?:,\\d{3})+|\\d{1,5}(?:\\.\\d{1,2})?|a dozen|two dozen|half a dozen|dozen|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundred';
/** "20 lb a week", "5 kg of the house blend", "3 cases": an amount with its unit (and how often). */
const UNIT_AMOUNT = new RegExp(
  `\\b(${COUNT})\\s*(${UNIT})\\b(?:\\s+of\\b)?(?:\\s+(?:[a-z-]+\\s+){0,3}?(${RATE}))?`,
  'gi',
);
/** A number said before "of them/those/these": "about 30 of them". */
const OF_THEM = new RegExp(`\\b(${COUNT})\\s+of\\s+(?:them|those|these|each)\\b`, 'i');

function countOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/^a hundred$/, 'hundred');
  if (/^\d/.test(w)) return Number(w.replace(/,/g, ''));
  if (w === 'half a dozen') return 6;
  return NUMBER_WORDS[w];
}

/** A weight or pack size describes a thing ("a 20 lb bag", "the 5 kg tin"), not how many are wanted. */
const SIZE_BEFORE = /\b(?:a|an|the|my|this|that|each|per)\s*$/i;
const SIZE_AFTER = /^\s*(?:bags?|tins?|boxes|box|sacks?|jars?|bottles?|packs?|amp|combo|cab|cabinet|case)\b/i;

function findQuantity(text: string): string | undefined {
  for (const m of text.matchAll(UNIT_AMOUNT)) {
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    if (/[$£€#]\s*$|\d[.,:/]\s*$/.test(before) || SIZE_BEFORE.test(before)) continue;
    const unit = m[2].toLowerCase();
    const rest = text.slice(m.index! + m[0].length);
    if (!m[3] && SIZE_AFTER.test(rest)) continue;
    // "20 pounds" alone is as likely money as weight: a weight says "of" or how often.
    if (/^pounds?$/.test(unit) && !m[3] && !/\bof\b/i.test(m[0])) continue;
    const n = countOf(m[1]);
    if (n === undefined || n <= 0) continue;
    if (unit === 'dozen') {
      const noun = rest.match(/^\s+([a-z]+s)\b/i)?.[1].toLowerCase();
      return noun && !NOT_QUANTITY.has(noun) ? `${n * 12} ${noun}` : String(n * 12);
    }
    return [n, unit, m[3]?.toLowerCase()].filter(Boolean).join(' ');
  }
  const re =
    /\b(\d{1,3}(?:,\d{3})+|\d{1,5}|a dozen|two dozen|half a dozen|dozen|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s+(?:x\s+)?((?:[a-z-]+\s+){0,2}?)([a-z]+s)\b/gi;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    if (/[$£€#]\s*$|order\s*(?:number|no\.?|#)?\s*$|\d[.,:/]\s*$/i.test(before)) continue;
    const noun = m[3].toLowerCase();
    const words = m[0].toLowerCase().split(/\s+/).slice(1);
    if (words.some((w) => NOT_QUANTITY.has(w) || NOT_QUANTITY.has(w.replace(/s$/, '')))) continue;
    if (NOT_QUANTITY.has(noun) || NOT_QUANTITY.has(noun.replace(/s$/, ''))) continue;
    const n = countOf(m[1]);
    if (n !== undefined && n >= 2) return `${n} ${m[2]}${noun}`;
  }
  const dozen = text.match(/\b(?:a|one|two|half a)?\s*dozen\b/i);
  if (dozen) {
    const lead = dozen[0]
      .trim()
      .toLowerCase()
      .replace(/\s*dozen$/, '');
    return String(lead === 'two' ? 24 : lead === 'half a' ? 6 : 12);
  }
  const them = text.match(OF_THEM);
  if (them && (countOf(them[1]) ?? 0) >= 2) return String(countOf(them[1]));
  const explicit = text.match(/\b(?:quantity|qty|how many)\s*(?:is|of|:|=)?\s*(\d{1,5})\b/i);
  return explicit ? explicit[1] : undefined;
}

/**
 * Captures details from the visitor's messages (oldest first). Each detail keeps its latest
 * mention — visitors correct themselves — except the product, where the first named one is
 * usually what the conversation is about.
 */
export function captureDetails(visitorMessages: string[], opts: CaptureOptions = {}): CapturedDetails {
  const out: CapturedDetails = {};
  const products = opts.products ?? [];
  for (const text of visitorMessages) {
    const email = text.match(EMAIL)?.[0];
    if (email) out.email = email;
    const name = findName(text);
    if (name && (!name.signoff || !out.name)) out.name = name.name;
    const order = findOrder(text.replace(EMAIL, ' '));
    if (order) out.orderNumber = order;
    const phone = findPhone(order ? text.replace(new RegExp(order.replace(/[-]/g, '\\-'), 'i'), ' ') : text);
    if (phone) out.phone = phone;
    const budget = findBudget(text);
    if (budget) out.budget = budget;
    const quantity = findQuantity(text);
    if (quantity !== undefined) out.quantity = quantity;
    if (!out.product) {
      const product = findProduct(text, products);
      if (product) out.product = product;
    }
  }
  return out;
}
