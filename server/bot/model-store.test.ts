import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SHOP_CHUNKS } from '../../engine/answer/testkit';
import { KnowledgeIndex, type SoftmaxTrainer } from '../../engine';
import { knowledgeModels, workspaces } from '../../db/schema';
import type { DatabaseHandle } from '../../db/client';
import { testDatabases } from '../../tests/databases';
import { EventBus } from '../events/bus';
import type { Deps } from '../commands/unit';
import { jobKey, packSpan, packWeights, storedTrainer, unpackSpan, unpackWeights } from './model-store';

const QUERIES = ['when will my order arrive', 'guitar setup price', 'opning hours'];

async function answers(index: KnowledgeIndex) {
  await index.prepared();
  return QUERIES.map((q) => index.search(q, 3).map((h) => [h.chunk.id, +h.probability.toFixed(4)]));
}

describe.each(testDatabases())('stored knowledge models ($name)', (database) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let workspaceId: string;
  let trained = 0;
  /** Trains here, counting the jobs that needed training. */
  let inner: SoftmaxTrainer;

  beforeAll(async () => {
    handle = await database.open();
    deps = { db: handle.db, bus: new EventBus(), now: () => new Date() };
    const [ws] = await deps.db.insert(workspaces).values({ slug: 'models', name: 'Models' }).returning();
    workspaceId = ws.id;
    const { trainSoftmax } = await import('../../engine');
    inner = (job) => {
      trained++;
      const m = trainSoftmax(job.xs, job.labels, job.classes, job.features, job.opts);
      return Promise.resolve({ w: m.w, b: m.b, span: m.span });
    };
  });
  afterAll(() => handle?.close());

  it('a rebuilt index (a restart) loads the stored model instead of training, and answers alike', async () => {
    const first = new KnowledgeIndex({ trainer: storedTrainer(deps, workspaceId, inner) });
    first.upsert(SHOP_CHUNKS);
    const before = await answers(first);
    expect(trained).toBe(1);

    // Upserted in another order, as a restart reads the chunks from the database.
    const restarted = new KnowledgeIndex({ trainer: storedTrainer(deps, workspaceId, inner) });
    restarted.upsert([...SHOP_CHUNKS].reverse());
    expect(await answers(restarted)).toEqual(before);
    expect(restarted.hasClassifier).toBe(true);
    expect(trained).toBe(1);
    // A small shop trains in its examples' span, and that is the form stored: far smaller than W.
    const [row] = await deps.db.select().from(knowledgeModels).where(eq(knowledgeModels.workspaceId, workspaceId));
    expect(row.spanRows).toBeGreaterThan(0);
    expect(row.weights.byteLength).toBeLessThan((row.classes * row.features * 4) / 4);
  });

  it('changed knowledge trains anew and replaces the stored row', async () => {
    const changed = new KnowledgeIndex({ trainer: storedTrainer(deps, workspaceId, inner) });
    changed.upsert(SHOP_CHUNKS.slice(1));
    await changed.prepared();
    expect(trained).toBe(2);
    const rows = await deps.db.select().from(knowledgeModels).where(eq(knowledgeModels.workspaceId, workspaceId));
    expect(rows).toHaveLength(1);
  });
});

describe('model bytes', () => {
  it('round-trip weights and biases as Float32 and refuse a wrong size', () => {
    const w = Float64Array.from([0.5, -1.25, 3, 0]);
    const b = Float64Array.from([0.125, -2]);
    expect(unpackWeights(packWeights(w, b), 2, 2)).toEqual({ w, b });
    expect(() => unpackWeights(packWeights(w, b), 3, 2)).toThrow(/wrong size/);
  });

  it('round-trip the span form, rebuilding W from the job, and refuse a damaged one', () => {
    const job = {
      xs: [
        { idx: Int32Array.from([0, 2]), val: Float32Array.from([1, 2]) },
        { idx: Int32Array.from([1]), val: Float32Array.from([3]) },
      ],
      labels: [0, 1],
      classes: 2,
      features: 3,
      opts: { l2: 0.1, iterations: 5 },
    };
    const span = { basis: Int32Array.from([0, 1]), a: Float64Array.from([1, -1, 0.5, 2]) };
    const b = Float64Array.from([0.25, -0.25]);
    const back = unpackSpan(packSpan(span, b), 2, job);
    // W = X_Bᵀ·A: feature 0 = 1·[1, -1], feature 1 = 3·[0.5, 2], feature 2 = 2·[1, -1].
    expect(Array.from(back.w)).toEqual([1, -1, 1.5, 6, 2, -2]);
    expect(back.b).toEqual(b);
    expect(() => unpackSpan(packSpan(span, b), 1, job)).toThrow(/wrong size/);
    const bad = { basis: Int32Array.from([0, 5]), a: span.a };
    expect(() => unpackSpan(packSpan(bad, b), 2, job)).toThrow(/unknown example/);
  });

  it('fingerprints a job by its contents', () => {
    const job = {
      xs: [{ idx: Int32Array.from([0, 2]), val: Float32Array.from([0.5, 0.5]) }],
      labels: [0],
      classes: 2,
      features: 3,
      opts: { l2: 0.1, iterations: 5 },
    };
    expect(jobKey(job)).toBe(jobKey({ ...job, xs: [{ ...job.xs[0] }] }));
    expect(jobKey(job)).not.toBe(jobKey({ ...job, labels: [1] }));
    expect(jobKey(job)).not.toBe(jobKey({ ...job, opts: { l2: 0.2, iterations: 5 } }));
  });
});
