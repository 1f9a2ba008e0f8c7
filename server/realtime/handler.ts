/**
 * Wraps a socket event handler: validates the payload with zod, applies the rate limit, and turns
 * every failure into an error ack (or an `error` event when the client sent no ack) — never a crash.
 */
import { RateLimiterRes, type RateLimiterMemory } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack, AckError } from '../../protocol/socket';
import { AppError } from '../errors';
import { refuseNul } from '../http/nul';

export interface HandlerOptions {
  limiters: { key: (socket: Socket) => string; limiter: RateLimiterMemory }[];
  onUnexpected: (err: unknown, event: string) => void;
}

/** The ack's error: the catalogue's code and message, and for a rate limit when to try again. */
export function errorOf(err: unknown): AckError {
  if (!(err instanceof AppError)) return { code: 'internal', message: 'something went wrong on our side' };
  const retryAfterMs =
    err.code === 'rate_limited' ? (err.details as { retryAfterMs?: number })?.retryAfterMs : undefined;
  return retryAfterMs === undefined
    ? { code: err.code, message: err.message }
    : { code: err.code, message: err.message, retryAfterMs };
}

export function on<S extends z.ZodType, R>(
  socket: Socket,
  event: string,
  schema: S,
  opts: HandlerOptions,
  fn: (input: z.output<S>) => Promise<R>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const maybeAck = args.at(-1);
    const ack = typeof maybeAck === 'function' ? (maybeAck as (r: Ack<R>) => void) : null;
    const reply = (r: Ack<R>) => (ack ? ack(r) : !r.ok && socket.emit('error', { event, ...r.error }));
    try {
      for (const { key, limiter } of opts.limiters) {
        await limiter.consume(key(socket)).catch((res: unknown) => {
          // A refusal says when the budget is back, so a client can send the same request again then.
          const retryAfterMs = res instanceof RateLimiterRes ? Math.ceil(res.msBeforeNext) : undefined;
          throw new AppError('rate_limited', 'too many messages at once: wait a moment and try again', {
            retryAfterMs,
          });
        });
      }
      refuseNul(args[0], event);
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        const message = parsed.error.issues
          .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
          .join('; ');
        throw new AppError('invalid_input', message);
      }
      reply({ ok: true, data: await fn(parsed.data) });
    } catch (err) {
      if (!(err instanceof AppError)) opts.onUnexpected(err, event);
      reply({ ok: false, error: errorOf(err) });
    }
  });
}
