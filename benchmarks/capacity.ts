/**
 * How far one machine goes: chat load at growing numbers of visitors against one or more server
 * instances (the capacity curve), and a burst past the held capacity (graceful overload). Server
 * CPU and memory are read from /proc for the instances' processes; the machine's load average is
 * recorded beside every step, since these figures mean little without it on a shared machine.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { ChatResult, Drain } from './load/protocol';
import { merge, startLoad, type Load } from './load/run-load';
import { percentile, round } from './stats';

/** A server instance under load. */
export interface Target {
  url: string;
  pid: number;
}

/** The reply p99 a step must stay within to count as held. */
export const HELD_P99_MS = 100;
const INTERVAL_MS = 5000;
const CLOCK_TICKS = 100;

/** CPU time (user + system, threads included) of a process so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return kb / 1024;
}

export interface Spread {
  visitors: number;
  durationMs: number;
  replyTimeoutMs?: number;
  drain?: Drain;
}

/**
 * Chat loads spread evenly over the targets (each load its own worker processes), connected
 * first, then started together; resolves with each load's results and the servers' CPU meanwhile.
 */
export async function chatOn(
  targets: Target[],
  workspaceId: string,
  loads: Spread[],
  log: (s: string) => void,
): Promise<{ results: ChatResult[]; cpuPct: number; wallS: number }> {
  const started: Load[] = [];
  try {
    for (const l of loads)
      for (let t = 0; t < targets.length; t++) {
        const visitors = Math.floor(l.visitors / targets.length) + (t < l.visitors % targets.length ? 1 : 0);
        if (!visitors) continue;
        const load = await startLoad({
          url: targets[t].url,
          workspaceId,
          visitors,
          workers: targets.length > 1 ? 1 : 2,
          mode: 'chat',
          intervalMs: INTERVAL_MS,
          durationMs: l.durationMs,
          replyTimeoutMs: l.replyTimeoutMs ?? 10_000,
          drain: l.drain,
        });
        if (load.failed) log(`${load.failed} visitors could not connect: ${load.firstError}`);
        started.push(Object.assign(load, { spread: l }));
      }
    const cpu0 = targets.reduce((s, t) => s + cpuSeconds(t.pid), 0);
    const t0 = performance.now();
    const each = await Promise.all(started.map((l) => l.go()));
    const wallS = (performance.now() - t0) / 1000;
    const cpu = targets.reduce((s, t) => s + cpuSeconds(t.pid), 0) - cpu0;
    // Back to one result per requested load (a load spread over targets was several).
    const results: ChatResult[] = [];
    let i = 0;
    for (const l of loads) {
      const parts = started.filter((s) => (s as Load & { spread: Spread }).spread === l);
      results.push(merge(each.slice(i, i + parts.length)));
      i += parts.length;
    }
    return { results, cpuPct: (cpu / wallS) * 100, wallS };
  } finally {
    await Promise.all(started.map((l) => l.stop()));
  }
}

export interface Step {
  visitors: number;
  reply_ms_p50: number;
  reply_ms_p99: number;
  ack_ms_p99: number;
  lost: number;
  duplicates: number;
  cpu_pct: number;
  rss_mb: number;
  load1: number;
  held: boolean;
}

const lostOf = (r: ChatResult) => r.lost + Object.values(r.errors).reduce((s, n) => s + n, 0);

/**
 * The capacity curve: each step a fresh set of visitors for `stepMs`; stops after the first step
 * not held (reply p99 over 100 ms, or a reply lost). Capacity is the largest step held.
 */
export async function capacityCurve(
  targets: Target[],
  workspaceId: string,
  steps: number[],
  stepMs: number,
  log: (s: string) => void,
): Promise<{ steps: Step[]; capacity: number }> {
  const out: Step[] = [];
  let capacity = 0;
  for (const visitors of steps) {
    const load1 = loadavg()[0];
    const { results, cpuPct } = await chatOn(targets, workspaceId, [{ visitors, durationMs: stepMs }], log);
    const r = results[0];
    const step: Step = {
      visitors,
      reply_ms_p50: round(percentile(r.latencies, 50)),
      reply_ms_p99: round(percentile(r.latencies, 99)),
      ack_ms_p99: round(percentile(r.ackLatencies, 99)),
      lost: lostOf(r),
      duplicates: r.duplicates,
      cpu_pct: round(cpuPct, 0),
      rss_mb: round(
        targets.reduce((s, t) => s + rssMb(t.pid), 0),
        0,
      ),
      load1: round(Math.max(load1, loadavg()[0]), 1),
      held: false,
    };
    step.held = step.reply_ms_p99 <= HELD_P99_MS && step.lost === 0 && r.replied > 0;
    log(`  ${visitors} visitors: ${JSON.stringify(step)}`);
    log(`  reply p99 by second of sending: ${JSON.stringify(p99BySecond(r))}`);
    log(
      `  load generator's worst event-loop delay by second: ${JSON.stringify(Array.from(r.lagBySecond, (ms) => ms ?? 0))}`,
    );
    if (Object.keys(r.errors).length) log(`  errors: ${JSON.stringify(r.errors)}`);
    out.push(step);
    if (!step.held) break;
    capacity = visitors;
  }
  return { steps: out, capacity };
}

