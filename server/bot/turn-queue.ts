/**
 * The bot's turns, queued with bounds. Turns of one conversation run one at a time and in order;
 * at most `concurrency` run at once (so the database pool and the server's thread see a bounded
 * share of bot work, not one promise per message); at most `maxQueued` wait in memory. Past that
 * bound a conversation is remembered by key only and caught up from the database once the queue
 * has room again (every message is stored before its turn is queued, so nothing is lost; a turn
 * that finds its answer already stored stays silent, so nothing is answered twice). A conversation
 * whose turn is older than `slowAfterMs` (waiting or running), or that overflowed, is told once
 * per wait. Once the longest wait is past `slowAfterMs` the queue is behind, and (unless
 * `newestWhenBehind` is off) the conversation that asked last goes first, and when full the one
 * waiting longest leaves memory for a catch-up instead of the newcomer: past a burst, new messages
 * are answered at once while the backlog, already told, drains.
 */

export interface TurnQueueOptions {
  /** Turns running at once. */
  concurrency: number;
  /**
   * Turns running at once while crowded (the longest-waiting turn has waited over `crowdedAfterMs`):
   * past capacity, fewer turns at once leave the database and the server's thread to the messages
   * being stored, whose acks must stay fast (see `limit`).
   */
  crowdedConcurrency: number;
  /** A turn waiting longer than this for a slot makes the queue crowded. */
  crowdedAfterMs: number;
  /**
   * Of those, turns already late (waited past `slowAfterMs`) running at once while newest go
   * first: the backlog drains without taking the whole server from the messages that come after.
   */
  lateConcurrency: number;
  /** Turns waiting in memory; beyond it, conversations are caught up from the database. */
  maxQueued: number;
  /** A turn waiting longer than this makes its conversation "slow" (`onSlow`). */
  slowAfterMs: number;
  /** While the longest-waiting turn is slow, run the newest conversation first (see `next`). */
  newestWhenBehind: boolean;
  /** Told once per wait: the visitor of this conversation should hear the assistant is busy. */
  onSlow?: (key: string) => void;
  onError?: (err: unknown, key: string) => void;
  now?: () => number;
}

export const DEFAULT_TURN_QUEUE: Omit<TurnQueueOptions, 'onSlow' | 'onError' | 'now'> = {
  concurrency: 4,
  crowdedConcurrency: 2,
  crowdedAfterMs: 100,
  lateConcurrency: 1,
  maxQueued: 5000,
  slowAfterMs: 3000,
  newestWhenBehind: true,
};

interface Job {
  run: () => Promise<void>;
  at: number;
  done: () => void;
  /** What replaces the turn if it is put out of memory (see `evictOldest`). */
  catchUp?: () => Promise<void>;
}

interface Lane {
  jobs: Job[];
  running: boolean;
  /** The catch-up that replaces the jobs not kept while the queue was full. */
  catchUp: (() => Promise<void>) | null;
  /** Waiters for the catch-up (resolved when it has run). */
  catchUpDone: (() => void)[];
  notified: boolean;
  /** When the running turn's message was queued (a slow turn is as late as a waiting one). */
  runningSince: number | null;
  /** When its oldest turn not kept in memory was queued (the catch-up's wait starts there). */
  overflowedAt: number | null;
}

/** How far back from the newest `next` looks for a turn not yet late while the late ones have their share. */
const FRESH_SCAN = 64;

export class TurnQueue {
  private readonly lanes = new Map<string, Lane>();
  /** Lanes whose next job may start, by when each became ready or (behind) last asked; see `next`. */
  private readonly ready: string[] = [];
  private running = 0;
  /** Running turns that were late when they started (see `lateConcurrency`). */
  private runningLate = 0;
  private queued = 0;
  /** Conversations with a catch-up not yet admitted to the queue. */
  private readonly overflowed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly opts: TurnQueueOptions;
  private readonly now: () => number;
  /** Counters for logs and the bench. */
  readonly stats = { queuedPeak: 0, overflowed: 0, slowNotices: 0 };

  constructor(opts: Partial<TurnQueueOptions> = {}) {
    this.opts = { ...DEFAULT_TURN_QUEUE, ...opts };
    this.now = opts.now ?? (() => performance.now());
  }

