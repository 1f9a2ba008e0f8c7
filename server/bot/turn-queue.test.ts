import { describe, expect, it } from 'vitest';
import { TurnQueue } from './turn-queue';

/** A turn that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** A turn that must never be replaced by its catch-up. */
const noCatchUp = () => Promise.reject(new Error('no catch-up expected'));

/** A turn that logs `name`, or `<key>-catch-up` when its catch-up runs instead. */
const caughtUpTurn = (q: TurnQueue, log: string[], key: string, name = key) =>
  q.push(
    key,
    async () => void log.push(name),
    async () => void log.push(`${key}-catch-up`),
  );

/** Conversation 'x' takes the queue's one slot until `held` opens, then logs 'x'. */
const holdUntil = (q: TurnQueue, held: { opened: Promise<void> }, log: string[]) =>
  q.push(
    'x',
    async () => {
      await held.opened;
      log.push('x');
    },
    noCatchUp,
  );

/**
 * A queue of three slots (crowded too), late turns one at a time, on a clock the test moves: its
 * slots held by x0..x2 until their `busy` gates open, and `lateTurn(key)`, a turn that logs
 * "<key> started" and waits for `backlog` (`late` counts those running, and their peak).
 */
function heldQueue() {
  const clock = { now: 0 };
  const q = new TurnQueue({
    concurrency: 3,
    crowdedConcurrency: 3,
    lateConcurrency: 1,
    maxQueued: 100,
    slowAfterMs: 1000,
    now: () => clock.now,
  });
  const log: string[] = [];
  const busy = [gate(), gate(), gate()];
  const held = busy.map((g, i) => q.push(`x${i}`, () => g.opened, noCatchUp));
  const backlog = gate();
  const late = { running: 0, peak: 0 };
  const lateTurn = (key: string) =>
    q.push(
      key,
      async () => {
        late.peak = Math.max(late.peak, ++late.running);
        log.push(`${key} started`);
        await backlog.opened;
        late.running--;
      },
      noCatchUp,
    );
  return { clock, q, log, busy, held, backlog, late, lateTurn };
}

