import { afterAll, describe, expect, it } from 'vitest';
import { SHOP_CHUNKS } from '../../engine/answer/testkit';
import { KnowledgeIndex, type SoftmaxTrainer } from '../../engine';
import { generateKnowledge } from '../../engine/retrieve/generated-kb';
import { WorkerTrainer } from './trainer';

const QUERIES = ['when will my order arrive', 'customs duties abroad', 'guitar setup price', 'opning hours'];

/** Each query's hits as (chunk id, probability), to compare two builds of the same knowledge. */
async function answers(index: KnowledgeIndex) {
  await index.prepared();
  return QUERIES.map((q) => index.search(q, 3).map((h) => [h.chunk.id, +h.probability.toFixed(6)]));
}

describe('training the knowledge classifier in a worker thread', () => {
  const trainer = new WorkerTrainer();
  afterAll(() => trainer.close());
  /** The worker's trainer, noting each job's outcome (a failure would fall back to inline training). */
  const outcomes: string[] = [];
  const train: SoftmaxTrainer = (job) =>
    trainer.train(job).then(
      (r) => (outcomes.push('trained in the worker'), r),
      (err: unknown) => {
        outcomes.push('failed');
        throw err;
      },
    );

  it('builds the same classifier as training inline', async () => {
    const inline = new KnowledgeIndex();
    inline.upsert(SHOP_CHUNKS);
    const inWorker = new KnowledgeIndex({ trainer: train });
    inWorker.upsert(SHOP_CHUNKS);
    inWorker.prepare();
    // Until the worker answers, the index searches without its classifier.
    expect(inWorker.hasClassifier).toBe(false);
    await inWorker.prepared();
    expect(inWorker.hasClassifier).toBe(true);
    expect(await answers(inWorker)).toEqual(await answers(inline));
    expect(outcomes).toEqual(['trained in the worker']);
  });

  it('trains a larger knowledge base and keeps jobs apart', async () => {
    const { chunks } = generateKnowledge(300, 7);
    const a = new KnowledgeIndex({ trainer: train });
    const b = new KnowledgeIndex({ trainer: train });
    a.upsert(chunks);
    b.upsert(SHOP_CHUNKS);
    await Promise.all([a.prepared(), b.prepared()]);
    expect(a.hasClassifier && b.hasClassifier).toBe(true);
    expect(outcomes.slice(1)).toEqual(['trained in the worker', 'trained in the worker']);
    const shop = new KnowledgeIndex();
    shop.upsert(SHOP_CHUNKS);
    expect(await answers(b)).toEqual(await answers(shop));
  });

  it('trains inline when the worker fails, rather than going without the classifier', async () => {
    const index = new KnowledgeIndex({ trainer: () => Promise.reject(new Error('worker died')) });
    index.upsert(SHOP_CHUNKS);
    await index.prepared();
    expect(index.hasClassifier).toBe(true);
  });
});
