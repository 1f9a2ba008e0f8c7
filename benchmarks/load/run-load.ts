/**
 * Runs simulated visitors in several child processes against a server and gathers their results.
 * Every worker is bounded in time and killed at the end, whatever happens.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChatResult, Drain, FromWorker, WorkerJob } from './protocol';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface LoadOptions {
  url: string;
  workspaceId: string;
  visitors: number;
  workers: number;
  mode: WorkerJob['mode'];
  intervalMs?: number;
  durationMs?: number;
  replyTimeoutMs?: number;
  /** See `WorkerJob.drain`. */
  drain?: Drain;
  connectConcurrency?: number;
}

export interface Load {
  connected: number;
  failed: number;
  firstError: string | null;
  pids: number[];
  /** Chat mode: start sending, and resolve with the merged results when every worker is done. */
  go(): Promise<ChatResult>;
  stop(): Promise<void>;
}

function waitMessage<T extends FromWorker['type']>(
  child: ChildProcess,
  type: T,
  ms: number,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`load worker gave no "${type}" within ${ms} ms`));
    }, ms);
    const onMessage = (m: FromWorker) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m as Extract<FromWorker, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`load worker exited with ${code}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export function merge(results: ChatResult[]): ChatResult {
  const out: ChatResult = {
    latencies: [],
    sentAt: [],
    ackLatencies: [],
    ackSentAt: [],
    sent: 0,
    acked: 0,
    replied: 0,
    lost: 0,
    handoffs: 0,
    duplicates: 0,
    notices: 0,
    errors: {},
    lastReplyMs: 0,
    lagBySecond: [],
  };
  for (const r of results) {
    out.latencies.push(...r.latencies);
    out.sentAt.push(...r.sentAt);
    out.ackLatencies.push(...r.ackLatencies);
    out.ackSentAt.push(...r.ackSentAt);
    out.sent += r.sent;
    out.acked += r.acked;
    out.replied += r.replied;
    out.lost += r.lost;
    out.handoffs += r.handoffs;
    out.duplicates += r.duplicates;
    out.notices += r.notices;
    for (const [k, n] of Object.entries(r.errors)) out.errors[k] = (out.errors[k] ?? 0) + n;
    out.lastReplyMs = Math.max(out.lastReplyMs, r.lastReplyMs);
    r.lagBySecond.forEach((ms, i) => (out.lagBySecond[i] = Math.max(out.lagBySecond[i] ?? 0, ms)));
  }
  return out;
}

/** Starts the workers and resolves once every visitor has connected (or failed to). */
export async function startLoad(opts: LoadOptions): Promise<Load> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const kill = setTimeout(() => c.kill('SIGKILL'), 3000);
            c.once('exit', () => (clearTimeout(kill), resolve()));
            if (c.connected) c.send({ type: 'stop' });
            else c.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    const per = Math.ceil(opts.visitors / opts.workers);
    const connectMs = 30_000 + per * 30;
    const waits = [];
    for (let w = 0; w * per < opts.visitors; w++) {
      const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      const job: WorkerJob = {
        type: 'job',
        url: opts.url,
        workspaceId: opts.workspaceId,
        visitors: Math.min(per, opts.visitors - w * per),
        worker: w,
        mode: opts.mode,
        intervalMs: opts.intervalMs ?? 5000,
        durationMs: opts.durationMs ?? 0,
        replyTimeoutMs: opts.replyTimeoutMs ?? 10_000,
        ...(opts.drain ? { drain: opts.drain } : {}),
        connectConcurrency: opts.connectConcurrency ?? 25,
      };
      child.send(job);
      waits.push(waitMessage(child, 'connected', connectMs));
    }
    const connected = await Promise.all(waits);
    return {
      connected: connected.reduce((s, c) => s + c.connected, 0),
      failed: connected.reduce((s, c) => s + c.failed, 0),
      firstError: connected.find((c) => c.firstError)?.firstError ?? null,
      pids: children.map((c) => c.pid!),
      go: async () => {
        const wait = opts.drain ? opts.drain.maxMs : (opts.replyTimeoutMs ?? 10_000);
        const ms = (opts.durationMs ?? 0) + wait + 30_000;
        const results = children.map((c) => waitMessage(c, 'result', ms));
        for (const c of children) c.send({ type: 'go' });
        return merge((await Promise.all(results)).map((r) => r.result));
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
