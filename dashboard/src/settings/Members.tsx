import { useState, type FormEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useSession } from '../session';
import type { Invitation } from '../types';
import { CopyButton } from '../ui/CopyButton';
import { useWorkspaceData } from '../workspace-data';

const ROLE_LABEL = { owner: 'Owner', admin: 'Admin', agent: 'Agent' } as const;

/** Who is in the workspace, and invitations by link. */
export function Members() {
  const { workspace, isAdmin, me } = useSession();
  const { members } = useWorkspaceData();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invited, setInvited] = useState<Invitation | null>(null);

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setInvited(await api.post<Invitation>(wsPath(workspace.id, '/invitations'), { email: email.trim(), role }));
      setEmail('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

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

      {isAdmin && (
        <section className="card" aria-labelledby="invite-title">
          <h3 id="invite-title">Invite someone</h3>
          <form className="row wrap" onSubmit={invite}>
            <label className="field grow">
              <span>Their email</span>
              <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
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
                Send this link to <strong>{invited.email}</strong>. It works once and expires{' '}
                {new Date(invited.expiresAt).toLocaleDateString()}.
              </p>
              <code className="secret">{invited.url}</code>
              <CopyButton text={invited.url} label="Copy link" />
            </div>
          )}
        </section>
      )}
    </>
  );
}
