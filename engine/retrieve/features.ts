/**
 * Feature extraction for retrieval: word stems, word pairs and character n-grams, turned into
 * sparse TF-IDF vectors over a growable vocabulary. Everything here is pure and allocation-light,
 * because it runs once per query and once per indexed text.
 */
import type { SparseVector } from '../math/sparse';
import { LIGHT_WORDS, normalize, stem, STOPWORDS, tokenize } from '../text/index';

export type { SparseVector };

/** Stems of every token, stopwords included (they matter in short questions: "where" vs "when"). */
export function allStems(text: string): string[] {
  return tokenize(text).map(stem);
}

/** Stems of content tokens only, and of each hyphenated compound as one word (see `compoundStems`). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOPWORDS.has(t)) out.push(stem(t));
  return compoundStems(text, out);
}

/** A question's content stems without its light words (LIGHT_WORDS): what it is searched by. */
export function askedStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOPWORDS.has(t) && !LIGHT_WORDS.has(t)) out.push(stem(t));
  return compoundStems(text, out);
}

/** Words joined by hyphens, every part letters ("tune-up", "e-bike"; not "30-day"). */
const HYPHENATED = /\p{L}+(?:-\p{L}+)+/gu;

/** The text's hyphenated compounds, lowercase, each as written ("tune-up") and as one word ("tuneup"). */
export function hyphenatedCompounds(text: string): { written: string; joined: string }[] {
  if (!text.includes('-')) return [];
  return [...normalize(text).matchAll(HYPHENATED)].map(([written]) => ({ written, joined: written.replace(/-/g, '') }));
}

/**
 * Adds to `out` the stem of each hyphenated compound of the text, written as one word: a
 * "tune-up" is a service, not the "tune" and the "up" of "fine-tune … follow-up" (the parts stay
 * too, for the texts that write them apart).
 */
function compoundStems(text: string, out: string[]): string[] {
  for (const { joined } of hyphenatedCompounds(text)) out.push(stem(joined));
  return out;
}

/**
 * Character n-grams within word boundaries (" word " padded), the "char_wb" analyser: robust to
 * typos, inflections and compounds ("redrobin" vs "red robin" still share most grams).
 */
export function charGrams(text: string, min = 3, max = 5, out: string[] = []): string[] {
  const words =
    normalize(text)
      .replace(/'/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const w of words) {
    const p = ` ${w} `;
    for (let n = min; n <= max; n++) {
      if (p.length < n) break;
      for (let i = 0; i + n <= p.length; i++) out.push(p.slice(i, i + n));
    }
  }
  return out;
}

const NUMERIC = /[0-9]/;

/** Which feature families a text contributes, each with a prefix so families never collide. */
export interface FeatureSpec {
  words?: boolean;
  /** Adjacent pairs of all stems, stopwords included ("how_old", "your_name"). */
  pairs?: boolean;
  chars?: boolean;
  /** Character n-gram lengths (default 3..5). */
  charMin?: number;
  charMax?: number;
}

/**
 * Feature strings of one text: `w:` word stems (plus number shapes), `p:` adjacent stem pairs,
 * `c:` character grams.
 */
export function featureStrings(text: string, spec: FeatureSpec): string[] {
  const out: string[] = [];
  if (spec.words || spec.pairs) {
    const stems = allStems(text);
    if (spec.words) {
      for (const s of stems) {
        out.push('w:' + s);
        // Numbers mean alike whatever their value ("5 pm", "9am", "$100"): one shared shape feature.
        if (NUMERIC.test(s)) out.push('w:#', 'w:#' + s.replace(/[0-9]+/g, '0'));
      }
    }
    if (spec.pairs) for (let i = 0; i + 1 < stems.length; i++) out.push('p:' + stems[i] + '_' + stems[i + 1]);
  }
  if (spec.chars) for (const g of charGrams(text, spec.charMin, spec.charMax)) out.push('c:' + g);
  return out;
}

/** Maps feature strings to dense integer ids; grows as texts are added. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** Id of a feature, adding it when `grow` is true; -1 when unknown and not growing. */
  id(feature: string, grow: boolean): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      if (!grow) return -1;
      id = this.ids.size;
      this.ids.set(feature, id);
    }
    return id;
  }
}

/** Counts feature ids of a list of feature strings (unknown features dropped unless `grow`). */
export function countIds(features: string[], vocab: Vocabulary, grow: boolean): Map<number, number> {
  const counts = new Map<number, number>();
  for (const f of features) {
    const id = vocab.id(f, grow);
    if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Sublinear TF × IDF weights (counts below 1 kept as they are), L2-normalised; unknown ids dropped. */
export function tfidf(counts: Map<number, number>, idf: Float32Array): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (const [id, c] of counts) {
    if (id >= idf.length) continue;
    const w = (c < 1 ? c : 1 + Math.log(c)) * idf[id]; // fractional counts are soft matches
    if (w <= 0) continue;
    idx.push(id);
    val.push(w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  const v = new Float32Array(val.length);
  for (let i = 0; i < val.length; i++) v[i] = val[i] / norm;
  return { idx: Int32Array.from(idx), val: v };
}

/** Smoothed IDF from document frequencies: ln((1 + n) / (1 + df)) + 1, as scikit-learn does. */
export function idfFromDf(df: Int32Array | number[], n: number): Float32Array {
  const idf = new Float32Array(df.length);
  for (let i = 0; i < df.length; i++) idf[i] = Math.log((1 + n) / (1 + df[i])) + 1;
  return idf;
}
