/**
 * Trimming a passage to the sentences that answer the question, so an offline answer reads as a
 * reply rather than a page dump.
 */
import { contentStems } from '../retrieve/features';
import { factKinds, kindMask, kindMatch, questionKinds } from '../text/answer-type';

/** A line that stands apart: a list item, table row, heading or quote. */
const BLOCK_LINE = /^\s*(?:[-*+•]\s|\d+[.)]\s|[|#>])/;

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
  return reflow(text)
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9"'([])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** How well each sentence answers the query: shared content words, plus the asked-for kind of fact. */
export function sentenceScores(sentences: readonly string[], query: string): number[] {
  const q = new Set(contentStems(query));
  const asked = kindMask(questionKinds(query));
  return sentences.map((s) => {
    const stems = new Set(contentStems(s));
    let n = 0;
    for (const t of q) if (stems.has(t)) n++;
    return n / Math.sqrt(stems.size + 1) + KIND_BONUS * kindMatch(asked, kindMask(factKinds(s)));
  });
}

/** What holding the asked-for kind of fact (a duration for "how long"…) is worth, in shared words. */
const KIND_BONUS = 0.5;

/**
 * The most relevant sentences of `text` for `query`, in their original order, within about
 * `maxWords` words: the best sentence first (shared words and the asked-for kind of fact), then
 * its follower (answers often continue) and other sentences at least half as relevant while room
 * remains. Short texts come back whole.
 */
export function relevantSentences(text: string, query: string, maxWords = 90): string {
  if (wordCount(text) <= maxWords) return reflow(text).trim();
  const sentences = splitSentences(text);
  const score = sentenceScores(sentences, query);
  let best = 0;
  score.forEach((o, i) => o > score[best] && (best = i));
  const chosen = new Set<number>([best]);
  let words = wordCount(sentences[best]);
  const order = [
    best + 1,
    ...score
      .map((o, i) => [o, i] as const)
      .filter(([o]) => o > 0 && o >= 0.5 * score[best])
      .sort((a, b) => b[0] - a[0])
      .map(([, i]) => i),
  ];
  for (const i of order) {
    if (i < 0 || i >= sentences.length || chosen.has(i)) continue;
    const w = wordCount(sentences[i]);
    if (words + w > maxWords) continue;
    chosen.add(i);
    words += w;
  }
  const kept = [...chosen].sort((a, b) => a - b);
  return kept.map((i, k) => (k > 0 && i !== kept[k - 1] + 1 ? '… ' : '') + sentences[i]).join(' ');
}
