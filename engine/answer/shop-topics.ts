/**
 * The shop's everyday policies asked for plainly, however the visitor puts it: returns and refunds
 * ("whats ur returns policy", "is it possible to get a refnd", "how many days do i have to return
 * an item"), gift cards ("do you have gift vouchers", "can i get a giftcard for $50"), parking
 * ("Hi, I'm driving over later - is there somewhere I can park near the shop?"), pets ("can i
 * bring my golden retriever on the paddleboard", "dog friendly?"). The ranking puts
 * the shop's section on it first and then doubts it: the question's words are few, or many and
 * ordinary. A question made only of such a topic's words is answered by the best-ranked of the
 * first few hits that is on that topic by its headings (for parking and gift cards, its text too:
 * a footer's "Free parking behind the shop"), as surely as the workspace asks up to 0.9
 * (offline.ts); a shop that never writes of gift cards, parking or pets allowed gets no answer on
 * them (a kids' FAQ is no answer to "can i bring my dog").
 * shop-details.ts does the same for the shop's number, address, hours, ways to pay, discounts,
 * loyalty scheme and shipping.
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, SearchHit } from '../retrieve/types';
import { askingClause } from '../text/clauses';
import { forOthers, headingsOf, looseDetailAsked } from './shop-details';
import { ASK_SLACK, likelyAsk } from './ask-kinds';
import { normalize, terms } from '../text/index';

interface Topic {
  /** What a question on the topic names. */
  asked: RegExp;
  /** The words such a question is made of (stems), beside those any request holds. */
  words: ReadonlySet<string>;
  /** A passage on the topic, by its headings. */
  heading: RegExp;
  /** A heading that names the topic's word for another thing. */
  refill?: RegExp;
  /** A passage on the topic by its text too, where shops write it in passing. */
  inText?: boolean;
  /**
   * What such a passage's text says, whatever its heading, when the heading's words alone would
   * be too loose ("Pregnancy, babies and pets" of a soap maker's safety guide).
   */
  text?: RegExp;
  /**
   * Words a question on the topic may hold beside the topic's own, read without the likeness to
   * an everyday ask (ask-kinds.ts knows none for the topic): its `asked` already reads the ask.
   */
  slack?: number;
  /**
   * Searched for with the question when none of the first hits is on the topic: a shop's "gift
   * certificates" for the visitor's "gift vouchers".
   */
  searched?: string;
}

const words = (list: string) => new Set(terms(list));

/** Words any plain ask may hold beside stopwords and the topic's own: a greeting, how it is put. */
const FILLER = words(
  `hi hey hello there thanks please pls plz whats hows what how ur u guys yall could would wonder wondering whether like
  love know tell possible get give need want let find shop store policy policies work works happen offer offers
  option options available`,
);

export type TopicAsked = 'returns' | 'giftCards' | 'parking' | 'pets';

/** What customers call their pets. */
const PET_NAMES =
  'pet pets dog dogs doggo pup pups puppy puppies pooch cat cats animal animals retriever labrador poodle doodle terrier spaniel collie husky beagle dachshund corgi pug';
/** A pet, by what customers call theirs ("my lab", not the film lab). */
const PET = `(?:${PET_NAMES.replace(/ /g, '|')}|(?:my|our) lab)`;
/** A pet's goods: "is the cat litter ok to ship" asks about no pet brought along. */
const PET_GOODS =
  '(?! (?:food|foods|litter|beds?|toys?|treats?|shampoo|wash|grooming|groom|collars?|crates?|tags?|supplies|chews?|kibble|meds|medicine|training))';

const TOPICS: Record<TopicAsked, Topic> = {
  returns: {
    asked:
      /\b(?:return|returns|returned|returning|retrun|retruns|refund|refunds|refunded|refnd|exchange|exchanges|money back|send(?:ing)? (?:\w+ ){0,2}back|give (?:\w+ )?back)\b/,
    words: words(
      `return returns returned returning retrun retruns refund refunds refunded refnd exchange exchanges money back send item items
      something thing things purchase purchases order orders bought buy days day many long window request full process
      accept take fit doesnt different size wrong color colour receipt receipts tags unopened opened unused used worn
      original packaging box clearance late still store credit online without stuff process rules give product change
      mind cash voucher deal sending shipping cost`,
    ),
    heading: /\b(?:returns?|refunds?|exchanges?)\b/,
    // A "Propane exchange" or a "Cylinder exchange" is a refill, no exchange of a purchase.
    refill: /\b(?:propane|cylinders?|tanks?|gas|co2|batter(?:y|ies)|bottles?|kegs?|growlers?) (?:exchanges?|swaps?)\b/,
  },
  giftCards: {
    asked: /\bgift ?(?:cards?|certificates?|vouchers?)\b|\be-?gift\b|\bvouchers?\b/,
    words: words(
      `gift giftcard giftcards card cards certificate certificates voucher vouchers egift e digital email emailed
      electronic online physical buy sell get friend someone amount amounts any value expire expiry expiration xmas
      christmas birthday present come`,
    ),
    heading: /\bgift ?(?:cards?|certificates?|vouchers?)\b|\be-?gift\b/,
    inText: true,
    searched: 'gift cards gift certificates gift vouchers',
  },
  parking: {
    asked: /\bpark(?:ing)?\b/,
    words: words(
      `park parking lot car cars street nearby near close free customer customers somewhere drive driving over later
      visit come garage spot spots space spaces easy lots place disabled accessible entrance around`,
    ),
    heading: /\bpark(?:ing)?\b/,
    inText: true,
    searched: 'parking',
  },
  // "can i bring my dog in the shop", "dog friendly?", "is my golden retriever ok on the tour".
  pets: {
    asked: new RegExp(
      `(?=.*\\b${PET}\\b${PET_GOODS})(?=.*\\b(?:bring|brought|come|coming|along|allowed|allow|welcome|friendly|ok|okay|inside|in with|join)\\b)`,
    ),
    words: words(
      `${PET_NAMES} lab bring brought come coming along allowed allow welcome friendly ok okay inside in into with me
      us my our leash leashed small big little well behaved service support emotional visit`,
    ),
    // Not the "Dog-Eared" of a bookshop's name.
    heading: /\b(?:dogs?|pets?|animals?)\b(?!-)|\b(?:dog|pet)-friendly\b/,
    // "Dog grooming", "Pet food": the shop's goods and services for pets, no rule on bringing one.
    refill:
      /\b(?:dogs?|pets?|cats?) (?:grooming|groom|food|foods|wash|treats?|beds?|toys?|training|supplies|nutrition|care)\b/,
    inText: true,
    text: new RegExp(
      `\\b${PET}\\b[^.]{0,60}\\b(?:welcome|allowed|permitted|on (?:a )?leash|stay|must)\\b|\\b(?:leashed|well-behaved|service) ${PET}\\b|\\bno ${PET}\\b|\\b(?:dog|pet)-friendly\\b`,
    ),
    searched: 'dogs pets animals allowed',
    slack: 3,
  },
};

