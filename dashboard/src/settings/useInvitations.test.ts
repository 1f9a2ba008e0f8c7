/** Pending invitations: listed, withdrawn, given a new link; and the invitations that make no sense. */
import { act, createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEvent } from '../../../protocol/socket';
import { RealtimeContext, type RealtimeValue } from '../realtime';
import { renderHook } from '../test/render-hook';
import type { Invitation, Member } from '../types';
import { inviteProblem, useInvitations, type PendingInvitation } from './useInvitations';

const WS = '11111111-1111-4111-8111-111111111111';
const BASE = `/api/workspaces/${WS}/invitations`;
const sam: PendingInvitation = {
  id: 'i1',
  email: 'sam@beanthere.example',
  role: 'agent',
  createdAt: '2026-03-12T10:00:00Z',
  expiresAt: '2026-03-19T10:00:00Z',
};

/** A realtime context whose events the test fires by hand. */
function fakeRealtime() {
  const events = new Set<(e: AgentEvent) => void>();
  const value = {
    onEvent: (l: (e: AgentEvent) => void) => (events.add(l), () => events.delete(l)),
  } as unknown as RealtimeValue;
  return {
    wrap: (children: ReactNode) => createElement(RealtimeContext.Provider, { value }, children),
    event: (name: AgentEvent['name']) =>
      act(async () => events.forEach((l) => l({ name, conversationId: null, data: {} }))),
  };
}

/** The server as the REST API answers: the list has no links; a new invitation comes with one, once. */
function fakeServer(list: PendingInvitation[]) {
  let n = 1;
  const calls: string[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    if (method === 'GET') return new Response(JSON.stringify(list), { status: 200 });
    if (method === 'POST') {
      const body = JSON.parse(String(init?.body)) as { email: string; role: 'admin' | 'agent' };
      const inv: Invitation = {
        id: `new${++n}`,
        ...body,
        url: `http://localhost/app/accept?token=t${n}`,
        createdAt: '2026-03-13T10:00:00Z',
        expiresAt: '2026-03-20T10:00:00Z',
        emailed: false,
      };
      const { url: _url, emailed: _emailed, ...row } = inv;
      list = [...list, row];
      return new Response(JSON.stringify(inv), { status: 201 });
    }
    const id = url.split('/').pop();
    list = list.filter((i) => i.id !== id);
    return new Response(null, { status: 204 });
  });
  return { fetch, calls };
}

describe('useInvitations', () => {
  let server: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    server = fakeServer([sam]);
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the pending invitations, without a link to copy for those made elsewhere', async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useInvitations(WS, true), rt.wrap);
    expect(server.calls).toEqual([`GET ${BASE}`]);
    expect(hook.current.pending).toEqual([sam]);
    expect(hook.current.links).toEqual({});
    await hook.unmount();
  });

  it('keeps the link of an invitation made here, and lists it at once', async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useInvitations(WS, true), rt.wrap);
    let inv!: Invitation;
    await act(async () => void (inv = await hook.current.invite('kai@beanthere.example', 'admin')));
    expect(hook.current.pending?.map((i) => i.email)).toEqual(['sam@beanthere.example', 'kai@beanthere.example']);
    expect(hook.current.links).toEqual({ [inv.id]: inv.url });
    await hook.unmount();
  });

  it('makes a new link for the same person and role, then withdraws the old one', async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useInvitations(WS, true), rt.wrap);
    let inv!: Invitation;
    await act(async () => void (inv = await hook.current.renew(sam)));
    expect(server.calls.slice(1)).toEqual([`POST ${BASE}`, `DELETE ${BASE}/i1`]);
    expect(server.fetch.mock.calls[1][1]?.body).toBe(JSON.stringify({ email: sam.email, role: 'agent' }));
    expect(hook.current.pending?.map((i) => i.id)).toEqual([inv.id]);
    expect(hook.current.links[inv.id]).toBe(inv.url);
    await hook.unmount();
  });

  it('withdraws, and re-reads when an invitation changes elsewhere or someone joins', async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useInvitations(WS, true), rt.wrap);
    await act(() => hook.current.withdraw('i1'));
    expect(server.calls.at(-1)).toBe(`DELETE ${BASE}/i1`);
    expect(hook.current.pending).toEqual([]);
    await rt.event('message.created');
    expect(server.calls.filter((c) => c.startsWith('GET'))).toHaveLength(1);
    await rt.event('workspace.member.added');
    await rt.event('invitation.created');
    expect(server.calls.filter((c) => c.startsWith('GET'))).toHaveLength(3);
    await hook.unmount();
  });

  it('asks nothing for an agent, who may not read the list', async () => {
    const rt = fakeRealtime();
    const hook = await renderHook(() => useInvitations(WS, false), rt.wrap);
    await rt.event('invitation.created');
    expect(server.calls).toEqual([]);
    expect(hook.current.pending).toBeNull();
    await hook.unmount();
  });
});

describe('inviteProblem', () => {
  const members: Member[] = [
    { id: 'u1', name: 'Ana Ruiz', email: 'ana@beanthere.example', role: 'owner' },
    { id: 'u2', name: 'Dana Lee', email: 'dana@beanthere.example', role: 'agent' },
  ];
  const known = { me: 'ana@beanthere.example', members, pending: [sam] };

  it('refuses your own email, a member and someone already invited, whatever the case', () => {
    expect(inviteProblem(' Ana@BeanThere.example ', known)).toBe(
      'That is your own email: you are already in this workspace.',
    );
    expect(inviteProblem('DANA@beanthere.example', known)).toBe(
      'Dana Lee (dana@beanthere.example) is already a member of this workspace.',
    );
    expect(inviteProblem('Sam@beanthere.example', known)).toMatch(/^Sam@beanthere\.example is already invited\./);
  });

  it('lets anyone else through, and does not guess when the list could not be read', () => {
    expect(inviteProblem('kai@beanthere.example', known)).toBeNull();
    expect(inviteProblem('sam@beanthere.example', { ...known, pending: null })).toBeNull();
  });
});
