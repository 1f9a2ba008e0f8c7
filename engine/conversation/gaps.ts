/**
 * Knowledge gaps: questions the AI could not answer (and handoffs), grouped by meaning and ranked
 * by the human minutes they cost. Similarity is the mean of a TF-IDF cosine over stemmed words
 * and a SIF word-vector cosine, so "refund to my card" and "money back on my credit card" meet.
 */
import { terms } from '../text/index';
import { isQuestion } from './odd-input';
import { cosine, loadWordVectors, sentenceVector } from '../vectors/index';

export interface GapItem {
  id: string;
  text: string;
  /** Human minutes the item cost. */
  weight: number;
}

export interface GapCluster {
  /** The group's most representative question. */
  label: string;
  /** Item ids, heaviest first. */
  items: string[];
  count: number;
  weight: number;
}

export interface GapOptions {
  /** Minimum similarity (0..1) of an item to a group's centre to join it (default 0.5, best pair-F1 on CLINC150 queries). */
  threshold?: number;
}

interface Embedded {
  item: GapItem;
  tf: Map<string, number>;
  vec: Float32Array;
}

function tfidf(items: GapItem[]): Map<string, number>[] {
  const docs = items.map((i) => terms(i.text));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  return docs.map((d) => {
    const m = new Map<string, number>();
    for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, c] of m) {
      const v = (1 + Math.log(c)) * (Math.log((docs.length + 1) / (df.get(t)! + 1)) + 1);
      m.set(t, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, v] of m) m.set(t, v / norm);
    return m;
  });
}

/** A group's centre: summed sparse and dense parts of its members (cosines normalise them). */
class Centre {
  tf = new Map<string, number>();
  vec: Float32Array;
  members: Embedded[] = [];
  constructor(dim: number) {
    this.vec = new Float32Array(dim);
  }
  add(e: Embedded): void {
    this.members.push(e);
    for (const [t, v] of e.tf) this.tf.set(t, (this.tf.get(t) ?? 0) + v);
    for (let i = 0; i < this.vec.length; i++) this.vec[i] += e.vec[i];
  }
  similarity(e: Embedded): number {
    return 0.5 * sparseCos(e.tf, this.tf) + 0.5 * cosine(e.vec, this.vec);
  }
}

function sparseCos(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, v] of a) {
    dot += v * (b.get(t) ?? 0);
    na += v * v;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Groups similar questions and ranks the groups by total weight (then size, then label).
 * Deterministic: items are visited heaviest first (ties by id), each joins the most similar
 * group or starts one, then every item is reassigned once to its best group.
 */
export function groupGaps(items: GapItem[], opts: GapOptions = {}): GapCluster[] {
  const threshold = opts.threshold ?? 0.5;
  // "hi" and "thanks" reach here as questions the bot did not answer; they are no gap.
  const sorted = items
    .filter((i) => isQuestion(i.text))
    .sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length === 0) return [];
  const wv = loadWordVectors();
  const tfs = tfidf(sorted);
  const embedded: Embedded[] = sorted.map((item, i) => ({ item, tf: tfs[i], vec: sentenceVector(item.text, wv) }));

  const assign = (centres: Centre[], e: Embedded): Centre | undefined => {
    let best: Centre | undefined;
    let bestSim = threshold;
    for (const c of centres) {
      const s = c.similarity(e);
      if (s >= bestSim) {
        best = c;
        bestSim = s;
      }
    }
    return best;
  };

  let centres: Centre[] = [];
  for (const e of embedded) {
    const c = assign(centres, e);
    if (c) c.add(e);
    else {
      const n = new Centre(wv.dim);
      n.add(e);
      centres.push(n);
    }
  }
  // One refinement pass against the first pass's centres: early items joined before their group filled.
  const next = centres.map(() => new Centre(wv.dim));
  for (const e of embedded) {
    let bi = -1;
    let bs = -Infinity;
    centres.forEach((c, i) => {
      const s = c.similarity(e);
      if (s > bs) {
        bs = s;
        bi = i;
      }
    });
    next[bi].add(e);
  }
  centres = next.filter((c) => c.members.length > 0);

  return centres
    .map((c) => {
      let label = c.members[0].item.text;
      let best = -Infinity;
      for (const m of c.members) {
        const s = c.similarity(m);
        if (s > best + 1e-9) {
          best = s;
          label = m.item.text;
        }
      }
      return {
        label: label.replace(/\s+/g, ' ').trim(),
        items: c.members.map((m) => m.item.id),
        count: c.members.length,
        weight: c.members.reduce((s, m) => s + m.item.weight, 0),
      };
    })
    .sort((a, b) => b.weight - a.weight || b.count - a.count || a.label.localeCompare(b.label));
}
