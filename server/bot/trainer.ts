/**
 * Trains the knowledge index's classifier in a worker thread (seconds of L-BFGS on FAQ-sized
 * knowledge), so the server keeps answering sockets and requests meanwhile. One worker per
 * process, started on the first job, jobs in order; if it dies, the jobs under way fail and the
 * next job starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { SoftmaxJob, SoftmaxTrainer, SpanWeights, TrainedSoftmax } from '../../engine';

interface Pending {
  resolve: (r: TrainedSoftmax) => void;
  reject: (err: Error) => void;
}

export class WorkerTrainer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  readonly train: SoftmaxTrainer = (job: SoftmaxJob) =>
    new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      const worker = this.start();
      worker.ref();
      worker.postMessage({ id, job });
    });

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./train-worker.mjs', import.meta.url));
    worker.on(
      'message',
      (m: { id: number; w?: Float64Array; b?: Float64Array; span?: SpanWeights; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.w && m.b) p?.resolve({ w: m.w, b: m.b, span: m.span });
        else p?.reject(new Error(`training failed: ${m.error ?? 'no result'}`));
        // Idle, it must not keep the process alive.
        if (!this.pending.size) worker.unref();
      },
    );
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the training worker exited (${code})`)));
    return (this.worker = worker);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
