/**
 * Trimming a passage to the sentences that answer the question, so an offline answer reads as a
 * reply rather than a page dump.
 */
import { contentStems } from '../retrieve/features';

/** Splits text into sentences (also at line breaks and list items), keeping their order. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9"'([])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * The most relevant sentences of `text` for `query`, in their original order, within about
 * `maxWords` words: the best-overlapping sentence first, then its neighbours and other
 * overlapping sentences while room remains. Short texts come back whole.
 */
export function relevantSentences(text: string, query: string, maxWords = 90): string {
  if (wordCount(text) <= maxWords) return text.trim();
  const sentences = splitSentences(text);
  const q = new Set(contentStems(query));
  const overlap = sentences.map((s) => {
    const stems = new Set(contentStems(s));
    let n = 0;
    for (const t of q) if (stems.has(t)) n++;
    return n / Math.sqrt(stems.size + 1);
  });
  let best = 0;
  overlap.forEach((o, i) => o > overlap[best] && (best = i));
  const chosen = new Set<number>([best]);
  let words = wordCount(sentences[best]);
  // Candidates: the next sentence (answers often continue), then the others that overlap.
  const order = [
    best + 1,
    ...overlap
      .map((o, i) => [o, i] as const)
      .filter(([o]) => o > 0)
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
