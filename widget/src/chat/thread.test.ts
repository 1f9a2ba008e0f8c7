import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../protocol/socket';
import { lastSeq, markSent, merge, pendingMessage, withoutLocal } from './thread';

const stored = (seq: number, over: Partial<WireMessage> = {}): WireMessage => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId: `c${seq}`,
  author: { type: 'bot', name: null },
  kind: 'text',
  body: `message ${seq}`,
  createdAt: new Date(0).toISOString(),
  meta: {},
  ...over,
});

describe('widget thread', () => {
  it('replaces a pending message with its stored copy, once, whichever way it arrives', () => {
    let t = merge([], [stored(1)]);
    t = [...t, pendingMessage('local-1', 'hello')];
    const mine = stored(2, { clientId: 'local-1', author: { type: 'visitor', name: null }, body: 'hello' });
    t = merge(t, [mine]); // the ack
    t = merge(t, [mine]); // the live push
    t = merge(t, [stored(1), mine, stored(3)]); // a sync after reconnecting
    expect(t.map((m) => [m.seq, m.local ?? 'stored'])).toEqual([
      [1, 'stored'],
      [2, 'stored'],
      [3, 'stored'],
    ]);
  });

  it('keeps unacknowledged messages after the stored ones, in the order they were written', () => {
    const t = merge([pendingMessage('a', 'one'), pendingMessage('b', 'two')], [stored(5), stored(4)]);
    expect(t.map((m) => m.seq || m.clientId)).toEqual([4, 5, 'a', 'b']);
    expect(lastSeq(t)).toBe(5);
    expect(withoutLocal(t, 'a').map((m) => m.seq || m.clientId)).toEqual([4, 5, 'b']);
    const acked = markSent(t, 'b');
    expect(acked.map((m) => m.local)).toEqual([undefined, undefined, 'pending', 'sent']);
    expect(lastSeq(acked)).toBe(5);
  });

  it('does not match a bot message to a visitor message by clientId', () => {
    const t = merge([pendingMessage('x', 'hi')], [stored(1, { clientId: 'x' })]);
    expect(t).toHaveLength(2);
  });
});
