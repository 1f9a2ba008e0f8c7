/**
 * How long a knowledge rebuild holds the thread it runs on: builds an index over N generated
 * shop-like chunks (as after an upload), the way the server does — upsert, `prepared()` (the
 * classifier trained in a worker thread), the calibrated threshold, a first search — while a 1 ms
 * timer probes the event loop. Prints, per N, the longest gap between probe ticks (the longest
 * synchronous stretch) and the total time, as one JSON line each.
 *   npx tsx scripts/tune/index-stall.ts [500,2000,5000]
 * With CHATREF_STALL_PHASES=1 each phase's wall time is printed too (to stderr).
 */
import { calibratedThresholdAsync } from '../../engine/answer/calibrate';
import { generateKnowledge } from '../../engine/retrieve/generated-kb';
import { loadDefaultWordVectors } from '../../engine/retrieve/dense';
import { KnowledgeIndex } from '../../engine/retrieve/knowledge-index';
import { WorkerTrainer } from '../../server/bot/trainer';

/** The process's CPU time so far, in ms (every thread: the training worker's too). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Longest gap between ticks of a 1 ms timer while `work` runs (the event loop's longest block),
 * and the process's CPU time during that gap: on a busy machine a gap can be the thread waiting
 * for a core rather than working.
 */
async function probe<T>(
  work: () => Promise<T>,
): Promise<{ result: T; longestMs: number; longestCpuMs: number; totalMs: number }> {
  let last = performance.now();
  let lastCpu = cpuMs();
  let longest = 0;
  let longestCpu = 0;
  const tick = () => {
    const now = performance.now();
    const cpu = cpuMs();
    if (now - last > longest) {
      longest = now - last;
      longestCpu = cpu - lastCpu;
    }
    last = now;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, 1);
  const t0 = performance.now();
  const result = await work();
  const totalMs = performance.now() - t0;
  tick();
  clearInterval(timer);
  return { result, longestMs: longest, longestCpuMs: longestCpu, totalMs };
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '500,2000,5000').split(',').map(Number);
  const phases = process.env.CHATREF_STALL_PHASES === '1';
  const wordVectors = await loadDefaultWordVectors();
  const trainer = new WorkerTrainer();
  try {
    for (const n of sizes) {
      const { chunks, queries } = generateKnowledge(n, 7);
      const index = new KnowledgeIndex({ wordVectors, trainer: trainer.train });
      const marks: Record<string, number> = {};
      const r = await probe(async () => {
        let t = performance.now();
        const lap = (name: string) => {
          const now = performance.now();
          marks[name] = Math.round(now - t);
          t = now;
        };
        index.upsert(chunks);
        lap('upsert');
        await index.prepared();
        lap('prepared');
        const threshold = await calibratedThresholdAsync(index);
        lap('calibrate');
        const hits = index.search(queries[0].query, 5);
        lap('search');
        return { threshold, top: hits[0]?.chunk.id ?? null };
      });
      if (phases) process.stderr.write(`${n}: ${JSON.stringify(marks)}\n`);
      process.stdout.write(
        JSON.stringify({
          chunks: n,
          longest_block_ms: Math.round(r.longestMs),
          longest_block_cpu_ms: Math.round(r.longestCpuMs),
          total_ms: Math.round(r.totalMs),
          classifier: index.hasClassifier,
          threshold: r.result.threshold,
          top: r.result.top,
        }) + '\n',
      );
    }
  } finally {
    await trainer.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
