import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage, fieldErrors, setCsrfToken } from '../api';
import { navigate } from '../router';
import type { Me } from '../types';

interface Preview {
  workspace: string;
  email: string;
  invitedBy: string | null;
  hasAccount: boolean;
}

/**
 * The page an invitation link opens: which shop and which email it is for, then a name and
 * password (or the existing account's password), join, and go to the inbox.
 */
export function AcceptInvitation({ token }: { token: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    if (!token) return;
    api
      .post<Preview>('/api/invitations/preview', { token })
      .then(setPreview, (err: unknown) => setError(errorMessage(err)));
  }, [token]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(
    token ? null : 'This invitation link is incomplete. Ask for a new one.',
  );
  // The server's word on the name or the password, shown beside that field.
  const [fields, setFields] = useState<{ name?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const me = await api.post<Me>('/api/invitations/accept', { token, name: name.trim(), password });
      setCsrfToken(me.csrfToken);
      // A full load so the session provider starts from the new cookie.
      navigate('/inbox/waiting', { replace: true });
      window.location.reload();
    } catch (err) {
      const { name, password } = fieldErrors(err);
      if (name || password) setFields({ name, password });
      else setError(errorMessage(err));
      setBusy(false);
    }
  };
  const passwordHint = preview?.hasAccount
    ? 'You already have an account with this email: use its password.'
    : 'At least 8 characters; a few unrelated words make a strong one.';

  return (
    <main className="auth">
      <form className="auth-card" onSubmit={submit} aria-labelledby="accept-title">
        <div className="brand-mark" aria-hidden="true" />
        <h1 id="accept-title">{preview ? `Join ${preview.workspace} on Chatref` : 'Join your team on Chatref'}</h1>
        {preview && (
          <p className="muted">
            {preview.invitedBy ? `${preview.invitedBy} invited you. ` : ''}You will sign in as{' '}
            <strong>{preview.email}</strong>.
          </p>
        )}
        <label className="field">
          <span>Your name</span>
          <input
            required
            autoFocus
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fields.name ? true : undefined}
            aria-describedby={fields.name ? 'name-error' : undefined}
          />
          {fields.name && (
            <small id="name-error" className="field-error">
              {fields.name}
            </small>
          )}
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
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={fields.password ? 'password-error' : 'password-hint'}
          />
          {/* The error takes the hint's place: the two would say the same thing one under the other. */}
          {fields.password ? (
            <small id="password-error" className="field-error">
              {fields.password}
            </small>
          ) : (
            <small id="password-hint">{passwordHint}</small>
          )}
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {(fields.name || fields.password) && (
          <p className="sr-only" role="alert">
            {[fields.name, fields.password].filter(Boolean).join('. ')}
          </p>
        )}
        <button type="submit" className="btn primary wide" disabled={busy || !token}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  );
}
