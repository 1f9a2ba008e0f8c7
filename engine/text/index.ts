/**
 * Text primitives shared by every part of the engine: normalisation, tokens, stems.
 * Kept dependency-light so the engine stays pure TypeScript.
 */
import { stemmer } from 'stemmer';

/** Common English function words; they carry no topic and are dropped from lexical terms. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most
  my myself no nor not of off on once only or other our ours ourselves out over own same she should so
  some such than that the their theirs them themselves then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves im ive id youre thats dont doesnt didnt cant wont isnt arent please hi hello
  hey thanks thank also get got us let lets yes yeah yep yup ok okay`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words of a question that say little about what it asks ("do you *work* on e-bikes", "I *want*
 * to *know*…", "can I *use* my own clay"), left out of what the question is searched and judged
 * by, not of the content's text: a shop that rarely writes "work" made it the question's rarest,
 * most telling word, and the passage that answers lost for not holding it. Not in STOPWORDS, which
 * every reader of text shares (the tagger, frustration, gaps).
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set(
  'want wants wanted need needs like know go going come make use work give put able'.split(' '),
);

/**
 * Who the visitor speaks of, chat filler and the frame of a question: "can my 14 yr old
 * daughter…", "lol", "kinda", "what happens if", "hold it til saturday", "the white stuff". Words
 * a shop's pages rarely write, and that ask for nothing of them; read as missing, they made a
 * plain question told with its context look like one about something the shop does not do. Left
 * out of the question's words unless the shop writes them ("kids' classes"). Not "how much" or
 * "around": "how much is a sourdough" then read as "sourdough" alone, and "come in around 3" asks
 * for a time.
 */
export const VISITOR_WORDS: ReadonlySet<string> = new Set(
  `mom mum mother dad father son sons daughter daughters wife husband hubby partner kid kids child children
  grandson granddaughter grandkids grandma grandpa granny nan nana sister brother aunt uncle niece nephew
  cousin friend friends buddy boyfriend girlfriend fiance fiancee coworker coworkers boss neighbor neighbour
  lol haha kinda sorta honestly guys gonna wanna pls plz thx happens happen possible roughly
  approximately stuff thing things til till anymore usually normally typically`.split(/\s+/),
);

/** Lowercases, strips accents and folds typographic quotes so that spellings compare equal. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

/** Normalised (see `normalize`) on one line: runs of whitespace as one space, trimmed. */
export function normalizedLine(text: string): string {
  return normalize(text).replace(/\s+/g, ' ').trim();
}

/** Splits text into lowercase word tokens (letters and digits; apostrophes removed: "don't" → "dont"). */
export function tokenize(text: string): string[] {
  return (
    normalize(text)
      .replace(/'/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const stemCache = new Map<string, string>();

/** Porter stem of one lowercase token, memoised (the same words recur across every query). */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = stemmer(token);
    if (stemCache.size < 200_000) stemCache.set(token, s);
  }
  return s;
}

/** Content terms of a text: tokens without stopwords, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOPWORDS.has(t)) out.push(stem(t));
  return out;
}
