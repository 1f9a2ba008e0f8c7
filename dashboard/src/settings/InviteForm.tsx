import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../api';
import { useSession } from '../session';
import type { Invitation } from '../types';
import { CopyButton } from '../ui/CopyButton';
import { useWorkspaceData } from '../workspace-data';
import { inviteProblem, type Invitations } from './useInvitations';
import { FieldError, invalidProps } from '../ui/FieldError';

/**
 * Invite a colleague: the link to send (shown to copy until Done; mailed too when the server has
 * email). Inviting oneself, a member or someone already invited is refused here, with why.
 */
export function InviteForm({
  invitations,
  onInvited,
  onDismissed,
}: {
  invitations: Invitations;
  onInvited?: (invitation: Invitation) => void;
  /** The link was put away (Done): a page kept as it was for the link can move on. */
  onDismissed?: () => void;
}) {
  const { me } = useSession();
  const { members } = useWorkspaceData();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [invited, setInvited] = useState<Invitation | null>(null);

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setEmailError(null);
    const problem = inviteProblem(email, { me: me.user.email, members, pending: invitations.pending });
    if (problem) return setEmailError(problem);
    setBusy(true);
    try {
      const inv = await invitations.invite(email.trim(), role);
      setInvited(inv);
      setEmail('');
      onInvited?.(inv);
    } catch (err) {
      const byField = fieldErrors(err);
      if (byField.email) setEmailError(byField.email);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const dismiss = () => {
    setInvited(null);
    onDismissed?.();
  };

  return (
    <>
      <form className="row wrap" onSubmit={invite}>
        <label className="field grow">
          <span>Their email</span>
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...invalidProps('invite-email', emailError)}
          />
          <FieldError id="invite-email" error={emailError} />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'agent')}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <button type="submit" className="btn primary align-end" disabled={busy}>
          Create invitation
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {invited && <InvitationLink invitation={invited} onDismiss={dismiss} />}
    </>
  );
}

/** A new invitation's link, to copy and send, until the owner presses Done. */
export function InvitationLink({ invitation, onDismiss }: { invitation: Invitation; onDismiss: () => void }) {
  return (
    <div className="reveal" role="status">
      <p>
        {invitation.emailed ? (
          <>
            We emailed this link to <strong>{invitation.email}</strong>; you can also send it yourself.
          </>
        ) : (
          <>
            Send this link to <strong>{invitation.email}</strong> (this server does not send email).
          </>
        )}{' '}
        It works once and expires {shortDate(invitation.expiresAt)}. Copy it now: once you press Done it is not shown
        again (Settings → Members can make a new one).
      </p>
      <code className="secret" aria-label="Invitation link">
        {invitation.url}
      </code>
      <span className="row">
        <CopyButton text={invitation.url} label="Copy link" />
        <button type="button" className="btn ghost small" onClick={onDismiss}>
          Done
        </button>
      </span>
    </div>
  );
}

export const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
