/**
 * The built-in answerer, no model needed: the Q&A answer when a Q&A entry wins, else the best
 * passage(s) trimmed to the relevant sentences; always with citations and a calibrated
 * confidence, and an honest "not sure" below the threshold.
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import { titleLine } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, SearchHit } from '../retrieve/types';
import { answerConfidence } from './answer-model';
import { answerHits, isFaq, rerankedForAnswer, sameSourcePassage } from './ranking';
import { AMOUNT, factMask, kindMask, kindMatch, questionKinds } from '../text/answer-type';
import { onlySignposts, relevantSentences, underHeading } from './sentences';
import {
  DATE,
  DETAIL_FACT,
  detailHolder,
  HOLIDAY,
  plainDetailAsked,
  PAYMENT_MEANS,
  PAYMENT_QUESTION,
} from './shop-details';
import { searchedTopicAsked, topicHolder } from './shop-topics';
import { pageStems } from './support';
import { SENDING } from '../retrieve/phrasings';
import { aboutJobs, jobQuestion } from '../text/jobs';
import { normalize, normalizedLine, STOPWORDS, terms, tokenize } from '../text/index';
import { DEFAULT_ANSWER_THRESHOLD, NOT_SURE_TEXT, type Citation, type EngineAnswer } from './types';

export interface OfflineAnswerOptions {
  threshold?: number;
  /** Hits already retrieved for this query (skips the search). */
  hits?: SearchHit[];
}

/** A chunk as a citation. */
export function citationOf(chunk: KnowledgeChunk): Citation {
  return { chunkId: chunk.id, title: titleLine(chunk) || 'Source', url: chunk.url };
}

/** A same-page passage may be quoted instead when it holds at least this share of the top one's belief. */
const SIBLING_SHARE = 0.05;
/** Words an offline passage answer keeps: the sentences that answer, not the section around them. */
const ANSWER_WORDS = 60;

/** Whether `a` is a section `b` sits under (its heading path is a proper prefix of b's). */
function isAncestor(a: KnowledgeChunk, b: KnowledgeChunk): boolean {
  return (
    a.headingPath.length > 0 &&
    a.headingPath.length < b.headingPath.length &&
    a.headingPath.every((heading, i) => heading === b.headingPath[i])
  );
}

/**
 * Whether the query asks for what `child` has of its own beside `ancestor`: a word of its own
 * headings that the ancestor's headings lack ("lesson hours"; "cake flavours" › "Flavours", though
 * the ancestor's text says "in our own flavours"), or a word its text says and the ancestor's does
 * not ("do you ship to canada" against "International delivery: … the USA and Canada").
 */
function asksForOwn(query: string, ancestor: KnowledgeChunk, child: KnowledgeChunk): boolean {
  const asked = new Set(terms(query));
  const headed = new Set(terms(ancestor.headingPath.join(' ')));
  const heading = terms(child.headingPath.slice(ancestor.headingPath.length).join(' '));
  if (heading.some((t) => asked.has(t) && !headed.has(t))) return true;
  const inherited = new Set(terms(`${ancestor.headingPath.join(' ')} ${ancestor.text}`));
  return terms(child.text).some((t) => asked.has(t) && !inherited.has(t));
}

/**
 * The facts a question asks for that some texts cannot answer (see lacksAskedFact), read from each
 * of its readings.
 */
function askedFacts(...readings: string[]) {
  const asks = { payment: false, contact: false, hours: false, holiday: false, price: false };
  for (const query of readings) {
    const q = normalizedLine(query);
    const kinds = questionKinds(query);
    asks.payment ||= PAYMENT_QUESTION.test(q);
    asks.contact ||= kinds.includes('contact');
    // A thing's price; not the cost of sending it somewhere ("we do not ship outside the US").
    asks.price ||= PRICE_ASKED.test(q) && !kinds.includes('policy') && !SENDING.test(q);
    const open = kinds.includes('time') && OPENING_HOURS.test(q);
    asks.hours ||= open;
    asks.holiday ||= open && HOLIDAY.test(q);
  }
  return asks;
}

