/** Where the conversation stands while it is not with the AI: the queue, or "leave your email". */
import { useState } from 'preact/hooks';
import type { VisitorState } from '../../../protocol/socket';

interface Props {
  state: VisitorState | null;
  emailSaved: string | null;
  handoffAsked: boolean;
  saveEmail(email: string): Promise<string | null>;
}

const NOBODY = 'No one is available right now — leave your email and we’ll reply there.';

/** "about 4 min" / "about 1 h 20 min", rounded up to a whole minute. */
function about(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m < 60 ? `about ${m} min` : `about ${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

function EmailForm({ saveEmail, why = NOBODY }: Pick<Props, 'saveEmail'> & { why?: string }) {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(await saveEmail(email.trim()));
    setBusy(false);
  };
  return (
    <form class="card email" onSubmit={submit}>
      <p id="cr-email-why">{why}</p>
      <div class="row">
        <input
          type="email"
          required
          autocomplete="email"
          placeholder="you@example.com"
          aria-label="Email"
          aria-describedby="cr-email-why"
          aria-invalid={error ? true : undefined}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          Notify me
        </button>
      </div>
      {error && <p class="field-error">{error}</p>}
    </form>
  );
}

export function Status({ state, emailSaved, handoffAsked, saveEmail }: Props) {
  const waiting = state?.status === 'waiting';
  let body = null;
  // The email reply is the promise only while nobody can answer here; with the team online the
  // visitor waits in line, even when their email is known (given in the chat).
  const away = !!state && (!state.agentsOnline || !state.withinHours);
  if (emailSaved && (state?.askEmail || (waiting && away))) {
    body = (
      <div class="card done">
        Thanks! We’ll reply to <strong>{emailSaved}</strong> — you can close this window.
      </div>
    );
  } else if (state?.askEmail) {
    body = <EmailForm saveEmail={saveEmail} />;
  } else if (waiting || handoffAsked) {
    const n = state?.queuePosition;
    // The estimate comes from how fast the team really answered lately; without history, none.
    const est = state?.estimateS;
    body = (
      <>
        <div class="card queue">
          <span class="pulse" aria-hidden="true" />
          <div>
            <strong>{n ? `You're number ${n} in line` : 'Waiting for a person…'}</strong>
            <span>
              {est
                ? `The wait is usually ${about(est)}, going by how fast the team has answered lately.`
                : n
                  ? 'Someone from the team will be with you as soon as they can.'
                  : 'We’re letting the team know.'}
            </span>
          </div>
        </div>
        {state?.offerEmail && !emailSaved && (
          <EmailForm
            saveEmail={saveEmail}
            why="Rather not wait? Leave your email and we’ll answer there — you can also stay here."
          />
        )}
      </>
    );
  }
  return (
    <div class="status" role="status">
      {body}
    </div>
  );
}
