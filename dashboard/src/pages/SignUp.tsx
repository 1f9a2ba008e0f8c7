import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { api, ApiError, errorMessage, fieldErrors } from '../api';
import { navigate } from '../router';
import type { Me } from '../types';
import { Link } from '../ui/Link';

type Field = 'name' | 'workspaceName' | 'email' | 'password';
const FIELDS: Field[] = ['name', 'workspaceName', 'email', 'password'];

/**
 * A new shop's owner: an account and its workspace in one step, then Get started. The server says
 * what is wrong with which field; each message is shown beside its field.
 */
export function SignUp({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [values, setValues] = useState<Record<Field, string>>({ name: '', workspaceName: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // A taken email's message ends in "sign in instead": that part becomes the way there.
  const [taken, setTaken] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    setTaken(null);
    try {
      const me = await api.post<Me>('/api/auth/signup', {
        name: values.name.trim(),
        workspaceName: values.workspaceName.trim(),
        email: values.email.trim(),
        password: values.password,
      });
      navigate('/get-started', { replace: true });
      onSignedIn(me);
    } catch (err) {
      const byField = signUpErrors(err);
      setErrors(byField);
      if (err instanceof ApiError && err.code === 'email_taken') setTaken(values.email.trim());
      // Take the person to the first field to fix.
      const first = FIELDS.find((f) => byField[f]);
      if (first) document.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
      if (!Object.keys(byField).length) setFormError(errorMessage(err));
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, input: InputHTMLAttributes<HTMLInputElement>, hint?: string) => {
    const error = errors[name];
    // The error takes the hint's place: the two would say the same thing one under the other.
    const shownHint = error ? undefined : hint;
    const describedBy = [error ? `${name}-error` : null, shownHint ? `${name}-hint` : null].filter(Boolean).join(' ');
    return (
      <label className="field">
        <span>{label}</span>
        <input
          name={name}
          required
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
        {shownHint && <small id={`${name}-hint`}>{shownHint}</small>}
        {error && (
          <small id={`${name}-error`} className="field-error">
            {name === 'email' && taken !== null ? <SignInInstead message={error} email={taken} /> : error}
          </small>
        )}
      </label>
    );
  };

  return (
    <main className="auth">
      <form className="auth-card" onSubmit={submit} aria-labelledby="signup-title" noValidate>
        <div className="brand-mark" aria-hidden="true" />
        <h1 id="signup-title">Create your shop's Chatref</h1>
        {field('name', 'Your name', { autoComplete: 'name', autoFocus: true, maxLength: 100 })}
        {field('workspaceName', 'Shop name', { autoComplete: 'organization', maxLength: 100 })}
        {field('email', 'Email', { type: 'email', autoComplete: 'username' })}
        {field(
          'password',
          'Password',
          { type: 'password', autoComplete: 'new-password' },
          'At least 8 characters; a few unrelated words make a strong one.',
        )}
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        {Object.keys(errors).length > 0 && (
          <p className="sr-only" role="alert">
            {FIELDS.filter((f) => errors[f])
              .map((f) => errors[f])
              .join('. ')}
          </p>
        )}
        <button type="submit" className="btn primary wide" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
        <p className="auth-switch">
          Already have an account? <Link to="/">Sign in</Link>
        </p>
      </form>
    </main>
  );
}

/** "An account with this email already exists: sign in instead", the last words a link to sign in. */
function SignInInstead({ message, email }: { message: string; email: string }) {
  const at = message.search(/sign in instead\.?$/i);
  return (
    <>
      {at >= 0 ? message.slice(0, at) : `${message} `}
      <Link to={`/?email=${encodeURIComponent(email)}`}>{at >= 0 ? 'sign in instead' : 'Sign in instead'}</Link>
    </>
  );
}

/** The server's field issues (`body.email` …) by form field; a taken email or weak password by code. */
function signUpErrors(err: unknown): Partial<Record<Field, string>> {
  if (!(err instanceof ApiError)) return {};
  const byField = fieldErrors(err);
  const out: Partial<Record<Field, string>> = {};
  for (const f of FIELDS) if (byField[f]) out[f] = byField[f];
  if (!Object.keys(out).length) {
    if (err.code === 'email_taken') out.email = capitalize(err.message);
    else if (/password/i.test(err.code) || /password/i.test(err.message)) out.password = capitalize(err.message);
  }
  return out;
}

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
