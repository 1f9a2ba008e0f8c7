import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack, WireMessage } from '../../../protocol/socket';

type AckFn = (err: Error | null, ack?: Ack<unknown>) => void;

/** The widget's socket, in memory: what was emitted, and a way to answer each request. */
class FakeSocket {
  connected = true;
  active = true;
  sent: { event: string; payload: { clientId?: string; body?: string }; answer: AckFn }[] = [];
  private handlers = new Map<string, ((...a: unknown[]) => void)[]>();
  volatile = { emit: () => undefined };
  on(event: string, fn: (...a: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  timeout() {
    return {
      emit: (event: string, payload: FakeSocket['sent'][number]['payload'], answer: AckFn) =>
        this.sent.push({ event, payload, answer }),
    };
  }
  connect() {}
  close() {}
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  sends() {
    return this.sent.filter((s) => s.event === 'send');
  }
}

let socket: FakeSocket;
vi.mock('socket.io-client', () => ({ io: () => (socket = new FakeSocket()) }));
const { ChatClient } = await import('./client');

const RATE_LIMITED = { code: 'rate_limited', message: 'too many messages at once: wait a moment and try again' };

function stored(clientId: string, body: string): WireMessage {
  return {
    id: 'm1',
    conversationId: 'c1',
    seq: 1,
    clientId,
    author: { type: 'visitor', name: null },
    kind: 'text',
    body,
    createdAt: new Date(0).toISOString(),
    meta: {},
  };
}

describe('a send refused by the rate limit', () => {
  let client: InstanceType<typeof ChatClient>;
  let refused: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    client = new ChatClient('http://shop.example', 'w1', 'Assistant');
    refused = [];
    client.onRefused = (body) => refused.push(body);
  });
  afterEach(() => {
    client.close();
    vi.useRealTimers();
  });

  const pending = () => client.snapshot.messages.filter((m) => m.local === 'pending').map((m) => m.body);

  it('stays in the thread as sending and goes once more after the pause the server names', () => {
    client.send('Do you ship to Canada?');
    const [first] = socket.sends();
    first.answer(null, { ok: false, error: { ...RATE_LIMITED, retryAfterMs: 4000 } });
    expect(pending()).toEqual(['Do you ship to Canada?']);
    expect({ error: client.snapshot.error, refused }).toEqual({ error: null, refused: [] });

    vi.advanceTimersByTime(3999);
    expect(socket.sends()).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    const [, again] = socket.sends();
    expect(again.payload).toEqual(first.payload);
    again.answer(null, { ok: true, data: stored(first.payload.clientId!, 'Do you ship to Canada?') });
    expect(client.snapshot.messages.map((m) => [m.seq, m.local ?? 'stored'])).toEqual([[1, 'stored']]);
    expect({ error: client.snapshot.error, refused }).toEqual({ error: null, refused: [] });
  });

  it('goes back to the text box with the refusal when the retry is refused too', () => {
    client.send('Hello?');
    socket.sends()[0].answer(null, { ok: false, error: RATE_LIMITED });
    vi.advanceTimersByTime(2500); // no pause named: a couple of seconds
    const sends = socket.sends();
    expect(sends).toHaveLength(2);
    sends[1].answer(null, { ok: false, error: { ...RATE_LIMITED, retryAfterMs: 3000 } });
    expect(pending()).toEqual([]);
    expect(refused).toEqual(['Hello?']);
    expect(client.snapshot.error).toBe('Too many messages at once: wait a moment and try again');
    vi.advanceTimersByTime(20_000);
    expect(socket.sends()).toHaveLength(2);
  });

  it('is not sent early by a reconnect while it waits', () => {
    client.send('Hi');
    socket.sends()[0].answer(null, { ok: false, error: { ...RATE_LIMITED, retryAfterMs: 5000 } });
    socket.fire('session', { token: 't', visitorId: 'v', lastSeq: 0, state: { status: 'bot' } });
    expect(socket.sends()).toHaveLength(1);
    vi.advanceTimersByTime(5300);
    expect(socket.sends()).toHaveLength(2);
  });

  it('goes back to the text box at once when refused for another reason', () => {
    client.send('x'.repeat(20));
    socket.sends()[0].answer(null, { ok: false, error: { code: 'invalid_input', message: 'body: too long' } });
    expect(refused).toEqual(['x'.repeat(20)]);
    vi.advanceTimersByTime(20_000);
    expect(socket.sends()).toHaveLength(1);
  });
});

describe("the assistant's typing after a send", () => {
  let client: InstanceType<typeof ChatClient>;
  beforeEach(() => {
    vi.useFakeTimers();
    client = new ChatClient('http://shop.example', 'w1', 'Assistant');
  });
  afterEach(() => {
    client.close();
    vi.useRealTimers();
  });

  const answer = (seq: number): WireMessage => ({
    ...stored('bot:m1', 'We ship to Canada.'),
    id: `a${seq}`,
    seq,
    author: { type: 'bot', name: 'Assistant' },
  });

  it('shows while the answer is awaited', () => {
    client.send('Do you ship to Canada?');
    const [first] = socket.sends();
    first.answer(null, { ok: true, data: stored(first.payload.clientId!, 'Do you ship to Canada?') });
    expect(client.snapshot.typing).toBe('Assistant');
    socket.fire('message', answer(2));
    expect(client.snapshot.typing).toBeNull();
  });

  it('does not show when the answer came before the ack (both stored at once)', () => {
    client.send('Do you ship to Canada?');
    const [first] = socket.sends();
    socket.fire('message', answer(2));
    first.answer(null, { ok: true, data: stored(first.payload.clientId!, 'Do you ship to Canada?') });
    expect(client.snapshot.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(client.snapshot.typing).toBeNull();
  });
});
