/**
 * The customer's spelling, read against the shop's own words before anything else reads the
 * question: "do giftcards expire" → "do gift cards expire", "whats your retrun policy" → "… return
 * policy", "do u ship" → "do you ship". Every ranker and the answer's confidence then see the words
 * the shop wrote (BM25's own typo tolerance reaches the ranking only, at a discount, and only
 * for one edit of a stem).
 *
 * A word is rewritten only when the shop never uses it and English does not know it either (it
 * has no word vector): a real word the shop happens not to use ("bake" in a shop that writes
 * "cake") stays as typed. Then, in order: chat shorthand ("u", "bday"); two words the shop writes
 * side by side, run together ("giftcards", "tuneup"); the shop's word one edit away (insert, delete,
 * substitute, swap), the most frequent when several are, and none when two are equally so.
 *
 * A number typed against its unit ("150g") is split where the shop writes the two apart ("150 g").
 * Two words the shop writes as one hyphenated compound are written so ("tune up" → "tune-up"),
 * which the index searches as one word beside its parts (features.ts), and so are two it writes
 * as one word and never apart ("paddle board" → "paddleboard").
 *
 * Phrases too: customers say "send it back", "my money back", "get to me" where shops write
 * return, refund, delivery, and no single word's vector carries that. Such a phrase is rewritten
 * only to a word the shop itself writes, and a customer's word the shop also uses ("swap",
 * "gift voucher") stays as typed.
 */
import { stem, STOPWORDS, tokenize } from '../text/index';
import { ABROAD, CITIES, COUNTRIES, SUBDIVISIONS } from '../text/places';
import { hyphenatedCompounds } from './features';
import { mapSteps, runSteps, type Steps } from './steps';
import { FILLER, HOME, PHRASINGS, SENDING, PLACE_BEFORE, SHORTHAND } from './phrasings';
import { otherSpellings, SYNONYMS } from './shop-words';
import { MIN_TYPO_LENGTH, TypoIndex } from './typo';

/**
 * Bounds on what a large site's spelling holds (its pairs run into millions): run-together pairs
 * kept, and the most frequent words a typo is read against.
 */
const MAX_JOINED = 50_000;
const MAX_TYPO_WORDS = 30_000;

/** "not", "never", "haven't", "did not"…: what comes before a verb the shop writes as un-…ed. */
const NEGATION = "(?:not|never|(?:have|has|had|did|do|does|was|were|is|are)(?:n['’]?t|\\s+not))";

/**
 * Endings that make one English word of another and keep what it is about: "rent" and "rental",
 * "week" and "weekly", "ship" and "shipment", "cheap" and "cheapest", "store" and "storage". The
 * stemmer leaves them apart (it strips inflections, not these), so a customer's "rent" never
 * met a page that only writes "rentals". Longest first; a plural "s" may follow any of them; the
 * shorter word has at least four letters ("pay" and "payment" stay apart).
 */
const DERIVED_ENDINGS = ['ment', 'age', 'est', 'al', 'ly', 'er'];

/**
 * A relative must also mean something close (word-vector cosine): "rent"/"rental" 0.77,
 * "week"/"weekly" 0.58, "store"/"storage" 0.59, "wash"/"washer" 0.41 pass; "mess"/"message" 0.28
 * and "mile"/"mileage" 0.29 do not (nor, at 0.24, "post"/"postage": the price of the guard).
 */
const MIN_RELATIVE_SIMILARITY = 0.35;

/** The shorter words a word may be derived from: itself, and without a derivational ending. */
function roots(word: string): string[] {
  const out = [word];
  const bare = word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  if (bare !== word) out.push(bare);
  for (const end of DERIVED_ENDINGS) {
    if (!bare.endsWith(end) || bare.length - end.length < 4) continue;
    const root = bare.slice(0, -end.length);
    out.push(root, `${root}e`);
    break;
  }
  return out;
}

/** A number and the unit after it ("150 g", "2 pm", "5 kg"): a pair customers type as one word. */
const isQuantity = (w: string, next: string) => /^\d+$/.test(w) && /^[a-z]{1,3}$/.test(next);

