/**
 * Pending invitations: who was invited and has not joined yet, to copy a link, get a new one or
 * withdraw. The server keeps only a hash of each link: it returns the link once, when the
 * invitation is created, so "Copy link" is there for the ones created on this page.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import type { Invitation, Member } from '../types';

/** An invitation as the list returns it (GET /invitations): no link, no emailed flag. */
export type PendingInvitation = Omit<Invitation, 'url' | 'emailed'>;

/** Reload the list when an invitation is created or withdrawn elsewhere, or someone joins. */
const INVITATION_EVENTS = new Set(['invitation.created', 'invitation.withdrawn', 'workspace.member.added']);

/** `enabled`: only owners and admins may read the list. */
export function useInvitations(workspaceId: string, enabled: boolean) {
  const { onEvent } = useRealtime();
  const [pending, setPending] = useState<PendingInvitation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The links this page was given, by invitation id.
  const [links, setLinks] = useState<Record<string, string>>({});

  const load = useCallback(() => {
    if (!enabled) return;
    api.get<PendingInvitation[]>(wsPath(workspaceId, '/invitations')).then(
      (rows) => {
        setPending(rows);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [workspaceId, enabled]);
  useEffect(load, [load]);
  useEffect(() => onEvent((e) => void (INVITATION_EVENTS.has(e.name) && load())), [onEvent, load]);

  const invite = async (email: string, role: 'admin' | 'agent') => {
    const inv = await api.post<Invitation>(wsPath(workspaceId, '/invitations'), { email, role });
    setLinks((l) => ({ ...l, [inv.id]: inv.url }));
    // In the list at once (the event that reloads it comes when the socket is up).
    const row = { id: inv.id, email: inv.email, role: inv.role, createdAt: inv.createdAt, expiresAt: inv.expiresAt };
    setPending((p) => p && [...p.filter((x) => x.id !== row.id), row]);
    return inv;
  };
  const withdraw = async (id: string) => {
    await api.del(wsPath(workspaceId, `/invitations/${id}`));
    setPending((p) => p && p.filter((x) => x.id !== id));
  };
  /** A new link for the same person and role; the old one stops working once the new one exists. */
  const renew = async (old: PendingInvitation) => {
    const inv = await invite(old.email, old.role === 'admin' ? 'admin' : 'agent');
    await withdraw(old.id);
    return inv;
  };

  return { pending, error, links, invite, withdraw, renew, reload: load };
}

export type Invitations = ReturnType<typeof useInvitations>;

/**
 * Why inviting `email` would make no sense, or null: it is the inviter's own, a member's, or
 * someone already invited (the server would accept all three and send a link nobody needs).
 */
export function inviteProblem(
  email: string,
  known: { me: string; members: Member[]; pending: PendingInvitation[] | null },
): string | null {
  const e = email.trim().toLowerCase();
  if (!e) return null;
  if (e === known.me.toLowerCase()) return 'That is your own email: you are already in this workspace.';
  const member = known.members.find((m) => m.email.toLowerCase() === e);
  if (member) return `${member.name} (${member.email}) is already a member of this workspace.`;
  if (known.pending?.some((p) => p.email.toLowerCase() === e))
    return `${email.trim()} is already invited. To send them a new link, use “New link” under Pending invitations in Settings → Members.`;
  return null;
}
