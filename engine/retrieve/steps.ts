/**
 * Long computations written once as generators that `yield` between small pieces of work, run
 * either to the end at once (`runSteps`) or in slices of a few milliseconds with the thread given
 * back between them (`runStepsAsync`), so a server building a large index keeps answering other
 * requests meanwhile. Both runs do the same work in the same order: the results are identical.
 */

/** A computation that yields between pieces of work and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Gives the thread back to the event loop; resolves when the computation may go on. */
export type Yielder = () => Promise<void>;

/** The next macrotask (I/O and timers run first): `setImmediate` where it exists, else a timer. */
export const nextMacrotask: Yielder = () =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Runs the steps to the end without giving the thread back. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps in slices of about `sliceMs`, yielding to the event loop between slices. */
export async function runStepsAsync<T>(steps: Steps<T>, yieldTo: Yielder = nextMacrotask, sliceMs = 8): Promise<T> {
  let until = performance.now() + sliceMs;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() >= until) {
      await yieldTo();
      until = performance.now() + sliceMs;
    }
  }
}

/** `xs.map(f)`, yielding after every `every` items. */
export function* mapSteps<T, U>(xs: readonly T[], f: (x: T, i: number) => U, every = 1): Steps<U[]> {
  const out: U[] = new Array<U>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    out[i] = f(xs[i], i);
    if (i % every === every - 1) yield;
  }
  return out;
}
