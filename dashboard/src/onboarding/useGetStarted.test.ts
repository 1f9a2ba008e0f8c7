/** Get started's team step: an invitation is the owner's part done, not a team that is in. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { renderHook } from '../test/render-hook';
import { teamStatus, useAllSet } from './useGetStarted';

describe('useAllSet', () => {
  it('keeps the checklist, and the new link in it, until Done, though the invitation completed it', async () => {
    const hook = await renderHook(() => useAllSet(true));
    expect(hook.current.allSet).toBe(true);
    await act(async () => hook.current.onLinkShown());
    expect(hook.current.allSet).toBe(false);
    await act(async () => hook.current.onLinkDone());
    expect(hook.current.allSet).toBe(true);
    await hook.unmount();
  });

  it('never says all set while a step is left', async () => {
    const hook = await renderHook(() => useAllSet(false));
    await act(async () => hook.current.onLinkDone());
    expect(hook.current.allSet).toBe(false);
    await hook.unmount();
  });
});

describe('teamStatus', () => {
  it('says an invitation is waiting, not that the team is in, while nobody has joined', () => {
    const s = teamStatus({ done: true, members: 1, invitations: 1 });
    expect(s.label).toBe('Invited — waiting for them to join');
    expect(s.summary).toBe('1 invitation waiting to be accepted. Nobody has joined yet.');
    expect(s.allSet).toBe('your team is invited (1 invitation waiting to be accepted)');
    expect(s.allSet).not.toMatch(/\bis in\b/);
  });

  it('says the team is in once someone joined, with any invitation still waiting', () => {
    expect(teamStatus({ done: true, members: 2, invitations: 0 })).toEqual({
      label: 'Done',
      summary: '2 people are in.',
      allSet: 'your team is in',
    });
    expect(teamStatus({ done: true, members: 3, invitations: 2 }).summary).toBe(
      '3 people are in; 2 invitations waiting to be accepted.',
    );
  });
});
