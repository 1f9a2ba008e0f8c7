/** Selection helpers for ranking without sorting everything. */

/**
 * The `n` items with the highest `score(item)`, best first. A bounded min-heap: O(m log n) for
 * m items, which matters when a common word touches thousands of chunks.
 */
export function topN<T>(items: Iterable<T>, n: number, score: (item: T) => number): T[] {
  if (n <= 0) return [];
  const heap: { item: T; s: number }[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l].s < heap[m].s) m = l;
      if (r < heap.length && heap[r].s < heap[m].s) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const item of items) {
    const s = score(item);
    if (heap.length < n) {
      heap.push({ item, s });
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (heap[p].s <= heap[i].s) break;
        [heap[p], heap[i]] = [heap[i], heap[p]];
        i = p;
      }
    } else if (s > heap[0].s) {
      heap[0] = { item, s };
      down(0);
    }
  }
  return heap.sort((a, b) => b.s - a.s).map((h) => h.item);
}

/**
 * The m candidates with the largest `values[candidate]`, best first (all indices 0..n-1 when
 * `candidates` is a number n). One comparison rejects most candidates; the few that beat the
 * current m-th are inserted in order. Much faster than a heap of closures on long lists.
 */
export function topOf(candidates: ArrayLike<number> | number, values: ArrayLike<number>, m: number): number[] {
  const idx: number[] = [];
  const val: number[] = [];
  if (m <= 0) return idx;
  const count = typeof candidates === 'number' ? candidates : candidates.length;
  for (let k = 0; k < count; k++) {
    const i = typeof candidates === 'number' ? k : candidates[k];
    const v = values[i];
    if (idx.length === m && v <= val[m - 1]) continue;
    let j = idx.length === m ? m - 1 : idx.length;
    while (j > 0 && val[j - 1] < v) {
      val[j] = val[j - 1];
      idx[j] = idx[j - 1];
      j--;
    }
    val[j] = v;
    idx[j] = i;
  }
  return idx;
}
