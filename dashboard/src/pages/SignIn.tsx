import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import type { Me } from '../types';
import { Link } from '../ui/Link';

/** Email + password; on success the session takes over. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  // Sign-up's "sign in instead" brings the email along.
  const [email, setEmail] = useState(() => new URLSearchParams(window.location.search).get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Hosts may close sign-up (CHATREF_SIGNUP=closed): then invitations are the only way in.
  const [signup, setSignup] = useState<'open' | 'closed' | null>(null);
  useEffect(() => {
    api.get<{ signup: 'open' | 'closed' }>('/api/auth/options').then(
      (o) => setSignup(o.signup),
      () => setSignup(null),
    );
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<Me>('/api/auth/signin', { email: email.trim(), password }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="auth">
      <form className="auth-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="brand-mark" aria-hidden="true" />
        <h1 id="signin-title">Sign in to Chatref</h1>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn primary wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {signup === 'open' && (
          <p className="auth-switch">
            New to Chatref? <Link to="/signup">Create an account</Link>
          </p>
        )}
        {signup === 'closed' && (
          <p className="auth-switch muted small">New here? Ask your team's admin for an invitation.</p>
        )}
      </form>
    </main>
  );
}
