/**
 * Echoes: passages of different pages that say the same thing, like the footer a site repeats
 * under every page ("Call us (512) 555-0182 · 14 Elm Street · Tue–Sat 9–5"). Retrieval scores
 * each copy on its own, so "what's your phone number" finds three pages' footers at 0.46, 0.33
 * and 0.16: a split that reads as doubt between three pages where the three say one answer. The
 * confidence and the reranker's belief read an echo of the top hit as part of it.
 */
import { terms } from '../text/index';
import type { KnowledgeChunk } from '../retrieve/types';

/** Share of their words two passages must have in common (of either's) to be one text repeated. */
const ECHO_OVERLAP = 0.8;
const ECHO_MIN_WORDS = 5;

const isQa = (c: KnowledgeChunk) => c.questions.length > 0 || c.answer !== undefined;

const termSets = new WeakMap<KnowledgeChunk, ReadonlySet<string>>();

function termsOf(chunk: KnowledgeChunk): ReadonlySet<string> {
  let set = termSets.get(chunk);
  if (!set) termSets.set(chunk, (set = new Set(terms(chunk.text))));
  return set;
}

/** Whether two passages of different pages are one text repeated (Jaccard of their words). */
export function echoes(a: KnowledgeChunk, b: KnowledgeChunk): boolean {
  if (a.sourceId === b.sourceId || isQa(a) || isQa(b)) return false;
  const x = termsOf(a);
  const y = termsOf(b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size < ECHO_MIN_WORDS) return false;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared >= ECHO_OVERLAP * small.size;
}
