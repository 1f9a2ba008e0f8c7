/**
 * Writes shop sets that ask a folder's questions (eval/age-questions, eval/pet-questions,
 * eval/access-questions: one folder per shop, each with a questions.jsonl): for each, the shop of
 * that name under the given roots, its content and tags as they are, its questions replaced by the
 * folder's.
 *   npx tsx eval/ask-on-shops.ts eval/age-questions OUT eval/heldout eval/shops
 *   npx chatref eval shops OUT --json
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { shopDirs } from '../engine/eval/shops';

const [asked, out, ...roots] = process.argv.slice(2);
if (!asked || !out || !roots.length) {
  console.error('usage: ask-on-shops.ts QUESTIONS_DIR OUT ROOT...');
  process.exit(2);
}
const shops = new Map(roots.flatMap(shopDirs).map((dir) => [basename(dir), dir]));
let written = 0;
for (const name of readdirSync(asked)) {
  const questions = join(asked, name, 'questions.jsonl');
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
