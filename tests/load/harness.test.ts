/**
 * The bench's load harness against its own baseline (the bare Socket.IO echo server): visitors in
 * worker processes connect, send on schedule, and every reply is matched to its message.
 */
import { describe, expect, it } from 'vitest';
import { startEchoServer } from '../../benchmarks/load/echo';
import { startLoad } from '../../benchmarks/load/run-load';

describe('load harness', () => {
  it('drives visitors from worker processes and matches every reply', async () => {
    const echo = await startEchoServer();
    try {
      const load = await startLoad({
        url: echo.url,
        workspaceId: 'echo',
        visitors: 40,
        workers: 2,
        mode: 'chat',
        intervalMs: 500,
        durationMs: 2000,
      });
      try {
        expect(load).toMatchObject({ connected: 40, failed: 0 });
        const r = await load.go();
        expect(r.sent).toBeGreaterThanOrEqual(150);
        expect(r.replied).toBe(r.sent);
        expect(r.lost).toBe(0);
        expect(r.latencies.every((ms) => ms >= 0 && ms < 5000)).toBe(true);
      } finally {
        await load.stop();
      }
    } finally {
      await echo.stop();
    }
  });
});
