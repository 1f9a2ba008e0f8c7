/**
 * How far the words of the passage the ranking chose support the question's words, synonyms
 * included: each content word of the question counts 1 when the passage holds its stem, else its
 * best word-vector cosine with a word of the passage ("parcel" ~ "package"). A question about a
 * product the shop does not sell ("do you sell koi") keeps a telling word that nothing in the
 * passage, or anywhere in the shop, resembles; a paraphrase finds its synonyms. Words weigh by
 * their rarity in English (-log p), so "koi" counts more than "sell".
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import { titleLine } from '../retrieve/knowledge-index';
import type { KnowledgeChunk, WordVectorsLike } from '../retrieve/types';
import { factWords } from '../text/answer-type';
import { LIGHT_WORDS, STOPWORDS, stem, tokenize, VISITOR_WORDS } from '../text/index';

export const SUPPORT_FEATURES = ['chunkCover', 'chunkLeast', 'pageCover', 'pageLeast', 'shopMissing'] as const;

/** A page's words compared by cosine are capped (the longest pages add little past this). */
const MAX_PAGE_WORDS = 1500;

interface Words {
  stems: Set<string>;
  /** Unit vectors of the distinct words that have one, row after row. */
  vectors: Float32Array;
  rows: number;
  /** A question word's best cosine with these words, once measured (customers reuse their words). */
  best: Map<string, number>;
}

/**
 * Words whose best cosine a text remembers (cleared whole when full). With 256 pages and 256
 * chunks kept per workspace, at most about 130,000 words: a few MB, outside the index's own
 * budget (CHATREF_INDEX_CACHE_MB), so kept small.
 */
const MAX_REMEMBERED = 256;

function contentWords(text: string): string[] {
  return [...new Set(tokenize(text).filter((t) => t.length > 1 && !STOPWORDS.has(t)))];
}

function chunkText(c: KnowledgeChunk): string {
  return `${titleLine(c)} ${c.answer ?? c.text} ${c.questions.join(' ')} ${factWords(c.text)}`;
}