/** A phrase the customer types and what the shop writes for it. */
interface Phrasing {
  re: RegExp;
  to: string | ((match: string, ...groups: string[]) => string);
  /** Only in a question this matches (tested first: the phrasing's own pattern may be long). */
  when?: RegExp;
}

export interface KnownWords {
  /** Whether English knows the word (the offline word vectors have it). */
  has(word: string): boolean;
  /** How close two words' meanings are (cosine of their vectors); none: relatives are not read. */
  similarity?(a: string, b: string): number;
}

export class Spelling {
  private constructor(
    private readonly counts: Map<string, number>,
    /** Two adjacent words of the shop run together ("giftcards") → as the shop writes them. */
    private readonly joined: Map<string, string>,
    private readonly words: string[],
    private readonly typos: TypoIndex,
    private readonly english: KnownWords | null,
    /** Stems of the words of the shop's headings and Q&A questions. */
    private readonly headingWords: ReadonlySet<string>,
    /** The shop's hyphenated compounds, joined ("tuneup") → as it writes them ("tune-up"). */
    private readonly hyphenated: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * Learns the shop's words from its texts, in steps (see steps.ts); `headings` (among `texts`
   * too) are its headings and Q&A questions.
   */
  static *steps(
    texts: readonly string[],
    english: KnownWords | null,
    headings: readonly string[] = [],
  ): Steps<Spelling> {
    const counts = new Map<string, number>();
    const joined = new Map<string, string>();
    const hyphenated = new Map<string, string>();
    yield* mapSteps(
      texts,
      (t) => {
        for (const { written, joined: one } of hyphenatedCompounds(t))
          if (hyphenated.size < MAX_JOINED) hyphenated.set(one, written);
        const tokens = tokenize(t);
        tokens.forEach((w, i) => {
          counts.set(w, (counts.get(w) ?? 0) + 1);
          const next = tokens[i + 1];
          if (next && joined.size < MAX_JOINED && (!/\d/.test(w + next) || isQuantity(w, next)))
            joined.set(w + next, `${w} ${next}`);
        });
      },
      32,
    );
    const words = [...counts.keys()];
    if (words.length > MAX_TYPO_WORDS) words.sort((a, b) => counts.get(b)! - counts.get(a)!).length = MAX_TYPO_WORDS;
    const headingWords = new Set(headings.flatMap((h) => tokenize(h).map(stem)));
    return new Spelling(counts, joined, words, yield* TypoIndex.steps(words), english, headingWords, hyphenated);
  }

  static of(texts: readonly string[], english: KnownWords | null, headings: readonly string[] = []): Spelling {
    return runSteps(Spelling.steps(texts, english, headings));
  }

  /** The last question read and how it reads (a turn's search and its answer read the same one). */
  private last = { query: '', read: '' };

  /** The shop's words by what they derive from (worked out once, on first use). */
  private derived?: { byRoot: Map<string, string>; stems: Set<string> };

  /** Customers' words the shop never writes → the shop's word for them (on first use). */
  private synonyms?: Map<string, string>;

  /** The phrasings this shop has a word for, with that word (worked out once, on first use). */
  private phrasings?: Phrasing[];

  private shopPhrasings(): Phrasing[] {
    return (this.phrasings ??= [
      ...PHRASINGS.flatMap((p) => {
        if (p.unless?.some((w) => this.counts.has(w))) return [];
        const written = (w: string) => (p.heading ? this.headingWords.has(stem(w)) : this.counts.has(w));
        const to = p.to.find((t) => tokenize(t).every(written));
        if (!to) return [];
        return [{ re: p.re, to: p.keep ? (match: string) => `${match} ${to}` : to }];
      }),
      ...this.negatedParticiples(),
      ...this.places(),
    ]);
  }

  /** Whether the shop writes a name of one or more words (those side by side, as one name). */
  private writesName(name: string): boolean {
    const words = name.split(' ');
    return words.length === 1
      ? this.writes(name)
      : words.every((w, i) => i === 0 || this.joined.get(words[i - 1] + w) === `${words[i - 1]} ${w}`);
  }

