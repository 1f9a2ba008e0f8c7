/**
 * Before any test: what the product is built from is built (`npm test` does it in `pretest`, a bare
 * `npx vitest` did not): the start test runs the server bundle, and must never run a stale one.
 */
import { ensureBuilt } from '../scripts/ensure-built.mjs';

export default async function setup(): Promise<void> {
  await ensureBuilt();
}
