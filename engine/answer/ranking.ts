/**
 * The order the answer reads the ranking in: the page the ranking favours as a whole first, then
 * within it the section that holds the fact asked for. What is quoted and the confidence it is
 * given are both read from this order (offline.ts, calibrate.ts).
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, SearchHit } from '../retrieve/types';
import { factMask, kindMask, questionKinds } from '../text/answer-type';
import { rerank } from './rerank';

/** Whether a chunk is a Q&A entry (its answer is a reply as it stands). */
export function isFaq(chunk: KnowledgeChunk): boolean {
  return chunk.questions.length > 0 || chunk.answer !== undefined;
}

/** A passage of the same page as the top hit. */
export const sameSourcePassage = (h: SearchHit, top: SearchHit) =>
  !isFaq(h.chunk) && h.chunk.sourceId === top.chunk.sourceId;

/** How many of the best hits vote for their page. */
const PAGE_VOTERS = 5;

/**
 * The ranking with the sections of the page that holds the most belief first. A page cut into
 * sections splits its belief among them: "how much is shipping" puts Returns › Return Shipping
 * Costs first at 0.32 while three sections of the Shipping page hold 0.53 between them, and the
 * Shipping page is the answer. Passages only: a Q&A entry that wins stands as it is.
 */
function pageFirst(hits: SearchHit[]): SearchHit[] {
  const [top] = hits;
  if (!top || isFaq(top.chunk)) return hits;
  const mass = new Map<string, number>();
  for (const h of hits.slice(0, PAGE_VOTERS))
    if (!isFaq(h.chunk)) mass.set(h.chunk.sourceId, (mass.get(h.chunk.sourceId) ?? 0) + h.probability);
  let best = top.chunk.sourceId;
  for (const [source, m] of mass) if (m > mass.get(best)!) best = source;
  if (best === top.chunk.sourceId) return hits;
  const page = hits.filter((h) => !isFaq(h.chunk) && h.chunk.sourceId === best);
  return [...page, ...hits.filter((h) => !page.includes(h))];
}

/**
 * The ranking with, first, the section that holds the fact asked for: when the top hit lacks the
 * price a "how much" asks for (or the duration, the time, the place, the phone number) and another
 * section of the same page among the next three holds it and the question's words as fully, that
 * section is the answer, and the confidence is read for it ("how much is a sourdough": the price
 * table, not "How ordering ahead works" above it, which mentions the loaf).
 */
function sectionHoldingFact(query: string, hits: SearchHit[]): SearchHit[] {
  const specific = kindMask(questionKinds(query)) & ~kindMask(['policy']);
  const [top] = hits;
  const holds = (h: SearchHit) => factMask(h.chunk.answer ?? h.chunk.text) & specific;
  if (!specific || !top || holds(top)) return hits;
  const section = hits
    .slice(1, 4)
    .find((h) => holds(h) && sameSourcePassage(h, top) && h.features.coverage >= top.features.coverage);
  return section ? [section, ...hits.filter((h) => h !== section)] : hits;
}

/** The hits in the order an answer reads them (see the top of this file). */
export function answerRanking(query: string, hits: SearchHit[]): SearchHit[] {
  return sectionHoldingFact(query, pageFirst(hits));
}

/**
 * The hits in the order an answer reads them, read a second time (rerank.ts): the order rules
 * above, then the reranker over the best few, then, when that moved another page or section
 * first, its section that holds the fact asked for.
 */
export function rerankedForAnswer(index: KnowledgeIndex, query: string, hits: SearchHit[]): SearchHit[] {
  const ordered = answerRanking(query, hits);
  const reranked = rerank(index, query, ordered);
  return reranked === ordered ? ordered : sectionHoldingFact(query, reranked);
}

/** How many hits an answer reads. */
const ANSWER_HITS = 5;

/**
 * The index's best hits for a query in the order an answer reads them: the one ranking the answer,
 * the workspace's calibration and the answer model's fitting (scripts/tune) all read.
 */
export function answerHits(index: KnowledgeIndex, query: string): SearchHit[] {
  return rerankedForAnswer(index, query, index.search(query, ANSWER_HITS));
}