/** Reply (or ack) p99 per second of sending, in order: where in a step the slow ones were. */
export function p99BySecond(r: ChatResult, of: 'reply' | 'ack' = 'reply'): number[] {
  const [ms, at] = of === 'reply' ? [r.latencies, r.sentAt] : [r.ackLatencies, r.ackSentAt];
  const bins: number[][] = [];
  ms.forEach((x, i) => (bins[Math.floor(at[i] / 1000)] ??= []).push(x));
  return Array.from(bins, (b) => (b ? round(percentile(b, 99), 0) : 0));
}

export interface Burst {
  visitors: number;
  /** Replies that never came: none was outstanding once replies stopped coming (see `burst`). */
  lost: number;
  /** Replies that came, but over `LATE_MS` after their message (the figure once counted as lost). */
  late: number;
  /** Seconds from the burst's end to its last reply: how long its backlog took to drain. */
  drain_s: number;
  duplicates: number;
  ack_ms_p99: number;
  reply_ms_p99: number;
  notices: number;
  /** Seconds after the burst until every later second's replies were within 100 ms at p99. */
  recovery_s: number;
  load1: number;
}

/** A reply later than this after its message is late (`Burst.late`); it still counts as answered. */
const LATE_MS = 60_000;
/** The burst's loads wait for every reply while replies still come, giving up after 30 s with none. */
const DRAIN: Drain = { quietMs: 30_000, maxMs: 10 * 60_000 };

/**
 * A burst of `visitors` for `burstMs`, with a steady probe of `probeVisitors` running through it
 * and `afterMs` beyond: replies may come late but must come, once each. A reply counts as lost
 * only if it never comes: the loads wait while replies still arrive (a backlog answered late is
 * the "answered late rather than lost"), and how late is reported (`late`, `drain_s`).
 * An earlier bench counted a reply not back within 60 s as lost; at 2× capacity the backlog's
 * oldest replies come close to that line, so a few percent of throughput moved that figure from
 * 0 to thousands (benchmarks/README.md, 2026-12-06). Recovery is read from the probe's replies by
 * the second they were sent in.
 */
export async function burst(
  targets: Target[],
  workspaceId: string,
  opts: { visitors: number; burstMs: number; afterMs: number; probeVisitors: number },
  log: (s: string) => void,
): Promise<Burst> {
  const load1 = loadavg()[0];
  const drain = { replyTimeoutMs: LATE_MS, drain: DRAIN };
  const { results } = await chatOn(
    targets,
    workspaceId,
    [
      { visitors: opts.visitors, durationMs: opts.burstMs, ...drain },
      { visitors: opts.probeVisitors, durationMs: opts.burstMs + opts.afterMs, ...drain },
    ],
    log,
  );
  const [b, probe] = results;
  const all = merge([b, probe]);
  // p99 by the second of sending, from the burst's end on; recovered from the first second after
  // which every second is within the bound.
  const bins = new Map<number, number[]>();
  probe.latencies.forEach((ms, i) => {
    const s = Math.floor(probe.sentAt[i] / 1000);
    if (s * 1000 < opts.burstMs) return;
    bins.set(s, [...(bins.get(s) ?? []), ms]);
  });
  const seconds = [...bins.keys()].sort((x, y) => x - y);
  log(
    `  probe's reply p99 by second after the burst: [${seconds.map((x) => round(percentile(bins.get(x)!, 99), 0)).join(',')}]`,
  );
  // Whether slow acks are the server's or the load generator's (its clock reads them late).
  log(`  ack p99 by second of sending: ${JSON.stringify(p99BySecond(all, 'ack'))}`);
  log(
    `  load generator's worst event-loop delay by second: ${JSON.stringify(Array.from(all.lagBySecond, (ms) => ms ?? 0))}`,
  );
  let recoveredAt = Number.NaN;
  for (let i = seconds.length - 1; i >= 0; i--) {
    if (percentile(bins.get(seconds[i])!, 99) > HELD_P99_MS) break;
    recoveredAt = seconds[i];
  }
  const out: Burst = {
    visitors: opts.visitors,
    lost: lostOf(all),
    late: all.latencies.filter((ms) => ms > LATE_MS).length,
    drain_s: round(Math.max(0, b.lastReplyMs - opts.burstMs) / 1000, 1),
    duplicates: all.duplicates,
    ack_ms_p99: round(percentile(all.ackLatencies, 99)),
    reply_ms_p99: round(percentile(b.latencies, 99)),
    notices: all.notices,
    recovery_s: round(Math.max(0, recoveredAt - opts.burstMs / 1000), 0),
    load1: round(Math.max(load1, loadavg()[0]), 1),
  };
  log(`  burst: ${JSON.stringify(out)}`);
  if (Object.keys(all.errors).length) log(`  errors: ${JSON.stringify(all.errors)}`);
  return out;
}
