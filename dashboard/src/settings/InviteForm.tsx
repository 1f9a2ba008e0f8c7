import { useState, type FormEvent } from 'react';
import { api, errorMessage, fieldErrors, wsPath } from '../api';
import { useSession } from '../session';
import type { Invitation } from '../types';
import { CopyButton } from '../ui/CopyButton';

/** Invite a colleague: the link to send (shown to copy; mailed too when the server has email). */
export function InviteForm({ onInvited }: { onInvited?: (invitation: Invitation) => void }) {
  const { workspace } = useSession();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [invited, setInvited] = useState<Invitation | null>(null);

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setEmailError(null);
    try {
      const inv = await api.post<Invitation>(wsPath(workspace.id, '/invitations'), { email: email.trim(), role });
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
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'invite-email-error' : undefined}
          />
          {emailError && (
            <small id="invite-email-error" className="field-error" role="alert">
              {emailError}
            </small>
          )}
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
      {invited && (
        <div className="reveal" role="status">
          <p>
            {invited.emailed ? (
              <>
                We emailed this link to <strong>{invited.email}</strong>; you can also send it yourself.
              </>
            ) : (
              <>
                Send this link to <strong>{invited.email}</strong> (this server does not send email).
              </>
            )}{' '}
            It works once and expires{' '}
            {new Date(invited.expiresAt).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' })}.
          </p>
          <code className="secret" aria-label="Invitation link">
            {invited.url}
          </code>
          <CopyButton text={invited.url} label="Copy link" />
        </div>
      )}
    </>
  );
}
