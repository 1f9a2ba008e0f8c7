/**
 * Trimming a passage to the sentences that answer the question, so an offline answer reads as a
 * reply rather than a page dump.
 */
import { contentStems } from '../retrieve/features';
import { factMask, kindMask, kindMatch, questionKinds, type AnswerKind } from '../text/answer-type';
import { rememberedByText } from '../text/remember';

/** A line that stands apart: a list item, table row, heading or quote. */
const BLOCK_LINE = /^\s*(?:[-*+•]\s|\d+[.)]\s|[|#>])/;
/** A list item. */
const LIST_ITEM = /^\s*(?:[-*+•]\s|\d+[.)]\s)/;
/**
 * The table a row belongs to, as ingestion writes rows (engine/ingest/table.ts: "Day: Sunday;
 * Hours: 12:00 pm – 5:00 pm."): its first column's name; null for any other sentence. Not all its
 * names: a row leaves out a cell it has nothing in ("Day: Tuesday; Shop hours: 11 am – 7 pm." beside
 * "Day: Wednesday; Shop hours: 11 am – 7 pm; Notes: Friday tasting lineup posted."), and is of the
 * same table all the same.
 */
function tableColumns(sentence: string): string | null {
  const cells = sentence.split('; ');
  if (cells.length < 2) return null;
  const names = cells.map((c) => /^([^:;]{1,40}): \S/.exec(c)?.[1]);
  return names.every(Boolean) ? names[0]! : null;
}

/** A list whose items are this short names things (states, holidays, sizes): it is quoted whole. */
const NAME_WORDS = 4;
/** A short question a text asks its reader before it answers: "Need it faster?", "Running late?". */
const LEAD_IN = /^[^.!?]{1,40}\?$/;

/** The indices of the table the sentence at `at` is a row of (empty for any other sentence). */
function tableOf(sentences: readonly string[], at: number): number[] {
  const columns = tableColumns(sentences[at]);
  if (!columns) return [];
  const sameTable = (j: number) => tableColumns(sentences[j]) === columns;
  let [from, to] = [at, at];
  while (from > 0 && sameTable(from - 1)) from--;
  while (to + 1 < sentences.length && sameTable(to + 1)) to++;
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** A numbered step. */
const NUMBERED = /^\s*\d+[.)]\s/;
/** The earlier steps of a "how do I" answer may take a quote this far past its word budget. */
const STEPS_OVER = 1.5;
/**
 * A table's other rows may take it this far: a week of opening hours with a notes column runs to
 * about 90 words, and six days of seven read as if the shop closed on the seventh.
 */
const TABLE_OVER = 2;
/** A question how to do something, answered by steps. */
const HOW_TO = /\bhow (?:do|can|could|should|would) (?:i|we|you)\b|\bhow to\b|\b(?:steps?|process|procedure)\b/i;
/** A sentence that introduces what follows it ("We also cannot accept returns of:"). */
const INTRODUCES = /:\s*$/;

/**
 * Joins a line broken mid-sentence to the next ("arrive in 2 to 4⏎business days" is one
 * sentence), as Markdown reads a paragraph; list items, table rows, headings, quotes and lines
 * that end a sentence stay apart.
 */
export function reflow(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const joins =
      prev.trim() && line.trim() && !BLOCK_LINE.test(prev) && !BLOCK_LINE.test(line) && !/[.!?:;]\s*$/.test(prev);
    out = joins ? out.trimEnd() + ' ' + line.trimStart() : out + '\n' + line;
  }
  return out;
}

/** Splits text into sentences (also at line breaks and list items), keeping their order. */
export function splitSentences(text: string): string[] {
  return sentenceLines(text).flat();
}

/**
 * The sentences of each line of the text (a paragraph, list item or table row), lines without
 * any left out: where the text broke a line, so does a quote of it.
 */