  /**
   * "Do you ship to Germany?", "I'm in Texas": a place the shop never names, read as what the
   * shop writes for it: a country by the other name the shop gives it ("UK" → "United Kingdom"),
   * else as its "international" (or "worldwide", "countries"…), else as where the shop does ship
   * ("within the United States": a shop with no word for abroad), a state or province as its
   * country's "states", "Canada"… The shop's list or rule ("We ship to Canada,
   * the UK and Ireland", "We do not ship to other states yet") is the answer, and the place's
   * name, missing from every passage, no longer counts against it. Only in a question about
   * sending ("ship", "postage", "customs", "get here"), and after "to", "in", "from"… or a shipping
   * word, or at the question's start: "turkey" on a menu is no country, nor a trip to Spain a parcel.
   */
  private places(): Phrasing[] {
    const first = (words: readonly string[]) => words.find((w) => this.writesName(w));
    const read = new Map<string, string>();
    const abroad = first(ABROAD);
    // A shop with no word for abroad writes where it does ship ("only within the United States"):
    // a country it never names is read as that, as "internationally" is below.
    const home = abroad ? undefined : first(HOME);
    for (const names of COUNTRIES) {
      // "the UK" in a shop that writes "United Kingdom": the shop's name for it.
      const own = first(names) ?? abroad ?? home;
      if (own) for (const name of names) if (!this.writesName(name)) read.set(name, own);
    }
    for (const { names, country } of SUBDIVISIONS) {
      const home = first(country);
      if (home) for (const name of names) if (!this.writesName(name) && !read.has(name)) read.set(name, home);
    }
    // A city as the shop writes its state or country, or as that place is read above ("honolulu"
    // → "hawaii" in a shop that names Hawaii's rate, → "states" in one that ships to all 50).
    for (const { names, within } of CITIES) {
      const own = this.writesName(within) ? within : read.get(within);
      if (own) for (const name of names) if (!this.writesName(name) && !read.has(name)) read.set(name, own);
    }
    const out: Phrasing[] = [];
    // "Do you ship internationally?" where the shop writes only where it does ship ("the lower 48
    // states", "We do not ship to other states yet"): that is the answer.
    if (home) out.push({ re: /\b(?:international(?:ly)?|overseas|abroad|worldwide)\b/giu, to: home });
    if (!read.size) return out;
    const names = [...read.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+'));
    const re = new RegExp(`${PLACE_BEFORE}(?:${names.join('|')})\\b`, 'giu');
    const to = (name: string) => read.get(name.toLowerCase().replace(/\s+/g, ' ')) ?? name;
    return [...out, { re, to, when: SENDING }];
  }

  /**
   * "Haven't opened", "never used", "not worn" for the shop's "unopened", "unused", "unworn":
   * a returns policy says what condition an item must be in with one word, the customer with a
   * negation and a verb (in any tense: "didn't use"). One pattern for all the shop's such words.
   */
  private negatedParticiples(): Phrasing[] {
    const word = new Map<string, string>();
    for (const w of this.counts.keys()) {
      const m = /^un([a-z]{3,}?)(e?d|en|n)$/.exec(w);
      if (!m || !this.english?.has(m[1] + m[2])) continue;
      for (const verb of [m[1] + m[2], m[1], m[1] + 'e']) if (!word.has(verb)) word.set(verb, w);
    }
    if (!word.size) return [];
    const verbs = [...word.keys()].sort((a, b) => b.length - a.length).join('|');
    const re = new RegExp(`\\b${NEGATION}\\s+(?:(?:been|even|yet|ever)\\s+)?(${verbs})\\b`, 'giu');
    return [{ re, to: (_: string, verb: string) => word.get(verb.toLowerCase()) ?? verb }];
  }

  /** Whether the shop writes the word (or another of its stem) anywhere. */
  writes(word: string): boolean {
    return this.byStem().has(stem(word));
  }

  /**
   * Whether the shop writes the word or one made from it ("deliver" where the shop writes only
   * "delivery", "engrave" and "engraving"): a written word that begins with its stem.
   */
  writesRoot(word: string): boolean {
    if (this.writes(word)) return true;
    const root = stem(word);
    if (root.length < 4) return false;
    for (const w of this.counts.keys()) if (w.startsWith(root)) return true;
    return false;
  }

  /** The shop's most frequent word of each stem it writes (worked out once, on first use). */
  private byStem(): Map<string, string> {
    if (this.stemmed) return this.stemmed;
    const out = new Map<string, string>();
    for (const [word, count] of this.counts) {
      const held = out.get(stem(word));
      if (!held || this.counts.get(held)! < count) out.set(stem(word), word);
    }
    return (this.stemmed = out);
  }

  private stemmed?: Map<string, string>;

  /** The question with each unknown word read as the shop would write it; unchanged when none is. */
  correct(query: string): string {
    if (query === this.last.query || query === this.last.read) return this.last.read;
    const read = this.read(query);
    this.last = { query, read };
    return read;
  }

  private read(query: string): string {
    let changed = false;
    const asked = query
      .replace(FILLER, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim();
    if (asked !== query && /[\p{L}\p{N}]/u.test(asked)) [query, changed] = [asked, true];
    for (const { re, to, when } of this.shopPhrasings()) {
      if (when && !when.test(query)) continue;
      // Two calls for replace's two overloads (a string, or a function of the match).
      const out = typeof to === 'string' ? query.replace(re, to) : query.replace(re, to);
      if (out !== query) [query, changed] = [out, true];
    }
    const out = query.replace(/[\p{L}\p{N}']+/gu, (raw) => {
      const tokens = tokenize(raw);
      if (tokens.length !== 1) return raw;
      const fixed = this.word(tokens[0]);
      if (fixed === null) {
        // A word the shop writes, beside the word it heads the topic with.
        const topic = this.topicWord(tokens[0]);
        if (topic === null) return raw;
        changed = true;
        return `${raw} ${topic}`;
      }
      changed = true;
      return fixed;
    });
    return this.hyphenate(changed ? out : query);
  }

  /**
   * Two words the shop writes as one compound, written so: "tune up?" → "tune-up?", "paddle
   * board" → "paddleboard" (a closed compound only when the shop never writes the two apart).
   */
  private hyphenate(query: string): string {
    const parts = query.split(/(\s+)/);
    for (let i = 0; i + 2 < parts.length; i += 2) {
      const second = /^(\p{L}+)(\P{L}*)$/u.exec(parts[i + 2]);
      if (!second || !/^\p{L}+$/u.test(parts[i])) continue;
      const [first, next] = [parts[i].toLowerCase(), second[1].toLowerCase()];
      const compound = this.hyphenated.get(first + next) ?? this.closedCompound(first, next);
      if (compound?.split('-').length === 2 || compound === first + next)
        [parts[i], parts[i + 1], parts[i + 2]] = ['', '', compound + second[2]];
    }
    return parts.join('');
  }

  /** "paddleboard" for "paddle" "board" when the shop writes it so and never the two apart. */
  private closedCompound(first: string, next: string): string | undefined {
    const joined = first + next;
    if (first.length < 3 || next.length < 3 || STOPWORDS.has(joined)) return undefined;
    return this.counts.has(joined) && this.joined.get(joined) !== `${first} ${next}` ? joined : undefined;
  }

  /** What one unknown token stands for, or null to keep it. */
  private word(token: string): string | null {
    if (this.counts.has(token)) return null;
    // A number typed against its unit ("150g") where the shop writes them apart ("150 g").
    if (/\d/.test(token)) return this.joined.get(token) ?? null;
    const short = SHORTHAND[token];
    if (short) return short;
    if (this.english?.has(token)) return this.otherSpelling(token) ?? this.synonym(token) ?? this.relative(token);
    return this.compound(token) ?? this.nearest(token);
  }

  /**
   * The same word as the shop spells it on the other side of the Atlantic: "colour" in a shop
   * that writes "color", "personalized" in one that writes "personalised", "cancelled" and
   * "canceled". English knows both, so neither is a typo; the shop writes only one.
   */
  private otherSpelling(token: string): string | null {
    return otherSpellings(token).find((other) => this.writes(other)) ?? null;
  }

  /**
   * For a word the shop writes but never heads a section with, the word of its SYNONYMS group the
   * shop does head one with (and writes); null when none. "How long does delivery take?" in a shop
   * that says "delivery" in passing ("within 30 days of delivery") and heads its section
   * "Shipping": the question is about that section's topic, and is searched by both words.
   */
  private topicWord(token: string): string | null {
    return (this.topics ??= this.shopTopics()).get(token) ?? null;
  }

  /** Each word of a SYNONYMS group the shop writes but heads nothing with → its topic word (topicWord). */
  private shopTopics(): Map<string, string> {
    const out = new Map<string, string>();
    for (const { words, to = words, topic: names = true } of SYNONYMS)
      for (const w of words) {
        if (!names || out.has(w) || !this.writes(w) || this.headingWords.has(stem(w))) continue;
        const topic = to.find((t) => stem(t) !== stem(w) && this.headingWords.has(stem(t)) && this.counts.has(t));
        if (topic) out.set(w, topic);
      }
    return out;
  }

  private topics?: Map<string, string>;

  /** The shop's word for a customer's word it never writes, from SYNONYMS; null when none. */
  private synonym(token: string): string | null {
    return (this.synonyms ??= this.shopSynonyms()).get(token) ?? null;
  }

  /** Each customer's word the shop never writes (not even by stem) → the shop's word for it. */
  private shopSynonyms(): Map<string, string> {
    const written = this.byStem();
    const out = new Map<string, string>();
    // What the shop heads a section with names the topic ("Shipping"), even where another word of
    // the group is more frequent in its text ("…within 30 days of delivery"); then the most frequent.
    const rank = (w: string) => (this.headingWords.has(stem(w)) ? 1e9 : 0) + this.counts.get(w)!;
    for (const { words, to = words } of SYNONYMS) {
      let best: string | null = null;
      for (const w of to) {
        const shop = written.get(stem(w));
        if (shop && (!best || rank(shop) > rank(best))) best = shop;
      }
      if (!best) continue;
      for (const w of words) if (!written.has(stem(w)) && !out.has(w)) out.set(w, best);
    }
    return out;
  }

  /**
   * The shop's word that derives from the same root as a real word the shop never writes, when
   * the stemmer does not already join them: "rent" → "rental", "rentals" → "rent", "weekly" →
   * "week". The shop's most frequent such word whose meaning is close enough.
   */
  private relative(token: string): string | null {
    const similarity = this.english?.similarity;
    if (!similarity || !/^[a-z]{4,}$/.test(token)) return null;
    const derived = (this.derived ??= this.derivedWords());
    if (derived.stems.has(stem(token))) return null;
    let best: string | null = null;
    for (const root of roots(token)) {
      const word = derived.byRoot.get(root);
      if (!word || (best && this.counts.get(word)! <= this.counts.get(best)!)) continue;
      if (similarity(token, word) >= MIN_RELATIVE_SIMILARITY) best = word;
    }
    return best;
  }

  private derivedWords(): { byRoot: Map<string, string>; stems: Set<string> } {
    const byRoot = new Map<string, string>();
    const stems = new Set<string>();
    for (const [word, count] of this.counts) {
      if (!/^[a-z]{4,}$/.test(word)) continue;
      stems.add(stem(word));
      for (const root of roots(word)) {
        const held = byRoot.get(root);
        if (!held || this.counts.get(held)! < count) byRoot.set(root, word);
      }
    }
    return { byRoot, stems };
  }

  /**
   * Two words the shop writes side by side, typed as one ("giftcards" → "gift cards", "ebike" →
   * "e bike"), the plural too ("giftcards" where the shop writes "gift card"). Only a pair the
   * shop itself writes: "afterpay" is not "after pay".
   */
  private compound(token: string): string | null {
    const pair = this.joined.get(token);
    if (pair) return pair;
    const singular = token.endsWith('s') ? this.joined.get(token.slice(0, -1)) : undefined;
    return singular ? `${singular}s` : null;
  }

  /** The shop's word one edit away, when one is clearly the likeliest. */
  private nearest(token: string): string | null {
    if (token.length < MIN_TYPO_LENGTH) return null;
    const near = this.typos
      .near(token)
      .map((id) => ({ word: this.words[id], count: this.counts.get(this.words[id]) ?? 0 }))
      .sort((x, y) => y.count - x.count);
    if (!near.length || (near[1] && near[1].count === near[0].count)) return null;
    return near[0].word;
  }
}
