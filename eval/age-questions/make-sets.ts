/**
 * Writes shop sets that ask the age questions of this folder: for each shop folder here, the shop
 * of that name under the given roots, its content and tags as they are, its questions replaced by
 * this folder's.
 *   npx tsx eval/age-questions/make-sets.ts OUT eval/heldout eval/shops
 *   npx chatref eval shops OUT --json
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shopDirs } from '../../engine/eval/shops';

const [out, ...roots] = process.argv.slice(2);
if (!out || !roots.length) {
  console.error('usage: make-sets.ts OUT ROOT...');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const shops = new Map(roots.flatMap(shopDirs).map((dir) => [basename(dir), dir]));
let written = 0;
for (const name of readdirSync(here)) {
  const questions = join(here, name, 'questions.jsonl');
  if (!existsSync(questions)) continue;
  const dir = shops.get(name);
  if (!dir) throw new Error(`${name}: no shop of that name under ${roots.join(', ')}`);
  const target = join(out, name);
  mkdirSync(target, { recursive: true });
  symlinkSync(resolve(dir, 'content'), join(target, 'content'));
  copyFileSync(join(dir, 'tags.json'), join(target, 'tags.json'));
  copyFileSync(questions, join(target, 'questions.jsonl'));
  written++;
}
console.log(`wrote ${written} shop sets under ${out}`);
