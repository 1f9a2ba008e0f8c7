/** One email field with its reason and its button: "leave your email" and "email me this conversation". */
import { useState } from 'preact/hooks';

interface Props {
  /** Id of the reason's paragraph (the field is described by it). */
  id: string;
  why: string;
  label: string;
  button: string;
  initial?: string;
  className?: string;
  /** Sends the address; resolves to the error to show, or null when it went through. */
  send(email: string): Promise<string | null>;
}

export function EmailForm({ id, why, label, button, initial = '', className = 'card', send }: Props) {
  const [email, setEmail] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setError(await send(email.trim()));
    setBusy(false);
  };
  return (
    <form class={className} onSubmit={submit}>
      <p id={id}>{why}</p>
      <div class="row">
        <input
          type="email"
          required
          autocomplete="email"
          placeholder="you@example.com"
          aria-label={label}
          aria-describedby={id}
          aria-invalid={error ? true : undefined}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          {button}
        </button>
      </div>
      {error && <p class="field-error">{error}</p>}
    </form>
  );
}
