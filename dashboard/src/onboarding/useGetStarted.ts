import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import type { GetStartedState } from '../types';

const POLL_MS = 1500;

/** Get started's state from the server, fresh after knowledge changes and while content is being read. */
export function useGetStarted(workspaceId: string) {
  const { onEvent } = useRealtime();
  const [state, setState] = useState<GetStartedState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api.get<GetStartedState>(wsPath(workspaceId, '/get-started')).then(
        (s) => {
          setState(s);
          setError(null);
          announceSetup(s);
          return s;
        },
        (err: unknown) => {
          setError(errorMessage(err));
          return null;
        },
      ),
    [workspaceId],
  );
  useEffect(() => void load(), [load]);
  useEffect(
    () =>
      onEvent((e) => {
        if (
          e.name === 'knowledge.source.updated' ||
          e.name === 'workspace.updated' ||
          e.name === 'workspace.member.added' ||
          e.name === 'invitation.created' ||
          e.name === 'invitation.withdrawn'
        )
          void load();
      }),
    [onEvent, load],
  );
  const reading = (state?.content.ingesting.length ?? 0) > 0;
  useEffect(() => {
    if (!reading) return;
    const t = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(t);
  }, [reading, load]);

  return { state, error, reload: load };
}

/** Tells the sidebar's "Get started" link how many steps are left (it reads them itself otherwise). */
export const SETUP_EVENT = 'chatref:get-started';
export function announceSetup(s: GetStartedState): void {
  const left = [s.content, s.assistant, s.tags, s.widget, s.team].filter((step) => !step.done).length;
  window.dispatchEvent(new CustomEvent<number>(SETUP_EVENT, { detail: left }));
}

/**
 * Whether the page says "All set" instead of the checklist: not while a new invitation's link is on
 * screen, though that invitation may be what completed the checklist; once it is put away (Done).
 */
export function useAllSet(done: boolean) {
  const [linkShown, setLinkShown] = useState(false);
  return {
    allSet: done && !linkShown,
    onLinkShown: useCallback(() => setLinkShown(true), []),
    onLinkDone: useCallback(() => setLinkShown(false), []),
  };
}

/**
 * The team step in words that claim no more than happened: the server counts the step done once
 * someone is invited (inviting is the owner's part), but the team is in only once they join.
 */
export function teamStatus(team: GetStartedState['team']): { label: string; summary: string; allSet: string } {
  const others = team.members - 1;
  const waiting = `${team.invitations} invitation${team.invitations === 1 ? '' : 's'} waiting to be accepted`;
  if (others > 0)
    return {
      label: 'Done',
      summary: `${team.members} people are in${team.invitations ? `; ${waiting}` : ''}.`,
      allSet: 'your team is in',
    };
  if (team.invitations)
    return {
      label: 'Invited — waiting for them to join',
      summary: `${waiting}. Nobody has joined yet.`,
      allSet: `your team is invited (${waiting})`,
    };
  return {
    label: 'Done',
    summary: 'The people who will answer the chats the assistant hands over.',
    allSet: 'your team is in',
  };
}
