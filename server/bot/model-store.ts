/**
 * Trained knowledge classifiers stored with the knowledge: a restarted server loads the weights of
 * the workspace's current training job instead of spending seconds retraining. The job is
 * fingerprinted (its examples, labels and settings), so a model is reused only for exactly the
 * knowledge it was trained on; a changed knowledge base trains anew and replaces the stored row.
 *
 * A model trained in its examples' span is stored in that form (engine/retrieve/softmax-span.ts):
 * the demo's is 0.5 MB instead of 6.9 MB of weights, which the embedded database took seconds to
 * write while every chat's statements waited behind it. W is rebuilt from it and the job.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  trainSoftmax,
  weightsFromSpan,
  type SoftmaxJob,
  type SoftmaxTrainer,
  type SpanWeights,
  type TrainedSoftmax,
} from '../../engine';
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

/** A span-form model as bytes: the basis (Int32), then A (basis × classes) and b, as Float64. */
export function packSpan(span: SpanWeights, b: Float64Array): Uint8Array {
  const out = new Uint8Array(span.basis.byteLength + span.a.byteLength + b.byteLength);
  out.set(bytesOf(span.basis));
  out.set(bytesOf(span.a), span.basis.byteLength);
  out.set(bytesOf(b), span.basis.byteLength + span.a.byteLength);
  return out;
}

/** `packSpan` read back, and W rebuilt from it with the job's examples. */
export function unpackSpan(bytes: Uint8Array, rows: number, job: SoftmaxJob): TrainedSoftmax {
  const C = job.classes;
  if (bytes.byteLength !== rows * 4 + (rows * C + C) * 8) throw new Error('stored model has the wrong size');
  const copy = new Uint8Array(bytes); // aligned, and ours
  const basis = new Int32Array(copy.buffer, 0, rows);
  if (basis.some((n) => n < 0 || n >= job.xs.length)) throw new Error('stored model names an unknown example');
  const a = new Float64Array(copy.slice(rows * 4, rows * 4 + rows * C * 8).buffer);
  const b = new Float64Array(copy.slice(rows * 4 + rows * C * 8).buffer);
  const span = { basis, a };
  return { w: weightsFromSpan(job.xs, span, C, job.features), b, span };
}

const bytesOf = (x: Int32Array | Float64Array) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);

/**
 * A trainer for one workspace's index that answers from the stored model when the job matches,
 * else trains (with `inner`, or here) and stores the result. Storage failures never fail training.
 */
export function storedTrainer(deps: Deps, workspaceId: string, inner: SoftmaxTrainer | null): SoftmaxTrainer {
  const train: SoftmaxTrainer =
    inner ??
    ((job) => {
      const m = trainSoftmax(job.xs, job.labels, job.classes, job.features, job.opts);
      return Promise.resolve({ w: m.w, b: m.b, span: m.span });
    });
  return async (job) => {
    const key = jobKey(job);
    // Only the row of this very job, its bytes as base64 (see the bytea type in db/schema.ts).
    const [row] = await deps.db
      .select({
        classes: knowledgeModels.classes,
        features: knowledgeModels.features,
        spanRows: knowledgeModels.spanRows,
        weights: sql<string>`encode(${knowledgeModels.weights}, 'base64')`,
      })
      .from(knowledgeModels)
      .where(and(eq(knowledgeModels.workspaceId, workspaceId), eq(knowledgeModels.key, key)))
      .catch(() => []);
    if (row && row.classes === job.classes && row.features === job.features) {
      try {
        const bytes = Buffer.from(row.weights, 'base64');
        return row.spanRows === null
          ? unpackWeights(bytes, job.classes, job.features)
          : unpackSpan(bytes, row.spanRows, job);
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
      weights: result.span ? packSpan(result.span, result.b) : packWeights(result.w, result.b),
      spanRows: result.span ? result.span.basis.length : null,
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
