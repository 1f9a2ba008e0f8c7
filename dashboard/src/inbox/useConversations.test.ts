/** The inbox's live list: loads its query, re-reads at most once per burst of events, never shows a stale answer. */
import { act, createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEvent } from '../../../protocol/socket';
import { RealtimeContext, type RealtimeValue } from '../realtime';
import { renderHook } from '../test/render-hook';
import type { Conversation } from '../types';
import { useConversations } from './useConversations';

const WS = '11111111-1111-4111-8111-111111111111';
const row = (id: string) => ({ id, status: 'waiting' }) as Conversation;

/** A realtime context whose events and reconnects the test fires by hand. */
function fakeRealtime() {
  const events = new Set<(e: AgentEvent) => void>();
  const reconnects = new Set<() => void>();
  const value = {
    onEvent: (l: (e: AgentEvent) => void) => (events.add(l), () => events.delete(l)),
    onReconnect: (l: () => void) => (reconnects.add(l), () => reconnects.delete(l)),
  } as unknown as RealtimeValue;
  return {
    wrap: (children: ReactNode) => createElement(RealtimeContext.Provider, { value }, children),
    event: (e: Partial<AgentEvent>) =>
      act(async () => events.forEach((l) => l({ name: 'message.created', conversationId: null, data: {}, ...e }))),
    reconnect: () => act(async () => reconnects.forEach((l) => l())),
  };
}

/** fetch answered by the test: each call waits until `answer` resolves it with rows. */
function fakeFetch() {
  const calls: { url: string; answer: (rows: Conversation[]) => Promise<void> }[] = [];
  const fetch = vi.fn((url: string) => {
    let resolve!: (r: Response) => void;
    const p = new Promise<Response>((r) => (resolve = r));
    calls.push({
      url,
      answer: (rows) => act(async () => resolve(new Response(JSON.stringify(rows), { status: 200 }))),
    });
    return p;
  });
  return { fetch, calls };
}

describe('useConversations', () => {
  let net: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    net = fakeFetch();
    vi.stubGlobal('fetch', net.fetch);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("loads its view's conversations", async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useConversations(WS, { view: 'waiting', tagId: 'T' }), rt.wrap);
    expect(hook.current.items).toBeNull();
    expect(net.calls).toHaveLength(1);
    expect(net.calls[0].url).toBe(`/api/workspaces/${WS}/conversations?view=waiting&tagId=T&limit=100`);
    await net.calls[0].answer([row('a'), row('b')]);
    expect(hook.current.items?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(hook.current.error).toBeNull();
    await hook.unmount();
  });

  it('re-reads once for a burst of conversation events, and after a reconnect', async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useConversations(WS, { view: 'open' }), rt.wrap);
    await net.calls[0].answer([row('a')]);
    for (let i = 0; i < 5; i++) await rt.event({ conversationId: 'a' });
    // Workspace events about no conversation (settings, members) leave the list alone.
    await rt.event({ name: 'workspace.updated', conversationId: null });
    expect(net.calls).toHaveLength(1);
    await act(async () => vi.runOnlyPendingTimers());
    expect(net.calls).toHaveLength(2);
    await net.calls[1].answer([row('a'), row('c')]);
    expect(hook.current.items?.map((c) => c.id)).toEqual(['a', 'c']);
    await rt.reconnect();
    expect(net.calls).toHaveLength(3);
    await hook.unmount();
  });

  it('keeps the newest answer when an older request returns last', async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useConversations(WS, { view: 'open' }), rt.wrap);
    await act(async () => hook.current.reload());
    expect(net.calls).toHaveLength(2);
    await net.calls[1].answer([row('new')]);
    await net.calls[0].answer([row('old')]);
    expect(hook.current.items?.map((c) => c.id)).toEqual(['new']);
    await hook.unmount();
  });
});
