import { useEffect, useState } from 'react';
import { errorMessage } from '../api';
import { useRealtime } from '../realtime';
import { useSession } from '../session';
import type { Invitation } from '../types';
import { CopyButton } from '../ui/CopyButton';
import { useWorkspaceData } from '../workspace-data';
import { InvitationLink, InviteForm, shortDate } from './InviteForm';
import { useInvitations, type Invitations, type PendingInvitation } from './useInvitations';

const ROLE_LABEL = { owner: 'Owner', admin: 'Admin', agent: 'Agent' } as const;

/** Who is in the workspace, who is invited and not in yet, and invitations by link. */
export function Members() {
  const { isAdmin, me, workspace } = useSession();
  const { members, reload } = useWorkspaceData();
  const { onEvent } = useRealtime();
  const invitations = useInvitations(workspace.id, isAdmin);
  // Someone accepted an invitation: they leave the pending list for this one.
  useEffect(() => onEvent((e) => void (e.name === 'workspace.member.added' && reload())), [onEvent, reload]);

  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                {m.id === me.user.id && <span className="muted"> (you)</span>}
              </td>
              <td>{m.email}</td>
              <td>{ROLE_LABEL[m.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {isAdmin && <PendingInvitations invitations={invitations} />}

      {isAdmin && (
        <section className="card" aria-labelledby="invite-title">
          <h3 id="invite-title">Invite someone</h3>
          <InviteForm invitations={invitations} />
        </section>
      )}
    </>
  );
}

/**
 * Invited, not joined yet. The server returns a link only when it makes one, so "Copy link" is
 * there for the invitations made on this page; "New link" makes another (the old one stops working).
 */
function PendingInvitations({ invitations }: { invitations: Invitations }) {
  const { pending, links, error } = invitations;
  const [renewed, setRenewed] = useState<Invitation | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (inv: PendingInvitation, fn: () => Promise<unknown>) => {
    setBusy(inv.id);
    setActionError(null);
    try {
      await fn();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const renew = (inv: PendingInvitation) => act(inv, async () => setRenewed(await invitations.renew(inv)));
  const withdraw = (inv: PendingInvitation) => {
    if (window.confirm(`Withdraw the invitation for ${inv.email}? Its link stops working.`))
      void act(inv, async () => {
        await invitations.withdraw(inv.id);
        if (renewed?.id === inv.id) setRenewed(null);
      });
  };

  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!pending?.length && !renewed) return null;
  return (
    <>
      <h3 className="section-title" id="pending-title">
        Pending invitations
      </h3>
      {pending && pending.length > 0 && (
        <table className="table" aria-labelledby="pending-title">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sent</th>
              <th scope="col">Link expires</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pending.map((inv) => (
              <tr key={inv.id}>
                <td>{inv.email}</td>
                <td>{ROLE_LABEL[inv.role]}</td>
                <td>{shortDate(inv.createdAt)}</td>
                <td>{shortDate(inv.expiresAt)}</td>
                <td>
                  <div className="row">
                    {links[inv.id] ? (
                      <CopyButton text={links[inv.id]} label="Copy link" />
                    ) : (
                      <button
                        type="button"
                        className="btn small"
                        disabled={busy === inv.id}
                        onClick={() => void renew(inv)}
                        aria-label={`New link for ${inv.email}`}
                      >
                        New link
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn ghost small danger"
                      disabled={busy === inv.id}
                      onClick={() => withdraw(inv)}
                      aria-label={`Withdraw the invitation for ${inv.email}`}
                    >
                      Withdraw
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      {renewed && <InvitationLink invitation={renewed} onDismiss={() => setRenewed(null)} />}
    </>
  );
}