function sentenceLines(text: string): string[][] {
  return (
    reflow(text)
      .split(/\n+/)
      // A list item's own number ("1. Take photos…") does not end a sentence.
      .map((line) =>
        line
          .split(/(?<=[.!?])(?<!^[ \t]*\d{1,3}\.)\s+(?=[A-Z0-9"'([])/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .filter((line) => line.length)
  );
}

/**
 * `text`'s sentences (as splitSentences) and, for each, the index of the first sentence of its
 * line: a sentence begins a line where the two are equal.
 */
function sentencesByLine(text: string): { sentences: string[]; lineOf: number[] } {
  const sentences: string[] = [];
  const lineOf: number[] = [];
  for (const line of sentenceLines(text)) {
    const first = sentences.length;
    for (const s of line) {
      sentences.push(s);
      lineOf.push(first);
    }
  }
  return { sentences, lineOf };
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * A sentence that says what a page or section covers ("This page explains how long orders take,
 * what shipping costs, and what to do if something arrives damaged", "If something isn't right,
 * here is how returns work."): it shares the question's words and answers nothing.
 */
const SIGNPOST =
  /^(?:this|the following|our) (?:page|section|guide|article|document|faq|help page)s? (?:explains?|covers?|describes?|lists?|tells?|shows?|outlines?|answers?|sets out|is about|has)\b|^(?:on|in) this (?:page|section|guide)\b|^(?:here|below),? (?:you(?:'ll| will| can) find|are|is|we explain)\b|^read on\b|\bhere(?:'s| is) (?:how|what) [\w\s'’-]{0,40}\b(?:works?|happens|to do|to expect)[.!:]?$/i;

const QUESTION_WORDS = new Set(['what', 'how', 'when', 'where', 'which', 'who', 'why']);

export const isSignpost = (sentence: string): boolean => SIGNPOST.test(sentence.trim());

/** A sentence's content stems (contentStems), remembered: sentences are read question after question. */
const stemsOf: (sentence: string) => readonly string[] = rememberedByText(contentStems);

/**
 * How well each sentence answers the query: shared content words, plus the asked-for kind of fact
 * (a specific kind, such as the duration "how long" asks for, counts double what a "can I / do you"
 * policy question's kind does: almost any sentence with a "not" or "only" holds that one). A
 * signpost scores 0.
 */
export function sentenceScores(
  sentences: readonly string[],
  query: string,
  also: readonly AnswerKind[] = [],
): number[] {
  const q = new Set(contentStems(query));
  const asked = kindMask([...questionKinds(query), ...also]);
  const specific = asked & ~kindMask(['policy']) ? 1 : 0.5;
  return sentences.map((s) => {
    if (isSignpost(s)) return 0;
    const stems = new Set(stemsOf(s));
    let n = 0;
    for (const t of q) if (stems.has(t)) n++;
    return n / Math.sqrt(stems.size + 1) + specific * KIND_BONUS * kindMatch(asked, factMask(s));
  });
}

/** What holding the asked-for kind of fact (a duration for "how long"…) is worth, in shared words. */
const KIND_BONUS = 0.5;

/**
 * Whether a passage matches the query only in a sentence that signposts (see SIGNPOST): the page's
 * introduction won the ranking on its summary of what the page covers, so the answer is elsewhere.
 */
export function onlySignposts(text: string, query: string): boolean {
  const sentences = splitSentences(text);
  // "What" is a content word to the rankers; here it would match the "explains what…" itself.
  const q = new Set(contentStems(query).filter((t) => !QUESTION_WORDS.has(t)));
  const shared = sentences.map((s) => new Set(stemsOf(s).filter((t) => q.has(t))).size);
  const best = Math.max(0, ...shared.filter((_, i) => !isSignpost(sentences[i])));
  return shared.some((n, i) => isSignpost(sentences[i]) && n > best);
}

/**
 * The most relevant sentences of `text` for `query`, in their original order, within about
 * `maxWords` words: the best sentence first (shared words and the asked-for kind of fact), then
 * its follower (answers often continue) and other sentences at least half as relevant while room
 * remains. Short texts come back whole. `also`: kinds of fact the question asks for beside those
 * its words name (a plain "do you offer any discounts" asks for prices: "10% off").
 */
export function relevantSentences(
  text: string,
  query: string,
  maxWords = 90,
  also: readonly AnswerKind[] = [],
): string {
  return chosenSentences(text, query, maxWords, also)
    .split('\n')
    .map((line) => withoutFooterLinks(withoutCopyright(line)))
    .join('\n');
}

/**
 * A footer line's copyright notice ahead of the facts it runs into: "© 2026 The Meeple & Mug ·
 * 1150 Williamson St · (608) 555-0117" answers "what's your phone number" without the "© 2026".
 */
const COPYRIGHT = /^(\s*)(?:©|\(c\)|copyright\b)[^·•|\n]*[·•|]\s*(?=\S)/i;
const withoutCopyright = (line: string) => line.replace(COPYRIGHT, '$1');

/**
 * A footer line's links after its facts: "58 Tanner St · (207) 555-0183 · Privacy · Terms" answers
 * "what's your phone number" without the link labels.
 */
const FOOTER_LINKS =
  /(?:\s*[·•|]\s*(?:privacy(?: policy| notice)?|terms(?: of (?:service|use)| (?:&|and) conditions)?|cookies?(?: policy| settings)?|accessibility|site ?map|instagram|facebook|twitter|tiktok|pinterest|youtube|linkedin))+\s*$/i;
const withoutFooterLinks = (line: string) => line.replace(FOOTER_LINKS, '');

/** A sentence that speaks of what the one before it names: "…any other countries", "…the rest". */
const REFERS_BACK = /\b(?:any|all) other\b|\bother than (?:these|those|that|this|the above)\b|\bthe above\b/i;

/** A sentence that goes on from the one before it: "Then…", "This…", "…then takes 3 days". */
const GOES_ON = /^(?:then|this|that|these|those|it|they|also|otherwise)\b|\bthen\b/i;

function chosenSentences(text: string, query: string, maxWords: number, also: readonly AnswerKind[]): string {
  const { sentences, lineOf } = sentencesByLine(text);
  // The specific kinds of fact asked for (not "can I / do you" policy).
  const specific = kindMask([...questionKinds(query), ...also]) & ~kindMask(['policy']);
  // Short texts come back whole, less a sentence that only says what the page covers; of three
  // or more sentences, only those that answer when some do not: that hold the fact a "how much" /
  // "how long" / "when" / "where" question asks for ("how much is postage" → the two with prices,
  // not where the shop ships and how), or else share the question's words ("do you ship to
  // France" → where it ships, not what it costs).
  if (wordCount(text) <= maxWords) {
    const keptAt = sentences.map((_, i) => i).filter((i) => !isSignpost(sentences[i]));
    const kept = keptAt.map((i) => sentences[i]);
    if (kept.length >= 3) {
      const q = new Set(contentStems(query));
      // A sentence that shares the words may go on in the next ("…refund you in full. Later than
      // that we can only give store credit."): it comes along.
      const shares = kept.map((s) => stemsOf(s).some((t) => q.has(t)));
      // (By words only from four sentences on: of three, the one without the words is as often
      // the list the question asks for: "what items can't be traded in" → "Strings, reeds…".)
      // A list item that names what is asked comes with those holding the fact: "are you open on
      // thanksgiving" keeps "- Thanksgiving Day" among the dated days the shop is closed on.
      const answers = specific
        ? kept.filter((s, i) => factMask(s) & specific || (LIST_ITEM.test(s) && shares[i]))
        : kept.length >= 4
          ? kept.filter((_, i) => shares[i] || (i > 0 && shares[i - 1]))
          : kept;
      // A bare "Yes." or "No, sorry." that opens the text is the answer's first word.
      if (answers.length && kept[0] !== answers[0] && wordCount(kept[0]) <= 3) answers.unshift(kept[0]);
      // A sentence that goes on from the one before ("Ground delivery then takes 3 to 7 business
      // days" after "From mid-October to late May, we pack orders on Tuesdays and Fridays only")
      // brings it.
      for (let i = kept.length - 1; i > 0; i--)
        if (answers.includes(kept[i]) && !answers.includes(kept[i - 1]) && GOES_ON.test(kept[i]))
          answers.push(kept[i - 1]);
      if (answers.length && answers.length < kept.length) {
        const chosen = withListIntros(kept, new Set(answers.map((s) => kept.indexOf(s))), Infinity);
        return joinSentences(
          [...chosen].sort((a, b) => a - b).map((k) => keptAt[k]),
          sentences,
          lineOf,
          false,
        );
      }
    }
    return kept.length === sentences.length || !kept.length
      ? reflow(text)
          .trim()
          .replace(/\n{2,}/g, '\n')
      : joinSentences(keptAt, sentences, lineOf, false);
  }
  const score = sentenceScores(sentences, query, also);
  // Nothing shares the question's words: start from the first sentence that is not a signpost.
  let best = Math.max(
    0,
    sentences.findIndex((s) => !isSignpost(s)),
  );
  score.forEach((o, i) => o > score[best] && (best = i));
  const chosen = new Set<number>([best]);
  let words = wordCount(sentences[best]);
  // Nothing shares the question's words (a section the ranking chose for its heading or its
  // synonyms): the section's lead, in order. Else the best sentence's follower, then the rest by
  // relevance. A table's first row does not go on from a sentence before the table: "We're at 312
  // Warren Street… Day: Monday; Shop hours: Closed." reads as if the shop were closed.
  const lead = !(score[best] > 0);
  // The best sentence a table's row: its table comes whole, whatever room its follower and the
  // other relevant sentences take (the four rates of a shipping table, not the plants' rate and
  // the sentence after it); they are counted against the budget as if it were one row.
  const table = lead ? [] : tableOf(sentences, best);
  if (table.reduce((n, j) => n + wordCount(sentences[j]), 0) <= TABLE_OVER * maxWords)
    table.forEach((j) => chosen.add(j));
  const follows = (i: number) =>
    i < sentences.length && !(tableColumns(sentences[i]) && !tableColumns(sentences[best]));
  const order = lead
    ? sentences.map((_, i) => i).filter((i) => i > best && !isSignpost(sentences[i]))
    : [
        ...(follows(best + 1) ? [best + 1] : []),
        ...score
          .map((o, i) => [o, i] as const)
          .filter(([o]) => o > 0 && o >= 0.5 * score[best])
          .sort((a, b) => b[0] - a[0])
          .map(([, i]) => i),
      ];
  for (const i of order) {
    if (i < 0 || i >= sentences.length || chosen.has(i)) continue;
    const w = wordCount(sentences[i]);
    if (words + w > maxWords) {
      if (lead) break;
      continue;
    }
    chosen.add(i);
    words += w;
  }
  // "How do I return my rental?" answered from step 2 of the steps: from step 1, a little over the
  // budget if need be.
  const firstStep = [...chosen].sort((a, b) => a - b).find((i) => NUMBERED.test(sentences[lineOf[i]]));
  if (HOW_TO.test(query) && firstStep !== undefined)
    for (let j = firstStep - 1; j >= 0 && NUMBERED.test(sentences[lineOf[j]]); j--) {
      const w = wordCount(sentences[j]);
      if (words + w > STEPS_OVER * maxWords) break;
      chosen.add(j);
      words += w;
    }
  words = [...chosen].reduce((n, j) => n + wordCount(sentences[j]), 0);
  // A row of a table ("Day: Sunday; Hours: 12:00 pm – 5:00 pm.") comes with the rest of its
  // table, a little over the budget if need be: six days of seven read as if the shop closed on
  // the seventh, two rates of three as if there were no third. The best sentence's table first.
  /** The sentences of a table or a list whole, when they fit in TABLE_OVER times the budget. */
  const bringWhole = (group: readonly number[]) => {
    const rest = group.filter((j) => !chosen.has(j));
    const more = rest.reduce((n, j) => n + wordCount(sentences[j]), 0);
    if (words + more > TABLE_OVER * maxWords) return;
    rest.forEach((j) => chosen.add(j));
    words += more;
  };
  if (!lead) for (const at of [...chosen].sort((a, b) => a - b)) bringWhole(tableOf(sentences, at));
  // A sentence that speaks of the one before ("We're sorry, but we don't ship to any other
  // countries" after "We deliver to the UK, Ireland…") brings it: alone it says the opposite.
  if (!lead)
    for (const at of [...chosen].sort((a, b) => b - a))
      if (at > 0 && !chosen.has(at - 1) && REFERS_BACK.test(sentences[at])) bringWhole([at - 1]);
  // An item of a list of names ("- California" of ten states) comes with the rest of its list:
  // "only to addresses in these states: - California" reads as if it were the only one.
  // (An item is a line: "- Teachers: 15% off classroom setups. Bring your school ID." is one.)
  const inItem = (j: number) => LIST_ITEM.test(sentences[lineOf[j]]);
  if (!lead)
    for (const at of [...chosen].sort((a, b) => a - b)) {
      if (!inItem(at)) continue;
      let [from, to] = [lineOf[at], at];
      while (from > 0 && inItem(from - 1)) from = lineOf[from - 1];
      while (to + 1 < sentences.length && inItem(to + 1)) to++;
      const list = Array.from({ length: to - from + 1 }, (_, k) => from + k);
      const items = list.filter((j) => lineOf[j] === j);
      const itemText = (i: number) =>
        list
          .filter((j) => lineOf[j] === i)
          .map((j) => sentences[j])
          .join(' ');
      // A list of names, or one each of whose items holds the kind of fact asked for (the three
      // discounts "10% off…", "15% off…", "10% off…"): read as a whole, like a table.
      const names = items.every((i) => wordCount(itemText(i)) <= NAME_WORDS);
      const facts = specific !== 0 && items.every((i) => (factMask(itemText(i)) & specific) !== 0);
      if (names || facts) bringWhole(list);
    }
  // A question that leads into the next sentence ("Need it faster? UPS 2nd Day Air is $25 extra.")
  // says nothing without it.
  for (const i of [...chosen])
    if (LEAD_IN.test(sentences[i]) && !chosen.has(i + 1) && chosen.size > 1) chosen.delete(i);
  const kept = [...withListIntros(sentences, chosen, maxWords)].sort((a, b) => a - b);
  return joinSentences(kept, sentences, lineOf);
}

/** An introduction this short always comes with its list item (see withListIntros). */
const SHORT_INTRO = 12;

/**
 * The chosen sentences (indices into `sentences`) with the lines that introduce their lists. A
 * line that ends in a colon and none of whose list is chosen says nothing ("We also cannot accept
 * returns of:" at the end of an answer): it is left out. A chosen list item comes with the line
 * that introduces its list, while `maxWords` allow: "For hygiene reasons, these items cannot be
 * returned once opened:" says what "- Drum sticks that have been played" is; a short one even
 * past `maxWords`.
 */
function withListIntros(sentences: readonly string[], chosen: Set<number>, maxWords: number): Set<number> {
  /** The indices of the list that the line at `i` introduces (the line after it, and its items). */
  const listOf = (i: number) => {
    const list = [i + 1];
    for (let k = i + 2; k < sentences.length && LIST_ITEM.test(sentences[k]); k++) list.push(k);
    return list;
  };
  const out = new Set(chosen);
  for (const i of chosen)
    if (out.size > 1 && INTRODUCES.test(sentences[i]) && !listOf(i).some((k) => out.has(k))) out.delete(i);
  let words = 0;
  for (const i of out) words += wordCount(sentences[i]);
  for (const i of [...out].sort((a, b) => a - b)) {
    if (!LIST_ITEM.test(sentences[i])) continue;
    let intro = i - 1;
    while (intro >= 0 && LIST_ITEM.test(sentences[intro])) intro--;
    if (intro < 0 || out.has(intro) || !INTRODUCES.test(sentences[intro])) continue;
    const w = wordCount(sentences[intro]);
    // A short introduction comes over the budget: "- Thanksgiving Day" without "We are closed on:"
    // says the opposite of nothing.
    if (words + w > maxWords && w > SHORT_INTRO) continue;
    out.add(intro);
    words += w;
  }
  return out;
}

/**
 * The sentences at `at` (indices into `sentences`, in order) joined as they read: paragraphs,
 * list items and table rows on lines of their own (the chat shows line breaks), a paragraph's
 * sentences run on, with "…" where some were left out between; a sentence picked from inside a
 * later paragraph starts its line with "… " (unless `gaps` is false: a short section's few
 * sentences read whole). `lineOf`: for each sentence, the first sentence of its line (sentencesByLine).
 */
function joinSentences(
  at: readonly number[],
  sentences: readonly string[],
  lineOf: readonly number[],
  gaps = true,
): string {
  return at
    .map((i, k) => {
      if (k === 0) return sentences[i];
      const prev = at[k - 1];
      // On a later line than the last: a line of its own, "… " when it starts inside that line.
      const later = lineOf[i] > prev;
      if (later || BLOCK_LINE.test(sentences[i]))
        return (gaps && later && lineOf[i] < i ? '\n… ' : '\n') + sentences[i];
      return (gaps && i !== prev + 1 ? ' … ' : ' ') + sentences[i];
    })
    .join('');
}

/**
 * A quote of a section that is a bare list ("What we can't take back": "- Gift cards", "- Opened
 * litter"), introduced by the section's heading: its items quoted alone say the opposite of
 * nothing. Not under a question (an FAQ page's headings) or a long heading.
 */
export function underHeading(quoted: string, text: string, heading: string): string {
  const label = heading.trim().replace(/[:.]$/, '');
  const bare = LIST_ITEM.test(quoted) && LIST_ITEM.test(text) && /\p{L}$/u.test(label) && wordCount(label) <= 8;
  return bare ? `${label}:\n${quoted}` : quoted;
}
