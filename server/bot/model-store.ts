/**
 * Trained knowledge classifiers stored with the knowledge: a restarted server loads the weights of
 * the workspace's current training job instead of spending seconds retraining. The job is
 * fingerprinted (its examples, labels and settings), so a model is reused only for exactly the
 * knowledge it was trained on; a changed knowledge base trains anew and replaces the stored row.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { trainSoftmax, type SoftmaxJob, type SoftmaxTrainer } from '../../engine';
import { knowledgeModels } from '../../db/schema';
import type { Deps } from '../commands/unit';

/** The job's fingerprint: everything the optimisation's result depends on. */
export function jobKey(job: SoftmaxJob): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ c: job.classes, f: job.features, o: { ...job.opts, weights: undefined } }));
  h.update(new Uint8Array(Int32Array.from(job.labels).buffer));
  if (job.opts.weights) h.update(new Uint8Array(Float64Array.from(job.opts.weights).buffer));
  for (const x of job.xs) {
    h.update(new Uint8Array(x.idx.buffer, x.idx.byteOffset, x.idx.byteLength));
    h.update(new Uint8Array(x.val.buffer, x.val.byteOffset, x.val.byteLength));
  }
  return h.digest('hex');
}

/** Weights then biases as Float32 little-endian bytes (half the size of doubles; ample precision). */
export function packWeights(w: Float64Array, b: Float64Array): Uint8Array {
  const out = new Float32Array(w.length + b.length);
  out.set(w);
  out.set(b, w.length);
  return new Uint8Array(out.buffer);
}

export function unpackWeights(
  bytes: Uint8Array,
  classes: number,
  features: number,
): { w: Float64Array; b: Float64Array } {
  const n = classes * features;
  if (bytes.byteLength !== (n + classes) * 4) throw new Error('stored model has the wrong size');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const all = new Float32Array(copy.buffer);
  return { w: Float64Array.from(all.subarray(0, n)), b: Float64Array.from(all.subarray(n)) };
}

/**
 * A trainer for one workspace's index that answers from the stored model when the job matches,
 * else trains (with `inner`, or here) and stores the result. Storage failures never fail training.
 */
export function storedTrainer(deps: Deps, workspaceId: string, inner: SoftmaxTrainer | null): SoftmaxTrainer {
  const train: SoftmaxTrainer =
    inner ??
    ((job) => {
      const m = trainSoftmax(job.xs, job.labels, job.classes, job.features, job.opts);
      return Promise.resolve({ w: m.w, b: m.b });
    });
  return async (job) => {
    const key = jobKey(job);
    const [row] = await deps.db
      .select()
      .from(knowledgeModels)
      .where(eq(knowledgeModels.workspaceId, workspaceId))
      .catch(() => []);
    if (row && row.key === key && row.classes === job.classes && row.features === job.features) {
      try {
        return unpackWeights(row.weights, job.classes, job.features);
      } catch {
        // A damaged row: train anew below and replace it.
      }
    }
    const result = await train(job);
    const values = {
      workspaceId,
      key,
      classes: job.classes,
      features: job.features,
      weights: packWeights(result.w, result.b),
      createdAt: deps.now(),
    };
    await deps.db
      .insert(knowledgeModels)
      .values(values)
      .onConflictDoUpdate({ target: knowledgeModels.workspaceId, set: values })
      .catch(() => undefined);
    return result;
  };
}
