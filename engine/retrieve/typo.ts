/**
 * Typo tolerance: finds vocabulary terms one edit (insert, delete, substitute, swap) away from an
 * unknown query term, with a deletion-neighbourhood index (SymSpell's idea) so lookups cost a
 * handful of map reads instead of a scan of the vocabulary.
 */

import { runSteps, type Steps } from './steps';

/** Terms shorter than this are never corrected: too many short words are one edit apart. */
export const MIN_TYPO_LENGTH = 4;

function deletes(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** Each term and its one-letter deletions → the ids of the terms they come from. */
function* deletionIndex(vocabulary: readonly string[]): Steps<Map<string, number[]>> {
  const byDelete = new Map<string, number[]>();
  for (let id = 0; id < vocabulary.length; id++) {
    const term = vocabulary[id];
    if (id % 256 === 255) yield;
    if (term.length < MIN_TYPO_LENGTH) continue;
    for (const key of [term, ...deletes(term)]) {
      const list = byDelete.get(key);
      if (list) {
        if (list[list.length - 1] !== id) list.push(id);
      } else byDelete.set(key, [id]);
    }
  }
  return byDelete;
}

/** True when a and b are at most one insert, delete, substitution or adjacent swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Index of a vocabulary for "which known terms are one edit from this one?". */
export class TypoIndex {
  /**
   * @param byDelete the built deletion index (from `TypoIndex.steps`); built here when omitted.
   */
  constructor(
    private readonly vocabulary: readonly string[],
    private readonly byDelete: Map<string, number[]> = runSteps(deletionIndex(vocabulary)),
  ) {}

  /** Builds the index in steps (see steps.ts). */
  static *steps(vocabulary: readonly string[]): Steps<TypoIndex> {
    return new TypoIndex(vocabulary, yield* deletionIndex(vocabulary));
  }

  /** Ids of vocabulary terms one edit away from `term` (never `term` itself). */
  near(term: string): number[] {
    if (term.length < MIN_TYPO_LENGTH) return [];
    const found = new Set<number>();
    for (const key of [term, ...deletes(term)]) {
      for (const id of this.byDelete.get(key) ?? []) {
        const cand = this.vocabulary[id];
        if (cand !== term && withinOneEdit(cand, term)) found.add(id);
      }
    }
    return [...found];
  }
}