/**
 * For a question, whether a text lacks what it asks for (read from the question once, in each of
 * its readings, then tried on a few texts): the question asks for a phone number or email address,
 * opening hours (on a holiday), the ways to pay or the price of a thing ("how much is…", "what's
 * the price of…"), and the text to be quoted holds none (no number or address; no day or time of
 * day, no holiday or date; no card, wallet or cash; no amount, "free" or share off): "what's your
 * phone number" is not answered by "book online or by phone", nor "what are your hours" by "one
 * hour, one person: $45", nor "are you open on holidays" by the week's hours, nor "how much are the
 * shampoo bars" by their care guide. Other kinds are not held to it: "how long does delivery
 * take" → "we do not deliver" answers, and so does "we do not ship outside the United States" to
 * "how much is shipping to canada"; so may a Q&A reply to "when is my payment due" or "how much do
 * I owe" that points to the account page (a shop's own answer to that question, not a passage).
 */
function lacksAskedFact({
  payment,
  contact,
  hours,
  holiday,
  price,
}: ReturnType<typeof askedFacts>): (text: string, qa?: boolean) => boolean {
  return (text, qa = false) => {
    if (price && !qa && !(factMask(text) & kindMask(['price']))) return true;
    if (payment && !PAYMENT_MEANS.test(normalize(text))) return true;
    if (holiday && !HOLIDAY.test(normalize(text)) && !DATE.test(normalize(text))) return true;
    if (!contact && !hours) return false;
    const held = factMask(text);
    return !((contact && held & kindMask(['contact'])) || (hours && held & kindMask(['time'])));
  };
}

