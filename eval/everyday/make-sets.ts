/**
 * Writes shop sets that ask the sixteen everyday questions in other words: every shop folder under
 * the given roots, its content and tags as they are, its questions replaced by the phrasings of a
 * list (`eval/everyday/<list>.json`: each everyday question, as the shop sets type it, with the
 * other ways customers put it), each labelled as the shop labels the question it rephrases.
 *   npx tsx eval/everyday/make-sets.ts eval/everyday/helper-b.json OUT eval/heldout eval/shops
 *   npx chatref eval shops OUT --json
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { shopDirs } from '../../engine/eval/shops';

const [list, out, ...roots] = process.argv.slice(2);
if (!list || !out || !roots.length) {
  console.error('usage: make-sets.ts LIST.json OUT ROOT...');
  process.exit(2);
}
const phrasings = JSON.parse(readFileSync(list, 'utf8')) as Record<string, string[]>;
let written = 0;
for (const root of roots)
  for (const dir of shopDirs(root)) {
    const target = join(out, basename(dir));
    mkdirSync(target, { recursive: true });
    symlinkSync(resolve(dir, 'content'), join(target, 'content'));
    copyFileSync(join(dir, 'tags.json'), join(target, 'tags.json'));
    const rows = readFileSync(join(dir, 'questions.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { q: string; section?: string; reason?: string });
    const asked = rows.flatMap((row) =>
      (phrasings[row.q] ?? []).map((q) => {
        // The section judged the exact question's quote; another phrasing may fairly quote another.
        const { section: _section, ...rest } = row;
        return JSON.stringify({ ...rest, q, reason: `in other words: ${row.q}` });
      }),
    );
    writeFileSync(join(target, 'questions.jsonl'), asked.join('\n') + '\n');
    written += asked.length;
  }
console.log(`wrote ${written} questions under ${out}`);
