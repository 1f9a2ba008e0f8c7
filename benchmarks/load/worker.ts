/**
 * A load worker: a child process holding many simulated visitors (Socket.IO clients speaking the
 * widget's protocol). Started by `startWorkers` with IPC; it connects, waits for "go", sends on a
 * fixed schedule (open loop: a slow reply never delays the next message), and reports latencies.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { Ack, VisitorSession, VisitorState, WireMessage } from '../../protocol/socket';
import { QUESTIONS, type ChatResult, type FromWorker, type ToWorker, type WorkerJob } from './protocol';

interface Pending {
  t0: number;
  /** The client ids its answer may carry, once known (see `answerIds`). */
  ids: string[];
  done: boolean;
}

/**
 * The client ids a message's answer carries: the product's `bot:<stored message id>`, the
 * store-and-echo anchor's `bot:<client id>`, the bare echo's own client id.
 */
const answerIds = (clientId: string, storedId: string) => [`bot:${storedId}`, `bot:${clientId}`, clientId];

const result: ChatResult = {
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
const countError = (code: string) => (result.errors[code] = (result.errors[code] ?? 0) + 1);

class SimVisitor {
  socket: Socket | null = null;
  private token: string | undefined;
  private handedOff = false;
  private n = 0;
  private readonly pending: Pending[] = [];
  /** Bot messages seen, by id and by clientId (`bot:<question>`): a second one is a duplicate. */
  private readonly seen = new Set<string>();
  /** Replies that arrived before their message's ack: arrival time by the reply's client id. */
  private readonly early = new Map<string, number>();

  constructor(
    private readonly job: WorkerJob,
    private readonly id: number,
  ) {}

  /** Distinct client addresses, as a real audience has (the server limits events per address). */
  private get ip() {
    return `10.${this.job.worker + 1}.${(this.id >> 8) & 255}.${this.id & 255}`;
  }

  connect(): Promise<void> {
    const socket = io(`${this.job.url}/visitor`, {
      auth: { workspaceId: this.job.workspaceId, ...(this.token ? { token: this.token } : {}) },
      transports: ['websocket'],
      extraHeaders: { 'x-forwarded-for': this.ip },
      reconnection: false,
      forceNew: true,
      timeout: 30_000,
    });
    this.socket = socket;
    socket.on('message', (m: WireMessage) => this.onMessage(m));
    socket.on('notice', () => result.notices++);
    socket.on('state', (s: VisitorState) => {
      if (s.status !== 'bot') this.handedOff = true;
    });
    return new Promise((resolve, reject) => {
      socket.once('session', (s: VisitorSession) => {
        this.token = s.token;
        if (s.state.status !== 'bot' && s.state.status !== 'resolved') this.handedOff = true;
        resolve();
      });
      socket.once('connect_error', (err: Error) => reject(err));
    });
  }

  private onMessage(m: WireMessage) {
    if (m.author.type === 'visitor') return;
    if (this.seen.has(m.id) || this.seen.has(m.clientId)) {
      result.duplicates++;
      return;
    }
    this.seen.add(m.id);
    this.seen.add(m.clientId);
    const t = performance.now();
    // The answer to one message, matched by its client id (a handoff's goodbye carries it too;
    // the system message after it answers nothing).
    if (m.kind === 'event') return;
    const waiting = this.pending.find((p) => !p.done && p.ids.includes(m.clientId));
    if (waiting) this.resolve(waiting, t);
    else this.early.set(m.clientId, t);
  }

  private resolve(p: Pending, t: number) {
    p.done = true;
    result.replied++;
    result.latencies.push(t - p.t0);
    result.sentAt.push(p.t0 - loadStart);
    result.lastReplyMs = Math.max(result.lastReplyMs, t - loadStart);
    this.pending.splice(this.pending.indexOf(p), 1);
  }

  /** Sends the next question; a visitor whose chat went to people starts a new one first. */
  async sendNext(): Promise<void> {
    if (this.handedOff) {
      result.handoffs++;
      this.socket?.close();
      this.token = undefined;
      this.handedOff = false;
      await this.connect();
    }
    const socket = this.socket!;
    const body = QUESTIONS[(this.id + this.n) % QUESTIONS.length];
    const p: Pending = { t0: performance.now(), ids: [], done: false };
    this.pending.push(p);
    result.sent++;
    const clientId = `b${this.id}-${++this.n}-${Math.random().toString(36).slice(2, 8)}`;
    let ack: Ack<WireMessage>;
    try {
      ack = (await socket.timeout(this.job.replyTimeoutMs).emitWithAck('send', { clientId, body })) as Ack<WireMessage>;
    } catch {
      countError('ack_timeout');
      this.pending.splice(this.pending.indexOf(p), 1);
      result.lost++;
      return;
    }
    if (!ack.ok) {
      countError(ack.error.code);
      this.pending.splice(this.pending.indexOf(p), 1);
      return;
    }
    result.acked++;
    result.ackLatencies.push(performance.now() - p.t0);
    result.ackSentAt.push(p.t0 - loadStart);
    p.ids = answerIds(clientId, ack.data.id);
    const id = p.ids.find((x) => this.early.has(x));
    if (id !== undefined) {
      this.resolve(p, this.early.get(id)!);
      this.early.delete(id);
    }
  }

  /** Marks replies not received by now as lost. */
  expire(now: number) {
    for (const p of [...this.pending]) {
      if (!p.done && now - p.t0 > this.job.replyTimeoutMs) {
        p.done = true;
        result.lost++;
        this.pending.splice(this.pending.indexOf(p), 1);
      }
    }
  }

  get busy() {
    return this.pending.length > 0;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const send = (m: FromWorker) => process.send?.(m);

/** Opens every visitor, `concurrency` at a time. */
async function connectAll(visitors: SimVisitor[], concurrency: number) {
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (next < visitors.length) {
      const v = visitors[next++];
      try {
        await v.connect();
      } catch (err) {
        failed++;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { connected: visitors.length - failed, failed, firstError };
}

/** When the chat load began (sending times are reported relative to it). */
let loadStart = 0;

/** Samples this process's event-loop delay every few ms, keeping each second's worst; returns the stop. */
function sampleLag(): () => void {
  const every = 20;
  let due = performance.now() + every;
  const timer = setInterval(() => {
    const now = performance.now();
    const s = Math.floor((now - loadStart) / 1000);
    result.lagBySecond[s] = Math.round(Math.max(result.lagBySecond[s] ?? 0, now - due));
    due = now + every;
  }, every);
  return () => clearInterval(timer);
}

async function runChat(job: WorkerJob, visitors: SimVisitor[]) {
  const start = (loadStart = performance.now());
  const end = start + job.durationMs;
  const stopSampling = sampleLag();
  const timers: Promise<void>[] = visitors.map(async (v, i) => {
    // Spread the first messages over one interval so the load is steady, not in bursts.
    let at = start + (job.intervalMs * i) / visitors.length + Math.random() * 50;
    while (at < end) {
      await sleep(Math.max(0, at - performance.now()));
      if (!v.socket?.connected) {
        countError('disconnected');
      } else {
        void v
          .sendNext()
          .catch((err: unknown) => countError(err instanceof Error ? err.message.slice(0, 60) : 'send_failed'));
      }
      at += job.intervalMs;
    }
  });
  await Promise.all(timers);
  const sentAll = performance.now();
  const { drain } = job;
  if (drain) {
    // Late is not lost: wait while replies still come (see `WorkerJob.drain`).
    const quiet = () => performance.now() - Math.max(sentAll, loadStart + result.lastReplyMs) >= drain.quietMs;
    while (visitors.some((v) => v.busy) && !quiet() && performance.now() < sentAll + drain.maxMs) await sleep(50);
  } else {
    const deadline = sentAll + job.replyTimeoutMs;
    while (visitors.some((v) => v.busy) && performance.now() < deadline) await sleep(50);
  }
  for (const v of visitors) v.expire(Number.POSITIVE_INFINITY);
  stopSampling();
}

let job: WorkerJob | null = null;
let visitors: SimVisitor[] = [];

process.on('message', (msg: ToWorker) => {
  if (msg.type === 'job') {
    job = msg;
    visitors = Array.from({ length: msg.visitors }, (_, i) => new SimVisitor(msg, i));
    void connectAll(visitors, msg.connectConcurrency).then((c) => send({ type: 'connected', ...c }));
  } else if (msg.type === 'go' && job) {
    void runChat(job, visitors).then(() => send({ type: 'result', result }));
  } else if (msg.type === 'stop') {
    for (const v of visitors) v.socket?.close();
    process.exit(0);
  }
});
// If the bench dies, do not linger.
process.on('disconnect', () => process.exit(0));
