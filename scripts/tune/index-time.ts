/**
 * Time to make a shop's knowledge answerable: build the index (classifier trained inline) and
 * calibrate its threshold, on generated shop-like knowledge of about 50 pages (5 chunks each);
 * then the engine's query p50 on 5,000 chunks.
 *   npx tsx scripts/tune/index-time.ts [chunks=250]
 */
import { calibratedThreshold } from '../../engine/answer/calibrate';
import { benchRetrieval } from '../../benchmarks/retrieval';
import { generateKnowledge } from '../../engine/retrieve/generated-kb';
import { loadDefaultWordVectors } from '../../engine/retrieve/dense';
import { KnowledgeIndex } from '../../engine/retrieve/knowledge-index';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 250);
  const wordVectors = await loadDefaultWordVectors();
  const { chunks } = generateKnowledge(n, 3);
  const t0 = performance.now();
  const index = new KnowledgeIndex({ wordVectors });
  index.upsert(chunks);
  await index.prepared();
  const built = performance.now();
  const threshold = calibratedThreshold(index);
  const done = performance.now();
  const bench = await benchRetrieval({ chunks: 5000 });
  process.stdout.write(
    JSON.stringify({
      chunks: n,
      index_ms: Math.round(built - t0),
      calibrate_ms: Math.round(done - built),
      threshold,
      engine_5000: bench,
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
