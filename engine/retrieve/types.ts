/**
 * The retrieval vocabulary shared by ingestion, the index and the answerer.
 */

/** One retrievable unit of a workspace's knowledge: a passage of a document or a Q&A entry. */
export interface KnowledgeChunk {
  id: string;
  sourceId: string;
  title: string;
  /** Headings above the passage, outermost first, e.g. ["Shipping", "International"]. */
  headingPath: string[];
  /** Where the visitor can read it (with #anchor when known). */
  url: string | null;
  text: string;
  /** Q&A alternative phrasings; empty for passages. */
  questions: string[];
  /** For Q&A entries, the answer text. */
  answer?: string;
}

/** Scores of one chunk for one query, each from one ranker; 0 when that ranker did not see it. */
export interface HitFeatures {
  /** Classifier probability (trained on phrasings, titles and texts). */
  classifier: number;
  /** BM25 of the best phrasing or title, as a share of the query's own best possible score. */
  phrasing: number;
  /** BM25 of title + headings + text, as a share of the query's own best possible score. */
  passage: number;
  /** Character n-gram TF-IDF cosine with the best phrasing or title. */
  chars: number;
  /** Word-vector (SIF) cosine with the best phrasing, title or text. */
  vector: number;
  /** Provider embedding cosine (0 when no embedder is configured). */
  embedding: number;
  /**
   * Share of the query's content words (IDF-weighted, typos at a discount) found in the chunk's
   * best single field — one phrasing, or the title line, or title + text. Unlike BM25 it does not
   * saturate or favour short texts: a passage holding every word of the query scores 1 however
   * long it is; words scattered over several phrasings of an entry do not add up.
   */
  coverage: number;
  /** The same share over the chunk's heading path and title only (what the section is about). */
  title: number;
  /**
   * Whether the chunk holds the kind of fact the question asks for (a duration for "how long", a
   * price for "how much", days/hours for "when", a place for "where"; engine/text/answer-type.ts),
   * 0..1; 0 when the question asks for no particular kind.
   */
  kind: number;
  /** 1 when the chunk is a Q&A entry, 0 for a passage (not a score: lets the fusion weigh kinds apart). */
  qa: number;
}

export interface SearchHit {
  chunk: KnowledgeChunk;
  /** Fused score; only its order and gaps matter. */
  score: number;
  /** Softmax of the fused scores over the candidates: the share of belief this hit holds. */
  probability: number;
  /** Whether a phrasing (Q&A entry) rather than a passage matched best. */
  matchedQuestion: string | null;
  features: HitFeatures;
}

/** A provider of dense text embeddings (e.g. a model API); optional, joins the fusion when set. */
export interface Embedder {
  /** Stable name of the model, so stored vectors from another model are never mixed in. */
  readonly id: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** The word-vector capabilities the engine uses (satisfied by engine/vectors). */
export interface WordVectorsLike {
  readonly dim: number;
  addTo(out: Float32Array, word: string, weight: number): boolean;
  probability(word: string): number;
}