function unitVector(wv: WordVectorsLike, word: string): Float32Array | null {
  const v = new Float32Array(wv.dim);
  if (!wv.addTo(v, word, 1)) return null;
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  if (!n) return null;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

function wordsOf(text: string, wv: WordVectorsLike | null): Words {
  const words = contentWords(text);
  const stems = new Set(words.map(stem));
  if (!wv) return { stems, vectors: new Float32Array(0), rows: 0, best: new Map() };
  const dim = wv.dim;
  const vectors = new Float32Array(Math.min(words.length, MAX_PAGE_WORDS) * dim);
  let rows = 0;
  for (const w of words) {
    if (rows >= MAX_PAGE_WORDS) break;
    const v = unitVector(wv, w);
    if (v) vectors.set(v, rows++ * dim);
  }
  return { stems, vectors, rows, best: new Map() };
}

interface IndexWords {
  generation: number;
  shop: Set<string>;
  bySource: Map<string, KnowledgeChunk[]>;
  /** Pages compared so far (bounded: a large workspace's pages are many). */
  pages: Map<string, Words>;
  /** Chunks compared so far, by id (bounded alike): the same few answer most questions. */
  chunks: Map<string, Words>;
  /**
   * The last query's reading: its words, and its features by chunk id and its page support by
   * page. The reranker and the answer model read the same few chunks, often of one page.
   */
  last: LastQuery;
}

interface QuestionWord {
  word: string;
  stem: string;
  weight: number;
  vector: Float32Array | null;
}

interface LastQuery {
  query: string;
  question: QuestionWord[];
  features: Map<string, number[]>;
  pages: Map<string, { cover: number; least: number }>;
}

const MAX_CACHED_PAGES = 256;
const MAX_CACHED_CHUNKS = 256;

const perIndex = new WeakMap<KnowledgeIndex, IndexWords>();

function indexWords(index: KnowledgeIndex): IndexWords {
  const generation = index.generation;
  let w = perIndex.get(index);
  if (!w || w.generation !== generation) {
    const shop = new Set<string>();
    const bySource = new Map<string, KnowledgeChunk[]>();
    for (const c of index.all()) {
      for (const t of contentWords(chunkText(c))) shop.add(stem(t));
      const page = bySource.get(c.sourceId);
      if (page) page.push(c);
      else bySource.set(c.sourceId, [c]);
    }
    w = {
      generation,
      shop,
      bySource,
      pages: new Map(),
      chunks: new Map(),
      last: { query: '', question: [], features: new Map(), pages: new Map() },
    };
    perIndex.set(index, w);
  }
  return w;
}

/** How many chunks the page (source) holds. */
export function pageSize(index: KnowledgeIndex, sourceId: string): number {
  return indexWords(index).bySource.get(sourceId)?.length ?? 1;
}

/** A bounded cache: cleared whole when full (the index's generation already clears it on change). */
function cached(map: Map<string, Words>, max: number, key: string, make: () => Words): Words {
  let w = map.get(key);
  if (!w) {
    w = make();
    if (map.size >= max) map.clear();
    map.set(key, w);
  }
  return w;
}

/** The best cosine of a word's unit vector with the words' vectors, remembered per word. */
function nearest(word: string, vector: Float32Array, words: Words, dim: number): number {
  const known = words.best.get(word);
  if (known !== undefined) return known;
  let best = 0;
  for (let r = 0; r < words.rows; r++) {
    let d = 0;
    const o = r * dim;
    for (let i = 0; i < dim; i++) d += vector[i] * words.vectors[o + i];
    if (d > best) best = d;
  }
  if (words.best.size >= MAX_REMEMBERED) words.best.clear();
  words.best.set(word, best);
  return best;
}

/** Per question word: its weight and how well `words` support it (0..1). */
function supportOf(question: readonly QuestionWord[], words: Words, dim: number): { cover: number; least: number } {
  if (!question.length) return { cover: 1, least: 1 };
  let sum = 0;
  let total = 0;
  let least = 1;
  for (const q of question) {
    let s = 0;
    if (words.stems.has(q.stem)) s = 1;
    else if (q.vector) s = nearest(q.word, q.vector, words, dim);
    sum += q.weight * s;
    total += q.weight;
    if (s < least) least = s;
  }
  return { cover: total ? sum / total : 1, least };
}

/**
 * The support features (SUPPORT_FEATURES order) of a query against the chunk that ranked first:
 * weighted and least support by the chunk, the same by its whole page (source), and the weighted
 * share of the question's words found nowhere in the workspace's content.
 */
export function supportFeatures(index: KnowledgeIndex, query: string, top: KnowledgeChunk | undefined): number[] {
  if (!top) return [0, 0, 0, 0, 1];
  const iw = indexWords(index);
  if (iw.last.query !== query) iw.last = lastQuery(index, iw, query);
  let features = iw.last.features.get(top.id);
  if (!features) {
    features = measureSupport(index, iw, iw.last, top);
    iw.last.features.set(top.id, features);
  }
  return features;
}

function lastQuery(index: KnowledgeIndex, iw: IndexWords, query: string): LastQuery {
  const wv = index.wordVectors;
  const question = contentWords(query)
    .filter((w) => !LIGHT_WORDS.has(w) && !(VISITOR_WORDS.has(w) && !iw.shop.has(stem(w))))
    .map((word) => {
      const p = wv ? wv.probability(word) : 0;
      return {
        word,
        stem: stem(word),
        weight: -Math.log(p > 0 ? p : 1e-7),
        vector: wv ? unitVector(wv, word) : null,
      };
    });
  return { query, question, features: new Map(), pages: new Map() };
}

/** A page's words, as the support features read it (cached with them). */
function pageWords(index: KnowledgeIndex, iw: IndexWords, chunk: KnowledgeChunk): Words {
  return cached(iw.pages, MAX_CACHED_PAGES, chunk.sourceId, () =>
    wordsOf((iw.bySource.get(chunk.sourceId) ?? [chunk]).map(chunkText).join(' '), index.wordVectors),
  );
}

/**
 * The stems of every word on a chunk's page (headings, text and the names of its facts: "15% off"
 * is a discount), read once with the page's support.
 */
export function pageStems(index: KnowledgeIndex, chunk: KnowledgeChunk): ReadonlySet<string> {
  return pageWords(index, indexWords(index), chunk).stems;
}

function measureSupport(index: KnowledgeIndex, iw: IndexWords, last: LastQuery, top: KnowledgeChunk): number[] {
  const wv = index.wordVectors;
  const { question } = last;
  const dim = wv?.dim ?? 0;
  const chunkWords = cached(iw.chunks, MAX_CACHED_CHUNKS, top.id, () => wordsOf(chunkText(top), wv));
  const chunk = supportOf(question, chunkWords, dim);
  let onPage = last.pages.get(top.sourceId);
  if (!onPage) {
    onPage = supportOf(question, pageWords(index, iw, top), dim);
    last.pages.set(top.sourceId, onPage);
  }
  const total = question.reduce((a, q) => a + q.weight, 0);
  const missing = total ? question.filter((q) => !iw.shop.has(q.stem)).reduce((a, q) => a + q.weight, 0) / total : 0;
  return [chunk.cover, chunk.least, onPage.cover, onPage.least, missing];
}
