import { useState, type FormEvent } from 'react';
import { api, errorMessage, setCsrfToken } from '../api';
import { navigate } from '../router';
import type { Me } from '../types';

/** The page an invitation link opens: choose a name and password, join, and go to the inbox. */
export function AcceptInvitation({ token }: { token: string }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(
    token ? null : 'This invitation link is incomplete. Ask for a new one.',
  );
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/api/invitations/accept', { token, name: name.trim(), password });
      setCsrfToken(me.csrfToken);
      // A full load so the session provider starts from the new cookie.
      navigate('/inbox/waiting', { replace: true });
      window.location.reload();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="auth">
      <form className="auth-card" onSubmit={submit} aria-labelledby="accept-title">
        <div className="brand-mark" aria-hidden="true" />
        <h1 id="accept-title">Join your team on Chatref</h1>
        <label className="field">
          <span>Your name</span>
          <input required autoFocus autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <small>At least 8 characters. If you already have an account, use its password.</small>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn primary wide" disabled={busy || !token}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  );
}