/** How many of the best hits are read for the topic. */
const TOPIC_HITS = 3;
/** How many hits of a search for the topic are read, when the best lack it. */
const SEARCHED_HITS = 10;

/**
 * The topic a question asks for when it asks only for one of the shop's everyday policies, read
 * whole, else in its asking clause; else read as the everyday ask it is most like (ask-kinds.ts)
 * with a few words of its own.
 */
export function plainTopicAsked(query: string, learned = true): TopicAsked | null {
  const strict = topicAsked(query, 0);
  if (strict || !learned) return strict;
  // Else, as for the shop's details, the topic it reads as with a few words of its own, when it
  // is the ask it reads most like too, and reads as no detail ("how much does return shipping
  // cost" is about shipping too).
  const loose = topicAsked(query, ASK_SLACK);
  return loose && !looseDetailAsked(query) && likelyAsk(query) === loose ? loose : null;
}

function topicAsked(query: string, slack: number): TopicAsked | null {
  const clause = askingClause(query);
  return topicIn(query, slack) ?? (clause === null ? null : topicIn(clause, slack));
}

/** The topic a message asks for, read whole, with up to `slack` words not the topic's own. */
function topicIn(query: string, slack: number): TopicAsked | null {
  const q = normalize(query);
  const said = terms(q).filter((w) => !FILLER.has(w) && !/^\d+$/.test(w));
  if (!said.length) return null;
  for (const [name, topic] of Object.entries(TOPICS) as [TopicAsked, Topic][])
    if (topic.asked.test(q) && said.filter((w) => !topic.words.has(w)).length <= Math.max(slack, topic.slack ?? 0))
      return name;
  return null;
}

/**
 * Whether a question asks plainly for a topic the shop's content is searched for (gift cards,
 * parking): when no passage is on it, the shop does not write about it.
 */
export function searchedTopicAsked(query: string, learned = true): boolean {
  const asked = plainTopicAsked(query, learned);
  return asked !== null && TOPICS[asked].searched !== undefined;
}

/** A chunk's own heading and a Q&A entry's questions. */
const ownHeading = (c: KnowledgeChunk) =>
  normalize(`${c.headingPath.at(-1) ?? ''} ${c.title} ${c.questions.join(' ')}`);

/**
 * For a plain ask for one of the shop's everyday policies, the best-ranked of the first few hits
 * on that topic: by its own heading ("Returns", not "Rates" on the "Shipping and returns" page),
 * else by its page's, else (parking, gift cards) by its text; never a page for wholesale or
 * corporate customers the question does not name. For gift cards and parking, when none of the
 * first hits is on it, the same of a search for the topic. Undefined for other questions, or when
 * none is on it.
 */
export function topicHolder(
  index: KnowledgeIndex,
  query: string,
  hits: readonly SearchHit[],
  learned = true,
): SearchHit | undefined {
  const asked = plainTopicAsked(query, learned);
  if (!asked) return undefined;
  const topic = TOPICS[asked];
  const says = (h: SearchHit) => (topic.text ?? topic.heading).test(normalize(h.chunk.answer ?? h.chunk.text));
  const on = (found: readonly SearchHit[]) => {
    const theirs = found.filter(
      (h) => !forOthers(h, query) && !topic.refill?.test(headingsOf(h.chunk)) && (!topic.text || says(h)),
    );
    return (
      theirs.find((h) => topic.heading.test(ownHeading(h.chunk))) ??
      theirs.find((h) => topic.heading.test(headingsOf(h.chunk))) ??
      (topic.inText ? theirs.find(says) : undefined)
    );
  };
  return (
    on(hits.slice(0, TOPIC_HITS)) ??
    (topic.searched ? on(index.search(`${topic.searched} ${query}`, SEARCHED_HITS)) : undefined)
  );
}
