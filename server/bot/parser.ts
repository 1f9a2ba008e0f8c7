/**
 * Files and fetched pages are parsed and chunked in a small pool of worker threads, never on the
 * server's thread: a 10,000-page PDF once held that thread for 94 s and every chat with it. Each
 * task runs within limits (pages, text, unpacked size, chunks: checked by the engine in the
 * worker) and a time limit; past it the task's thread is terminated, which also gives back its
 * memory, and the thread's heap is capped (`resourceLimits`). Tasks wait in order for a thread,
 * so the time limit counts from when a task starts, not from when it was queued.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import {
  IngestError,
  type IngestErrorCode,
  type ParseLimits,
  type ReadOptions,
  type ReadResult,
  type SourceInput,
} from '../../engine';

export interface ParserOptions {
  /** Threads parsing at once (default: half the cores, at least one). */
  threads?: number | null;
  timeoutMs: number;
  /** Heap of each thread (old generation), MB. */
  memoryMb: number;
  limits: ParseLimits;
}

type Reply = { ok: true; result: ReadResult } | { ok: false; error: { code: IngestErrorCode; message: string } };

export const defaultParseThreads = (): number => Math.max(1, Math.floor(availableParallelism() / 2));

export class ParsePool {
  private readonly pool: Piscina<{ input: SourceInput; opts: ReadOptions }, Reply>;
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly threads: number;

  constructor(private readonly opts: ParserOptions) {
    this.threads = opts.threads ?? defaultParseThreads();
    this.pool = new Piscina({
      filename: new URL('./parse-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: this.threads,
      // An idle thread goes, with whatever a big document left in its heap.
      idleTimeout: 15_000,
      resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb, maxYoungGenerationSizeMb: 32 },
    });
  }

  /**
   * Parses and chunks one source in the pool; every failure is an IngestError with a code. A
   * buffer of 1 MB or more that is not shared is moved to the thread: do not use it after.
   */
  readonly read = async (input: SourceInput, opts: ReadOptions): Promise<ReadResult> => {
    await this.slot();
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    try {
      // A large buffer of its own is moved to the thread, not copied (the caller's array is emptied);
      // a small one, or a slice of Node's shared buffer pool, is copied.
      const { bytes } = input;
      const move =
        bytes.byteLength >= 1048576 && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const reply = await this.pool.run(
        { input, opts: { ...opts, limits: { ...this.opts.limits, ...opts.limits } } },
        { signal: timeout, ...(move ? { transferList: [bytes.buffer as ArrayBuffer] } : {}) },
      );
      if (reply.ok) return reply.result;
      throw new IngestError(reply.error.code, reply.error.message, input.filename);
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw this.failure(err, input.filename, timeout.aborted);
    } finally {
      this.release();
    }
  };

  private failure(err: unknown, filename: string, timedOut: boolean): IngestError {
    if (timedOut) {
      const s = this.opts.timeoutMs / 1000;
      return new IngestError('PARSE_TIMEOUT', `Reading ${filename} took longer than the limit of ${s} s`, filename);
    }
    const e = err as { code?: string; message?: string };
    if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return new IngestError(
        'PARSE_OUT_OF_MEMORY',
        `Reading ${filename} needed more than the limit of ${this.opts.memoryMb} MB of memory`,
        filename,
      );
    return new IngestError('CORRUPT_FILE', `Could not read ${filename}: ${e?.message ?? String(err)}`, filename, {
      cause: err,
    });
  }

  private slot(): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