  /** Turns waiting in memory (not running). */
  get waiting(): number {
    return this.queued;
  }

  /**
   * Queues `run` for `key`; `catchUp` (answer whatever of the conversation is unanswered) is kept
   * instead when the queue is full. Resolves when the turn (or its catch-up) has run.
   */
  push(key: string, run: () => Promise<void>, catchUp: () => Promise<void>): Promise<void> {
    const lane = this.lane(key);
    if (this.behind()) {
      // Newest first, this conversation is the newest, even one put out before or already
      // waiting: the oldest leaves memory in its place, and a put-out one's catch-up (which
      // answers this message too) comes back in now, not once the whole backlog has halved.
      if (this.queued >= this.opts.maxQueued) this.evictOldest(key);
      // Already waiting: its newest message makes it the newest conversation.
      const at = lane.jobs.length && !lane.running ? this.ready.indexOf(key) : -1;
      if (at >= 0 && at < this.ready.length - 1) this.ready.push(...this.ready.splice(at, 1));
      if (this.overflowed.has(key) && this.queued < this.opts.maxQueued) {
        lane.catchUp = catchUp;
        return new Promise((resolve) => {
          lane.catchUpDone.push(resolve);
          this.admit(key, lane, this.now(), false);
        });
      }
    }
    if (this.overflowed.has(key) || this.queued >= this.opts.maxQueued) {
      if (!this.overflowed.has(key)) {
        this.overflowed.add(key);
        this.stats.overflowed++;
        lane.overflowedAt = this.now();
      }
      lane.catchUp = catchUp;
      this.notify(key, lane);
      this.ensureTimer();
      return new Promise((resolve) => lane.catchUpDone.push(resolve));
    }
    return new Promise((resolve) => this.enqueue(key, lane, { run, at: this.now(), done: resolve, catchUp }));
  }

  /**
   * Full while behind: the conversation waiting longest (not `except`) leaves memory for the
   * catch-up instead of the newcomer, so a queue that filled up during a burst still takes what
   * comes after it at once. Its visitor is told, if not already, and its turns run as one catch-up
   * once there is room. Nothing is lost: its messages are stored.
   */
  private evictOldest(except: string): void {
    const at = this.ready.findIndex((k) => k !== except);
    if (at < 0) return;
    const [key] = this.ready.splice(at, 1);
    const lane = this.lanes.get(key)!;
    const jobs = lane.jobs.splice(0);
    for (const job of jobs) if (!(job as Job & { free?: boolean }).free) this.queued--;
    lane.catchUp = jobs.findLast((j) => j.catchUp)?.catchUp ?? lane.catchUp;
    lane.catchUpDone.push(...jobs.map((j) => j.done));
    this.overflowed.add(key);
    this.stats.overflowed++;
    lane.overflowedAt = Math.min(lane.overflowedAt ?? Infinity, jobs[0]?.at ?? this.now());
    this.notify(key, lane);
  }

  /** Whether the conversation has a turn waiting or running, or one to catch up. */
  has(key: string): boolean {
    return this.lanes.has(key) || this.overflowed.has(key);
  }

