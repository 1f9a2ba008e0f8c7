/**
 * The built-in answerer, no model needed: the Q&A answer when a Q&A entry wins, else the best
 * passage(s) trimmed to the relevant sentences; always with citations and a calibrated
 * confidence, and an honest "not sure" below the threshold.
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import { titleLine } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, SearchHit } from '../retrieve/types';
import { confidenceOf } from './confidence';
import { relevantSentences, wordCount } from './sentences';
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

/** Whether a chunk is a Q&A entry (its answer is a reply as it stands). */
export function isFaq(chunk: KnowledgeChunk): boolean {
  return chunk.questions.length > 0 || chunk.answer !== undefined;
}

/** A second passage joins the answer when it holds at least this share of the top one's belief. */
const SECOND_PASSAGE_SHARE = 0.5;
/** Below this many words a passage is treated as an introduction (see answerOffline). */
const SHORT_PASSAGE_WORDS = 80;

/** Answers from the index alone. */
export function answerOffline(index: KnowledgeIndex, query: string, opts: OfflineAnswerOptions = {}): EngineAnswer {
  const threshold = opts.threshold ?? DEFAULT_ANSWER_THRESHOLD;
  const hits = opts.hits ?? index.search(query, 5);
  const confidence = confidenceOf(hits);
  const top = hits[0];
  if (!top || confidence < threshold) {
    return { text: NOT_SURE_TEXT, citations: [], confidence, abstained: true, source: 'none' };
  }
  if (isFaq(top.chunk)) {
    return {
      text: (top.chunk.answer ?? top.chunk.text).trim(),
      citations: [citationOf(top.chunk)],
      confidence,
      abstained: false,
      source: 'faq',
    };
  }
  const used = [top];
  const second = hits[1];
  // A short best passage is often a page's introduction: the page's next best passage joins it,
  // since the answer itself is usually in a section below.
  const sibling =
    wordCount(top.chunk.text) < SHORT_PASSAGE_WORDS
      ? hits.slice(1, 4).find((h) => !isFaq(h.chunk) && h.chunk.sourceId === top.chunk.sourceId)
      : undefined;
  if (sibling) used.push(sibling);
  else if (second && !isFaq(second.chunk) && second.probability >= SECOND_PASSAGE_SHARE * top.probability)
    used.push(second);
  const text = used.map((h) => relevantSentences(h.chunk.text, query, used.length > 1 ? 60 : 90)).join('\n\n');
  return { text, citations: used.map((h) => citationOf(h.chunk)), confidence, abstained: false, source: 'passages' };
}