/** "How much is…", "what's the price of…": the price of a thing asked for. */
const PRICE_ASKED = /^(?:how much (?:is|are|for|does|do)|what(?:'s| is| are|s) the (?:price|cost))\b/;

/** A question about when the shop is open: answered by days and times, not by a duration. */
const OPENING_HOURS =
  /\b(?:what are (?:your|the) hours|(?:opening|business|store|shop|your) hours|open(?:ing)? (?:times|days)|(?:are|is) (?:you|u|it|the [a-z]+) open|(?:when|what time) (?:are|do|does|is) (?:you|u|it|the [a-z]+) (?:open|close|closed|closing))\b|^(?:[a-z]+ )?(?:hours|open)\b/;

/** The verbs of "do you sell / have / carry … X": whether the shop has a thing. */
const HAS_VERBS = 'sell have carry stock offer serve do provide make run host teach'.split(' ');

/**
 * "Do you sell coffee?", "do you carry Taylor guitars?", "do you do sup yoga classes?", "is there
 * wifi?": a question whether the shop has a thing (or does a service) its content never names. The
 * nearest entry ("Do you sell decaf tea?") shares every other word and ranks first with
 * confidence, but its yes is about something else; what the shop does not write it cannot say it
 * sells. The thing's words are those after the verb, stopwords aside; only
 * when the shop writes none of them ("green tea" in a tea shop may be a fair question for "tea").
 */
const HAS_THING = new RegExp(
  `^(?:(?:do|does|can|could|will)\\s+(?:you|u|y'all|ya|they|the\\s+[a-z]+)\\s+(?:guys\\s+|all\\s+|also\\s+|still\\s+)*(?:${HAS_VERBS.join('|')})|(?:is|are)\\s+there(?:\\s+(?:a|an|any|some))?)\\s+(.+)$`,
);

/**
 * "What's the population of Northampton?": the thing asked for ("population") is one the shop
 * never writes, and only the place matched (its address). Not when the word names a kind of
 * answer the engine reads otherwise ("what's the price of…").
 */
const WHAT_OF = /^(?:what|whats|what\s+is|what\s+are)\s+(?:the|your|a|an)\s+([a-z]+)\s+(?:of|for|in|on|at|to)\b(.*)$/;

/**
 * "is your coffee organic", "are your delivery vans electric": whether a thing of the shop's has a
 * quality, the last word, which the shop never writes. Its passage on the thing (the café menu,
 * the delivery page) matched on the thing alone and cannot say yes, nor no.
 */
const IS_QUALITY =
  /^(?:(?:hi|hey|hello)[,!]?\s+)?(?:is|are)\s+(?:your|ur|the|all (?:of )?your|any of your)\s+[a-z][a-z\s-]*?\s+([a-z-]+)\s*\??$/;
/** Last words that name no quality of their own ("is the sourdough ok", "are the cookies good"). */
const NO_QUALITY = new Set(['ok', 'okay', 'good', 'fine', 'stuff', 'things', 'thing', 'one', 'ones', 'there']);

function asksForUnwrittenAttribute(index: KnowledgeIndex, query: string): boolean {
  const line = normalizedLine(query);
  const quality = IS_QUALITY.exec(line)?.[1];
  if (quality && !STOPWORDS.has(quality) && !NO_QUALITY.has(quality) && !index.writes(quality)) return true;
  const m = WHAT_OF.exec(line);
  if (!m) return false;
  const [, head, rest] = m;
  // A short "of…" only (a name, a place): with more after it ("the protocol for getting new
  // insurance") the head word is a general one and the rest says what is asked.
  const named = tokenize(rest).filter((w) => !STOPWORDS.has(w));
  return named.length <= 2 && !STOPWORDS.has(head) && !questionKinds(`the ${head}`).length && !index.writes(head);
}

/** "What's 2 plus 2?": a sum, which no shop's content answers however its numbers match. */
const SUM =
  /^(?:(?:what|what's|whats|what is|how much is|calculate|solve)\s+)?-?\d+(?:\.\d+)?\s*(?:[-+*x×/÷]|plus|minus|times|multiplied by|divided by)\s*-?\d+(?:\.\d+)?\s*[?=!.]*$/;

/**
 * Where the thing asked about ends: at the end of its sentence ("do you do sewing birthday parties?
 * my daughter is turning 10"), and before when or for whom it is wanted ("spikes in september for
 * my daughter's season"): the page need not name the month or the daughter. Nor what it is for
 * ("is there a newsletter i can sign up for").
 */
const THING_END =
  /[?!.;]\s|\s+-\s|\s(?=(?:i|we|you|u) (?:can|could)\b|(?:that|which|where) |(?:for|to) (?:my|our|his|her|their)\b|(?:in|on|by|this|next|before|after|until|til) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter|christmas|the weekend|weekends?|mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tonight)[a-z]*\b)/;

/**
 * The words naming the thing a "do you sell / have … X" or "is there a X" question asks about;
 * empty for other questions.
 */
function thingWords(query: string): string[] {
  const thing = HAS_THING.exec(
    normalize(query)
      .replace(/[?!.]+\s*$/, '')
      .trim(),
  )?.[1]?.split(THING_END)[0];
  return thing ? tokenize(thing).filter((w) => !STOPWORDS.has(w) && !/\d/.test(w) && w.length > 2) : [];
}

/**
 * "can you microchip my puppy", "could you engrave it": a service asked for by its verb. The
 * shop that never writes the verb, nor a word made from it, does not say it does it. Not the verbs
 * of any request ("can you send…", "can you tell me…"), nor those HAS_THING reads ("would you
 * carry my novel" is answered by an entry on stocking local authors, in other words).
 */
const DO_FOR_ME =
  /^(?:can|could|will|would)\s+(?:you|u|y'all|ya)\s+(?:guys\s+|all\s+|also\s+|please\s+|pls\s+)*([a-z]{4,})\b/;
const ANY_REQUEST = new Set([
  ...'help tell send give take show call check find recommend suggest explain confirm change cancel please just still maybe possibly also even actually really guys text email ring reach contact look'.split(
    ' ',
  ),
  ...HAS_VERBS,
]);

function unwrittenService(index: KnowledgeIndex, query: string): boolean {
  const verb = DO_FOR_ME.exec(normalizedLine(query))?.[1];
  return !!verb && !ANY_REQUEST.has(verb) && !index.writesRoot(verb);
}

function asksForUnwrittenThing(index: KnowledgeIndex, query: string): boolean {
  if (SUM.test(normalizedLine(query))) return true;
  if (unwrittenService(index, query)) return true;
  if (asksForUnwrittenAttribute(index, query)) return true;
  const words = thingWords(query);
  return words.length > 0 && !words.some((w) => index.writes(w));
}

/**
 * A Q&A entry on a different thing, its "Yes, …" above all: "do you sell pottery wheels?"
 * against "Do you sell finished pottery? Yes, our instructors' work is sold in the shop". The shop
 * writes "wheel" elsewhere (its wheel classes), so the question is fair, but this entry never
 * names it: its yes is not about wheels. Every word of the thing must be in the entry for its yes
 * to answer, but a word that only says what form it takes: "a loyalty program" is answered by "Do
 * you have a rewards card? Yes…". An entry without a yes must name some word of it: "Do you sell
 * tea bags? We only sell loose-leaf tea" does not answer "do you sell coffee".
 */
const GENERIC_THING = new Set(
  'program programs programme programmes card cards scheme schemes plan plans club clubs system option options service services'.split(
    ' ',
  ),
);

function entryOnAnotherThing(query: string, chunk: KnowledgeChunk): boolean {
  const answer = chunk.answer ?? chunk.text;
  // "Do you sell…", not "can you sell my amp on consignment": a request, not whether it is sold.
  if (!/^\s*(?:do|does)\b/i.test(query)) return false;
  const words = thingWords(query).filter((w) => !GENERIC_THING.has(w));
  if (!words.length) return false;
  const entry = new Set(terms([titleLine(chunk), ...chunk.questions, answer].join(' ')));
  const named = (w: string) => terms(w).every((t) => entry.has(t));
  return /^\s*yes\b/i.test(answer) ? !words.every(named) : !words.some(named);
}

/**
 * A passage's page that never names the thing a "do you have / do / sell … X" asks about: "do you
 * do face painting at parties" against the party page, which names parties but no face painting;
 * "do you carry golden acrylics" against a care guide on acrylics. The page is the ranking's
 * choice on the words it shares; what it never names it cannot say the shop has. Every word of
 * the thing, but its form (GENERIC_THING), must be on the page, as its text or as the name of a
 * fact it holds ("15% off" is a discount). Only "do/does": "can you make the lunch boxes vegan" asks
 * for a favour the page may grant in other words. A Q&A entry is judged by entryOnAnotherThing
 * alone: its question is the shop's own phrasing of what it offers, often in other
 * words (held to every word, entries' replies to "do you offer any discounts" were lost).
 */
function pageLacksThing(index: KnowledgeIndex, query: string, chunk: KnowledgeChunk): boolean {
  if (!/^\s*(?:do|does)\b/i.test(query)) return false;
  const words = thingWords(query);
  if (!words.length) return false;
  const page = pageStems(index, chunk);
  return words.some((w) => !GENERIC_THING.has(w) && !terms(w).every((t) => page.has(t)));
}

/** Whether a text itself (not its heading) says a content word of the question. */
function saysAsked(query: string, text: string): boolean {
  const asked = new Set(terms(query));
  return terms(text).some((t) => asked.has(t));
}

/**
 * How sure a shop's detail or everyday policy found by its facts and headings is
 * (shop-details.ts, shop-topics.ts): as sure as the workspace asks, up to this. A workspace that
 * asks more (0.95, or 1: answer almost never) gets such answers only as the model is sure of them.
 */
const DETAIL_SURE = 0.9;

/** Answers from the index alone. */
export function answerOffline(index: KnowledgeIndex, query: string, opts: OfflineAnswerOptions = {}): EngineAnswer {
  const threshold = opts.threshold ?? DEFAULT_ANSWER_THRESHOLD;
  // Read as the shop spells it ("wat time" asks for a time; "retrun" is about returns).
  const typed = query;
  query = index.correct(query);
  let hits = opts.hits ? rerankedForAnswer(index, query, opts.hits) : answerHits(index, query);
  // A plain request for one of the shop's details (its number, hours, ways to pay…) or everyday
  // policies (returns, gift cards, parking): the passage that holds it answers, as surely as this
  // workspace asks (shop-details.ts, shop-topics.ts). Read as typed too: the shop's spelling may
  // have read "where are you located" as its "visit".
  // A message is read as an everyday ask by its likeness to one (ask-kinds.ts) only when the
  // ranking alone would not answer it: "when is the open mic night" has an entry of its own.
  const ranked = answerConfidence(index, query, hits);
  const learned = ranked < threshold;
  const held =
    detailHolder(index, query, hits, learned) ??
    (typed !== query ? detailHolder(index, typed, hits, learned) : undefined);
  const topic = held
    ? undefined
    : (topicHolder(index, query, hits, learned) ??
      (typed !== query ? topicHolder(index, typed, hits, learned) : undefined));
  const detail = held ?? topic;
  const moved = detail !== undefined && detail !== hits[0];
  if (moved) hits = [detail, ...hits.filter((h) => h !== detail)];
  const confidence = detail
    ? Math.max(Math.min(threshold, DETAIL_SURE), moved ? answerConfidence(index, query, hits) : ranked)
    : ranked;
  const notSure: EngineAnswer = { text: NOT_SURE_TEXT, citations: [], confidence, abstained: true, source: 'none' };
  // A plain ask for a detail is all the detail's words ("is the store open this weekend"): never
  // a thing or a quality the shop does not write.
  if (!hits.length || confidence < threshold || (!detail && asksForUnwrittenThing(index, query))) return notSure;
  // "do you have gift cards" of a shop that never writes of them: "a credit or debit card in the
  // renter's name" is no answer.
  if (!detail && (searchedTopicAsked(query, learned) || searchedTopicAsked(typed, learned))) return notSure;
  // The best hit that can answer at all: the phone number or hours asked for, when the top one
  // lacks them and one of the next few holds them.
  // What it asks for, as asked too: the shop's spelling may have read "are you open" as its
  // heading's "hours".
  const asks = askedFacts(query, typed);
  const lacks = lacksAskedFact(asks);
  const answers = hits.slice(0, 4).filter((h) => !lacks(h.chunk.answer ?? h.chunk.text, isFaq(h.chunk)));
  // The week's hours, not a "Holiday hours" section, for "are you open on sunday".
  const seasonal = (h: SearchHit) => asks.hours && !asks.holiday && HOLIDAY.test(normalize(h.chunk.title));
  const holder = answers.find((h) => !seasonal(h)) ?? answers[0];
  if (!holder) return notSure;
  if (holder !== hits[0]) hits = [holder, ...hits.filter((h) => h !== holder)];
  const top = holder;
  // A plain ask for a detail is all the detail's words ("do you have a physical store i can
  // visit"): its holder answers though its page never writes "physical".
  if (!detail && !isFaq(top.chunk) && pageLacksThing(index, query, top.chunk)) return notSure;
  // "are you hiring" is answered by a passage about jobs, not by "welcome boxes for new hires".
  if (jobQuestion(query) && !aboutJobs(`${titleLine(top.chunk)} ${top.chunk.questions.join(' ')} ${top.chunk.text}`))
    return notSure;
  if (isFaq(top.chunk)) {
    if (!detail && entryOnAnotherThing(query, top.chunk)) return notSure;
    return {
      text: (top.chunk.answer ?? top.chunk.text).trim(),
      citations: [citationOf(top.chunk)],
      confidence,
      abstained: false,
      source: 'faq',
    };
  }
  // One passage, trimmed to the sentences that answer. When the top passage lacks the kind of
  // fact the question asks for (a duration for "how long"…) and another section of the same page
  // near the top holds it, that section is quoted and cited instead: the page is the one the
  // ranking chose, the section is the one that answers. Never two sections joined.
  // "Are you open on sunday" asks for days and times; its "are you" is no policy question.
  const asked = kindMask(questionKinds(query)) & ~(asks.hours ? kindMask(['policy']) : 0);
  const holds = (h: SearchHit) => kindMatch(asked, factMask(h.chunk.text));
  const siblings = hits
    .slice(1, 4)
    .filter((h) => sameSourcePassage(h, top) && h.probability >= SIBLING_SHARE * top.probability);
  const own = holds(top);
  // A page's lead section that won on the page's general words ("can I return a mug I dropped?"
  // against "You can return unused pieces…") gives way to a section of it that holds more of the
  // question ("…a piece that was dropped…"). Only the lead: between any two sections, the same
  // rule swapped about as many answers for worse as for better on the shop sets.
  const lead = top.chunk.headingPath.length <= 1;
  const better =
    // A price asked for: a section with an amount answers it, not one whose only price is "at no
    // cost" ("membership cost" against "you can pause … at no cost", beside the price list).
    (asked & kindMask(['price']) && !AMOUNT.test(top.chunk.text)
      ? siblings.find((h) => AMOUNT.test(h.chunk.text))
      : undefined) ??
    siblings.find((h) => holds(h) > own) ??
    (lead ? siblings.find((h) => holds(h) === own && h.features.coverage > top.features.coverage) : undefined) ??
    // A page's introduction that matched only by listing what the page covers ("…and what to do
    // if something arrives damaged") points at a section of that page: the best-ranked one.
    // (Any section of it near the top: the introduction took the page's belief to itself.)
    (onlySignposts(top.chunk.text, query) ? hits.slice(1, 4).find((h) => sameSourcePassage(h, top)) : undefined);
  // A subsection that won on its parent's words ("what are your hours" against "Regular Store
  // Hours › Lesson Hours") gives way to that parent when the question asks nothing the subsection
  // has of its own: the general section answers the general question (unless it only
  // introduces the page: "If something isn't right, here is how returns work."; or its text says
  // none of the question's words nor the fact it asks for, having matched on its heading alone:
  // "what is your return policy" is not answered by "Shipping & Returns: Northbound is an
  // online-only store…", while "what are your hours" is by "Regular Store Hours: Monday…").
  const parent = hits
    .slice(1)
    .find(
      (h) =>
        sameSourcePassage(h, top) &&
        isAncestor(h.chunk, top.chunk) &&
        holds(h) >= own &&
        !asksForOwn(query, h.chunk, top.chunk) &&
        !onlySignposts(h.chunk.text, query) &&
        (saysAsked(query, h.chunk.text) || (factMask(h.chunk.text) & asked & ~kindMask(['policy'])) > 0),
    );
  // A shop detail's holder was chosen for holding it (shop-details.ts): not traded for its page's
  // lead ("Please read this page before you order…" over "We ship within the United States only").
  const leadOverDetail =
    detail !== undefined && top === detail && parent !== undefined && parent.chunk.headingPath.length <= 1;
  const used = better ?? (leadOverDetail ? undefined : parent) ?? top;
  if (lacks(used.chunk.text)) return notSure;
  // A plain ask for a detail is answered by its kind of fact: "10% off" for "any discounts?".
  const detailAsked = detail ? (plainDetailAsked(query, learned) ?? plainDetailAsked(typed, learned)) : null;
  const fact = detailAsked ? DETAIL_FACT[detailAsked] : undefined;
  const text = underHeading(
    relevantSentences(used.chunk.text, query, ANSWER_WORDS, fact ? [fact] : []),
    used.chunk.text,
    used.chunk.title,
  );
  return { text, citations: [citationOf(used.chunk)], confidence, abstained: false, source: 'passages' };
}
