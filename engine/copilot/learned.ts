/**
 * The team's past replies, searchable: each learned answer is indexed as a Q&A entry of its own
 * small knowledge index (the engine's hybrid retrieval, without the classifier: entries arrive one
 * at a time and retraining on each would cost more than it adds), and matched by how much of the
 * new question the remembered one covers, in words and in meaning.
 */
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, SearchHit, WordVectorsLike } from '../retrieve/types';

export interface LearnedAnswer {
  id: string;
  /** The visitor's question it answered (scrubbed). */
  question: string;
  /** The team's reply (scrubbed). */
  answer: string;
}

export interface LearnedMatch {
  entry: LearnedAnswer;
  /** 0..1: how close the remembered question is to the new one (see `similarityOf`). */
  similarity: number;
}

const SOURCE = 'learned';

/**
 * Closeness of a remembered question to a new one, from the retrieval features: the share of the
 * new question's words it holds, the sentence vectors' cosine, and character n-grams (typos).
 */
export function similarityOf(hit: SearchHit): number {
  const f = hit.features;
  return 0.4 * Math.max(f.coverage, f.phrasing) + 0.4 * f.vector + 0.2 * f.chars;
}

export class LearnedIndex {
  private readonly index: KnowledgeIndex;
  private readonly entries = new Map<string, LearnedAnswer>();

  constructor(opts: { wordVectors?: WordVectorsLike | null } = {}) {
    this.index = new KnowledgeIndex({ wordVectors: opts.wordVectors ?? null, classifier: false });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces entries (by id). */
  upsert(entries: readonly LearnedAnswer[]): void {
    for (const e of entries) this.entries.set(e.id, e);
    this.index.upsert(entries.map(toChunk));
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.entries.delete(id);
    this.index.removeChunks(ids);
  }

  all(): LearnedAnswer[] {
    return [...this.entries.values()];
  }

  /** The closest remembered questions, closest first. */
  match(question: string, k = 3): LearnedMatch[] {
    if (!this.entries.size || !question.trim()) return [];
    return this.index
      .search(question, Math.max(k, 5))
      .map((h) => ({ entry: this.entries.get(h.chunk.id)!, similarity: similarityOf(h) }))
      .filter((m) => m.entry)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, k);
  }
}

function toChunk(e: LearnedAnswer): KnowledgeChunk {
  return {
    id: e.id,
    sourceId: SOURCE,
    title: e.question,
    headingPath: [],
    url: null,
    text: e.answer,
    questions: [e.question],
    answer: e.answer,
  };
}
