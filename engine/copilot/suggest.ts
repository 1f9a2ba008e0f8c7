/**
 * The agent's suggested reply: drafted from the team's past replies to similar questions and from
 * the shop's content (with the citations that back it), offline; a configured model may write it
 * from the same material (see model.ts). Never sent by itself: the agent inserts and edits it.
 */
import { citationOf, answerOffline } from '../answer/offline';
import { reportsProblem } from '../conversation/problem';
import { confidenceOf } from '../answer/confidence';
import type { Citation } from '../answer/types';
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { SearchHit } from '../retrieve/types';
import { similarityOf, type LearnedIndex, type LearnedMatch } from './learned';

export type SuggestionKind = 'team' | 'content' | 'none';

export interface Suggestion {
  kind: SuggestionKind;
  /** The draft ('' when there is nothing to suggest). */
  text: string;
  /** 0..1: the content answer's calibrated confidence, or the past question's closeness. */
  confidence: number;
  /** The shop's passages that back the draft. */
  citations: Citation[];
  /** The team's past reply the draft comes from. */
  learned: { id: string; question: string; similarity: number } | null;
  /** Why there is nothing to suggest: no question yet, no content nor past replies, nothing close. */
  empty?: 'no_question' | 'no_material' | 'no_match';
  writtenBy: 'engine' | 'model';
}

export interface SuggestInput {
  /** The visitor's latest question (null before they asked anything). */
  question: string | null;
  content: KnowledgeIndex | null;
  learned: LearnedIndex | null;
  /** The workspace's answer threshold; content below it backs a team reply no more. */
  threshold: number;
}

/**
 * When a team reply wins over the content: its past question is at least LEARNED_MIN close to the
 * new one and no further from it than the best passage is (LEARNED_MARGIN), or at least
 * LEARNED_SURE close whatever the content holds. Closeness is measured the same way on both sides
 * (`similarityOf`). Fitted with `chatref eval copilot` (engine/eval/copilot.ts) on the demo shop
 * and six others, pooled.
 */
export const LEARNED_MIN = 0.42;
export const LEARNED_MARGIN = -0.06;
export const LEARNED_SURE = 0.75;
/** Content below this confidence is not drafted from (the agent reads the draft, the visitor does not). */
export const CONTENT_FLOOR = 0.15;
/** Documents cited with a content draft: the one quoted, and the next best other page. */
const CITED_DOCUMENTS = 2;

/** What the model (or the engine) drafts from: the closest past replies and the best passages. */
export interface Material {
  question: string;
  matches: LearnedMatch[];
  hits: SearchHit[];
  contentConfidence: number;
}

export function gather(input: SuggestInput): Material | null {
  const question = input.question?.trim();
  if (!question) return null;
  const matches = input.learned?.match(question, 3) ?? [];
  const hits = input.content?.size ? input.content.search(question, 5) : [];
  return { question, matches, hits, contentConfidence: confidenceOf(hits) };
}

/** The best passage and the next best page's, as the draft's citations. */
function citationsOf(hits: readonly SearchHit[], first: Citation | undefined): Citation[] {
  const out: Citation[] = first ? [first] : [];
  const sources = new Set(
    out.map((c) => hits.find((h) => h.chunk.id === c.chunkId)?.chunk.sourceId).filter((s) => s !== undefined),
  );
  for (const h of hits) {
    if (out.length >= CITED_DOCUMENTS) break;
    if (sources.has(h.chunk.sourceId)) continue;
    sources.add(h.chunk.sourceId);
    out.push(citationOf(h.chunk));
  }
  return out;
}

/** Drafts the reply offline. */
export function suggestOffline(input: SuggestInput): Suggestion {
  const base = { citations: [], learned: null, writtenBy: 'engine' as const };
  if (!input.question?.trim()) return { ...base, kind: 'none', text: '', confidence: 0, empty: 'no_question' };
  if (!input.content?.size && !input.learned?.size)
    return { ...base, kind: 'none', text: '', confidence: 0, empty: 'no_material' };
  return compose(gather(input)!, input);
}

/** The offline draft from gathered material. */
export function compose(m: Material, input: Pick<SuggestInput, 'content' | 'threshold'>): Suggestion {
  const team = m.matches[0];
  // A visitor's own trouble ("my order is a week late") is rarely answered by a policy passage
  // the bot itself would not have given: content is drafted from only above the answer threshold.
  const floor = reportsProblem(m.question) ? Math.max(CONTENT_FLOOR, input.threshold) : CONTENT_FLOOR;
  const content =
    input.content && m.hits.length && m.contentConfidence >= floor
      ? // Gated above on the calibrated confidence the floor was chosen for; the answer model's own
        // confidence (a different scale, for the bot's answer-or-abstain) does not gate a draft twice.
        answerOffline(input.content, m.question, { threshold: 0, hits: m.hits })
      : null;
  const fromTeam = (match: LearnedMatch): Suggestion => ({
    kind: 'team',
    text: match.entry.answer,
    confidence: match.similarity,
    citations: content && m.contentConfidence >= input.threshold ? citationsOf(m.hits, content.citations[0]) : [],
    learned: { id: match.entry.id, question: match.entry.question, similarity: match.similarity },
    writtenBy: 'engine',
  });
  const contentSim = m.hits[0] ? similarityOf(m.hits[0]) : 0;
  if (
    team &&
    (team.similarity >= LEARNED_SURE ||
      (team.similarity >= LEARNED_MIN && team.similarity >= contentSim + LEARNED_MARGIN))
  )
    return fromTeam(team);
  if (content && !content.abstained) return fromContent(content, m);
  if (team && team.similarity >= LEARNED_MIN) return fromTeam(team);
  return {
    kind: 'none',
    text: '',
    confidence: 0,
    citations: [],
    learned: null,
    empty: 'no_match',
    writtenBy: 'engine',
  };
}

function fromContent(content: ReturnType<typeof answerOffline>, m: Material): Suggestion {
  return {
    kind: 'content',
    text: content.text,
    confidence: m.contentConfidence,
    citations: citationsOf(m.hits, content.citations[0]),
    learned: null,
    writtenBy: 'engine',
  };
}