  /** Resolves when every queued and remembered turn has run (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.lanes.size) await Promise.all([...this.lanes.keys()].map((k) => this.idleFor(k)));
  }

  /** Resolves when the conversation's turns queued so far have run. */
  idleFor(key: string): Promise<void> {
    const lane = this.lanes.get(key);
    if (!lane) return Promise.resolve();
    return new Promise((resolve) => {
      if (lane.catchUp) lane.catchUpDone.push(resolve);
      else if (lane.jobs.length || lane.running)
        this.enqueue(key, lane, { run: () => Promise.resolve(), at: this.now(), done: resolve }, false);
      else resolve();
    });
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane)
      this.lanes.set(
        key,
        (lane = {
          jobs: [],
          running: false,
          catchUp: null,
          catchUpDone: [],
          notified: false,
          runningSince: null,
          overflowedAt: null,
        }),
      );
    return lane;
  }

  /** Adds a job to its lane; a lane that becomes ready goes last (newest), or first when `oldest`. */
  private enqueue(key: string, lane: Lane, job: Job, counts = true, oldest = false): void {
    lane.jobs.push(job);
    if (counts) {
      this.queued++;
      this.stats.queuedPeak = Math.max(this.stats.queuedPeak, this.queued);
    } else (job as Job & { free?: boolean }).free = true;
    if (!lane.running && lane.jobs.length === 1) {
      if (oldest) this.ready.unshift(key);
      else this.ready.push(key);
    }
    this.pump();
    this.ensureTimer();
  }

  /**
   * The next lane to run: the one ready longest, unless its turn has waited past `slowAfterMs`
   * (its visitor has been told the assistant is busy). Then the queue is behind and the newest
   * goes first (adaptive LIFO): a backlog no longer delays every message after it, so fewer
   * visitors wait at all, and once a burst ends new messages are answered at once while the
   * backlog drains, each conversation's turns still in order. The backlog's oldest wait longer
   * than in order. A burst to 4,000 visitors on PostgreSQL (`npx chatref bench --quick --store
   * postgres --parts curve,burst --steps 1000,2000`): in order, never back to p99 ≤ 100 ms in the
   * window, 5,200–5,700 visitors told the assistant was busy, reply p99 8–13 s; newest first, back
   * in 3–5 s, 2,240–3,450 told, reply p99 11–24 s. Taking the newest and oldest in turn was not
   * back within the window either. Under load that never ends, the oldest would wait as long as it
   * lasts (in order, everyone would). `newestWhenBehind: false` keeps the order turns came in.
   *
   * Newest first, the late turns take at most `lateConcurrency` of the slots: once a burst ends
   * the backlog is all there is, and four late turns at once kept the server's thread busy nine
   * tenths of the time (a CPU profile after a burst: the engine's answers, the tagger, emits), so
   * each new message waited on it at every step. A burst to 4,000 visitors for 30 s (`npx chatref
   * bench --json --store S --parts burst --steps 2000`), seconds until the probe's replies were
   * back within 100 ms: embedded, four late at once 14 s and three runs not within the 20 s
   * window, one at a time 0, 0 and 3 s, two 0, 3 and 4 s; PostgreSQL, four 4 and 15 s, one 0 and
   * 3 s, two 0 and 16 s; one, with a new turn passing a late one that went last (below), 11 and
   * 2 s embedded (the 11 one second at 104 ms), 0 and 1 s PostgreSQL. The price: the backlog
   * drains slower (its reply p99 42–48 s at four on the embedded store, 52–72 s at one; 39–50 s
   * and 44–72 s on PostgreSQL), still answered, once.
   */
  private next(): string | null {
    if (!this.behind()) return this.ready.shift()!;
    const last = this.ready.length - 1;
    if (this.runningLate < this.opts.lateConcurrency || !this.late(this.lanes.get(this.ready[last])?.jobs[0]))
      return this.ready.pop()!;
    // The late turns have their share. The newest lane may still be late (a backlog conversation
    // whose visitor just wrote again goes last): the newest whose turn is not, among the last few.
    for (let i = last - 1; i >= Math.max(0, last - FRESH_SCAN); i--)
      if (!this.late(this.lanes.get(this.ready[i])?.jobs[0])) return this.ready.splice(i, 1)[0];
    return null;
  }

  private late(job: Job | undefined): boolean {
    return job !== undefined && this.now() - job.at >= this.opts.slowAfterMs;
  }

  /** The waiting turn that has been ready longest (of the lane ready first). */
  private oldestWaiting(): Job | undefined {
    return this.lanes.get(this.ready[0])?.jobs[0];
  }

  /** Newest first, and the turn that has waited longest is past `slowAfterMs`. */
  private behind(): boolean {
    if (!this.opts.newestWhenBehind) return false;
    return this.late(this.oldestWaiting());
  }

  /**
   * Turns that may run at once: `concurrency`, or `crowdedConcurrency` once the turn that has
   * waited longest for a slot has waited over `crowdedAfterMs` (the reply time a held load keeps
   * at p99): the queue is then past what the server answers in time. Answers are late anyway, and
   * their rate is set by the CPU, not by how many run at once; what each extra turn at once adds
   * is statements queued ahead of the acks on the database (the embedded one has a single thread).
   * A 30 s burst to 4,000 visitors on the embedded store (`npx chatref bench --json --store
   * embedded --parts burst --steps 2000`), ack p99: eight at once 655 ms; four 174–231 ms (7
   * runs); two 89–99 ms (4 runs; a fifth, on a busy machine, 2,291), the backlog drained in 30–33 s
   * against 28–32 s. Two at all times let the capacity curve's 2,000-visitor step miss 100 ms at
   * p99 on both stores (111 / 103 ms, against 25 / 37 ms at four): at rest, four at once keep one
   * slow turn from holding up the rest. Two only once behind (`slowAfterMs`, 3 s) came too late:
   * the burst's first seconds ran four at once, their acks at 201–274 ms p99, and the burst's p99
   * was theirs (253 ms). Two once crowded (100 ms): acks 65–118 ms p99 (3 runs), the backlog
   * drained in 32–33 s, and the 2,000 step held (77 and 23 ms). On PostgreSQL the same missed that
   * step once in two (103 ms) while its bursts' acks were within 200 ms at four (77–150 ms), so
   * there the default stays four (config.ts).
   */
  private limit(): number {
    const oldest = this.oldestWaiting();
    const crowded = oldest !== undefined && this.now() - oldest.at >= this.opts.crowdedAfterMs;
    return crowded ? Math.min(this.opts.concurrency, this.opts.crowdedConcurrency) : this.opts.concurrency;
  }

  private pump(): void {
    while (this.running < this.limit() && this.ready.length) {
      const key = this.next();
      if (key === null) return;
      const lane = this.lanes.get(key);
      const job = lane?.jobs.shift();
      if (!lane || !job) continue;
      if (!(job as Job & { free?: boolean }).free) this.queued--;
      const late = this.opts.newestWhenBehind && this.late(job);
      if (late) this.runningLate++;
      lane.running = true;
      lane.runningSince = job.at;
      this.running++;
      void job
        .run()
        .catch((err: unknown) => this.opts.onError?.(err, key))
        .finally(() => {
          this.running--;
          if (late) this.runningLate--;
          lane.running = false;
          lane.runningSince = null;
          job.done();
          if (lane.jobs.length) this.ready.push(key);
          else if (!lane.catchUp) {
            lane.notified = false;
            this.lanes.delete(key);
          }
          this.admitOverflowed();
          this.pump();
        });
    }
  }

  /** Once the queue is half empty, the remembered conversations get their catch-up turn. */
  private admitOverflowed(): void {
    for (const key of this.overflowed) {
      if (this.queued >= this.opts.maxQueued / 2) return;
      const lane = this.lane(key);
      // Newest first, the catch-up keeps its age: it goes in as the oldest, so a backlog admitted
      // at once neither looks fresh (in order, new messages would wait behind all of it) nor runs
      // before what came since.
      const lifo = this.opts.newestWhenBehind;
      this.admit(key, lane, lifo ? (lane.overflowedAt ?? this.now()) : this.now(), lifo);
    }
  }

  /** Queues a put-out conversation's catch-up (put out again while behind, it is the same one). */
  private admit(key: string, lane: Lane, at: number, oldest: boolean): void {
    this.overflowed.delete(key);
    const run = lane.catchUp ?? (() => Promise.resolve());
    const waiters = lane.catchUpDone.splice(0);
    lane.catchUp = null;
    lane.overflowedAt = null;
    this.enqueue(key, lane, { run, at, done: () => waiters.forEach((w) => w()), catchUp: run }, true, oldest);
  }

  private notify(key: string, lane: Lane): void {
    if (lane.notified) return;
    lane.notified = true;
    this.stats.slowNotices++;
    this.opts.onSlow?.(key);
  }

  /** While turns wait: tell the conversations waiting too long, and admit remembered ones. */
  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => {
        const now = this.now();
        for (const [key, lane] of this.lanes) {
          const since = Math.min(lane.runningSince ?? Infinity, lane.jobs[0]?.at ?? Infinity);
          if (lane.catchUp || now - since >= this.opts.slowAfterMs) this.notify(key, lane);
        }
        this.admitOverflowed();
        this.pump();
        if (!this.lanes.size) this.close();
      },
      Math.max(10, Math.min(500, this.opts.slowAfterMs / 2)),
    );
    this.timer.unref();
  }
}