describe('TurnQueue', () => {
  it('runs one conversation in order and at most `concurrency` turns at once', async () => {
    const q = new TurnQueue({ concurrency: 2, maxQueued: 100, slowAfterMs: 60_000 });
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const turn = (key: string, i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      log.push(`${key}${i}`);
      running--;
    };
    const all = [];
    for (let i = 0; i < 5; i++) for (const key of ['a', 'b', 'c']) all.push(q.push(key, turn(key, i), noCatchUp));
    await Promise.all(all);
    expect(peak).toBe(2);
    for (const key of ['a', 'b', 'c'])
      expect(log.filter((s) => s.startsWith(key))).toEqual([0, 1, 2, 3, 4].map((i) => `${key}${i}`));
    expect(q.stats.overflowed).toBe(0);
    q.close();
  });

  it('runs the newest conversation first once the oldest waiting turn is late, each in its order', async () => {
    let now = 0;
    const q = new TurnQueue({ concurrency: 1, maxQueued: 100, slowAfterMs: 1000, now: () => now });
    const log: string[] = [];
    const first = gate();
    const done = [holdUntil(q, first, log)];
    const turn = (key: string) => q.push(key, async () => void log.push(key), noCatchUp);
    done.push(turn('a1'));
    now = 500;
    done.push(
      turn('b'),
      q.push('a1', async () => void log.push('a1 again'), noCatchUp),
    );
    now = 900;
    done.push(turn('c'));
    // Nothing late yet: in the order they came (a conversation's next turn after the others ready).
    first.open();
    await Promise.all(done);
    expect(log).toEqual(['x', 'a1', 'b', 'c', 'a1 again']);

    log.length = 0;
    const second = gate();
    const later = [holdUntil(q, second, log)];
    now = 1000;
    later.push(
      turn('d'),
      q.push('d', async () => void log.push('d again'), noCatchUp),
    );
    now = 1500;
    later.push(turn('e'), turn('f'));
    now = 2500; // d has waited 1.5 s: the queue is behind
    later.push(turn('g'));
    second.open();
    await Promise.all(later);
    // Newest first, by when each conversation became ready, while the oldest is late (d's second
    // turn is ready once its first has run); d's two turns still in their order.
    expect(log).toEqual(['x', 'g', 'f', 'e', 'd', 'd again']);
    q.close();
  });

  it('while behind, runs the late turns `lateConcurrency` at a time and a new one at once', async () => {
    const { clock, q, log, busy, held, backlog, late, lateTurn } = heldQueue();
    const waiting = ['a', 'b', 'c'].map(lateTurn);
    clock.now = 2000; // a, b and c have waited 2 s: the queue is behind
    busy.forEach((g) => g.open());
    await Promise.all(held);
    await new Promise((r) => setImmediate(r));
    // Three slots free, but the backlog takes one: the newest of it first.
    expect(log).toEqual(['c started']);
    await q.push('n', async () => void log.push('n'), noCatchUp);
    expect(log).toEqual(['c started', 'n']);
    backlog.open();
    await Promise.all(waiting);
    expect(log).toEqual(['c started', 'n', 'b started', 'a started']);
    expect(late.peak).toBe(1);
    q.close();
  });

  it('while the late turns have their share, a backlog chat that writes again does not hold back a new one', async () => {
    const { clock, q, log, busy, held, backlog, lateTurn } = heldQueue();
    const waiting = ['a', 'b', 'c'].map(lateTurn);
    clock.now = 2000; // behind
    busy[0].open();
    await held[0];
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['c started']);
    const fresh = q.push('n', async () => void log.push('n'), noCatchUp);
    // b's visitor writes again: b goes last, its first turn still late.
    waiting.push(q.push('b', async () => void log.push('b again'), noCatchUp));
    busy[1].open();
    await fresh;
    expect(log).toEqual(['c started', 'n']);
    backlog.open();
    busy[2].open();
    await Promise.all([...waiting, ...held]);
    expect(log).toEqual(['c started', 'n', 'b started', 'b again', 'a started']);
    q.close();
  });

  it('runs `crowdedConcurrency` turns at once while a turn has waited too long, `concurrency` again after', async () => {
    let now = 0;
    const q = new TurnQueue({
      concurrency: 4,
      crowdedConcurrency: 2,
      crowdedAfterMs: 100,
      maxQueued: 100,
      slowAfterMs: 1000,
      now: () => now,
    });
    const at = { running: 0, peak: 0 };
    const turn = (key: string) =>
      q.push(
        key,
        async () => {
          at.peak = Math.max(at.peak, ++at.running);
          await new Promise((r) => setImmediate(r));
          at.running--;
        },
        noCatchUp,
      );
    const busy = [gate(), gate(), gate(), gate()];
    const held = busy.map((g, i) => q.push(`x${i}`, () => g.opened, noCatchUp));
    const waiting = ['a', 'b', 'c', 'd', 'e', 'f'].map(turn);
    now = 150; // a..f have waited 150 ms for a slot: crowded (not yet behind)
    busy.forEach((g) => g.open());
    await Promise.all([...held, ...waiting]);
    expect(at.peak).toBe(2);

    at.peak = 0;
    await Promise.all(['g', 'h', 'i', 'j', 'k', 'l'].map(turn)); // none late
    expect(at.peak).toBe(4);
    q.close();
  });

  it('keeps to the order turns came in when told to (CHATREF_BOT_ORDER=in-order)', async () => {
    let now = 0;
    const q = new TurnQueue({
      concurrency: 1,
      maxQueued: 100,
      slowAfterMs: 1000,
      newestWhenBehind: false,
      now: () => now,
    });
    const log: string[] = [];
    const first = gate();
    const turn = (key: string) => q.push(key, async () => void log.push(key), noCatchUp);
    const done = [holdUntil(q, first, log), turn('d'), q.push('d', async () => void log.push('d again'), noCatchUp)];
    now = 2500; // d has waited 2.5 s: behind, and still in order
    done.push(turn('e'), turn('f'));
    first.open();
    await Promise.all(done);
    expect(log).toEqual(['x', 'd', 'e', 'f', 'd again']);
    q.close();
  });

  it('past its bound keeps one catch-up per conversation, run after what was queued before it', async () => {
    const q = new TurnQueue({ concurrency: 1, maxQueued: 2, slowAfterMs: 60_000 });
    const log: string[] = [];
    const first = gate();
    const done: Promise<void>[] = [];
    done.push(
      q.push(
        'a',
        async () => {
          await first.opened;
          log.push('a0');
        },
        async () => void log.push('a-catch-up'),
      ),
    );
    // Two wait in memory (the bound), the rest are remembered by conversation only.
    for (const [key, i] of [
      ['a', 1],
      ['b', 1],
      ['a', 2],
      ['b', 2],
      ['a', 3],
      ['c', 1],
    ] as const)
      done.push(
        q.push(
          key,
          async () => {
            log.push(`${key}${i}`);
          },
          async () => {
            log.push(`${key}-catch-up`);
          },
        ),
      );
    expect(q.waiting).toBe(2);
    expect(q.stats.overflowed).toBe(3);
    first.open();
    await Promise.all(done);
    await q.idle();
    // Every turn ran, or was replaced by its conversation's single catch-up, in order.
    expect(log.filter((s) => s.startsWith('a'))).toEqual(['a0', 'a1', 'a-catch-up']);
    expect(log.filter((s) => s.startsWith('b'))).toEqual(['b1', 'b-catch-up']);
    expect(log.filter((s) => s.startsWith('c'))).toEqual(['c-catch-up']);
    q.close();
  });

  it('full while behind, puts the longest-waiting conversation out for a catch-up, not the newcomer', async () => {
    let now = 0;
    const slow: string[] = [];
    const q = new TurnQueue({
      concurrency: 1,
      maxQueued: 2,
      slowAfterMs: 1000,
      now: () => now,
      onSlow: (k) => slow.push(k),
    });
    const log: string[] = [];
    const first = gate();
    const turn = (key: string, name = key) => caughtUpTurn(q, log, key, name);
    const done = [holdUntil(q, first, log), turn('a'), turn('b')];
    expect(q.waiting).toBe(2);
    now = 2000; // a and b have waited 2 s: behind, and full
    done.push(turn('c'));
    expect(q.waiting).toBe(2);
    expect(q.stats.overflowed).toBe(1);
    expect(slow).toEqual(['a']);
    first.open();
    await Promise.all(done);
    // The newcomer first, then the rest newest first; a's turn as its catch-up once there is room.
    expect(log).toEqual(['x', 'c', 'b', 'a-catch-up']);
    q.close();
  });

  it('while behind, a conversation that asks again is the newest, even one put out before', async () => {
    let now = 0;
    const q = new TurnQueue({ concurrency: 1, maxQueued: 2, slowAfterMs: 1000, now: () => now });
    const log: string[] = [];
    const first = gate();
    const turn = (key: string, name = key) => caughtUpTurn(q, log, key, name);
    const done = [holdUntil(q, first, log), turn('a'), turn('b'), turn('c')]; // full, not behind yet: c is put out
    expect(q.stats.overflowed).toBe(1);
    now = 2000; // behind
    done.push(turn('c', 'c again'));
    first.open();
    await Promise.all(done);
    // c came back in at once as the newest (a, the oldest, went out in its place).
    expect(log).toEqual(['x', 'c-catch-up', 'b', 'a-catch-up']);

    // A conversation already waiting that asks again goes before those that asked since (room
    // enough this time: nobody is put out).
    q.close();
    now = 0;
    log.length = 0;
    const roomy = new TurnQueue({ concurrency: 1, maxQueued: 100, slowAfterMs: 1000, now: () => now });
    const second = gate();
    const later = [
      holdUntil(roomy, second, log),
      roomy.push('d', async () => void log.push('d'), noCatchUp),
      roomy.push('e', async () => void log.push('e'), noCatchUp),
    ];
    now = 2000;
    later.push(roomy.push('d', async () => void log.push('d again'), noCatchUp));
    second.open();
    await Promise.all(later);
    expect(log).toEqual(['x', 'd', 'd again', 'e']);
    roomy.close();
  });

  it('tells a conversation once that its turn is late, when it waits, runs long or overflows', async () => {
    const slow: string[] = [];
    const aTold = gate();
    const q = new TurnQueue({
      concurrency: 1,
      maxQueued: 1,
      slowAfterMs: 0,
      onSlow: (k) => {
        slow.push(k);
        if (slow.includes('a')) aTold.open();
      },
    });
    const first = gate();
    const told = aTold.opened;
    const done = [
      q.push(
        'a',
        () => first.opened,
        async () => {},
      ),
      q.push(
        'b',
        async () => {},
        async () => {},
      ),
      q.push(
        'b',
        async () => {},
        async () => {},
      ),
      q.push(
        'c',
        async () => {},
        async () => {},
      ),
    ];
    await told;
    first.open();
    await Promise.all(done);
    // 'b' (its second turn) and 'c' overflowed, told at once; 'a' ran long, told while it ran.
    expect(slow.sort()).toEqual(['a', 'b', 'c']);
    q.close();
  });

  it('does not tell a conversation whose turn is on time', async () => {
    const slow: string[] = [];
    const q = new TurnQueue({ concurrency: 1, maxQueued: 10, slowAfterMs: 60_000, onSlow: (k) => slow.push(k) });
    await Promise.all(
      ['a', 'b', 'a'].map((k) =>
        q.push(
          k,
          async () => {},
          async () => {},
        ),
      ),
    );
    expect(slow).toEqual([]);
    q.close();
  });

  it('a failing turn is reported and does not stop the conversation', async () => {
    const errors: string[] = [];
    const q = new TurnQueue({ concurrency: 1, maxQueued: 10, onError: (_e, k) => errors.push(k) });
    const log: number[] = [];
    await Promise.all([
      q.push(
        'a',
        () => Promise.reject(new Error('boom')),
        async () => {},
      ),
      q.push(
        'a',
        async () => void log.push(2),
        async () => {},
      ),
    ]);
    expect(errors).toEqual(['a']);
    expect(log).toEqual([2]);
    q.close();
  });
});
