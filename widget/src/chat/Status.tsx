/** Where the conversation stands while it is not with the AI: the queue, or "leave your email". */
import type { VisitorState } from '../../../protocol/socket';
import { EmailForm } from './EmailForm';

interface Props {
  state: VisitorState | null;
  emailSaved: string | null;
  handoffAsked: boolean;
  saveEmail(email: string): Promise<string | null>;
}

const NOBODY = 'No one is available right now — leave your email and we’ll reply there.';
/** Nobody can answer now and the server cannot send email: the reply waits here. */
const NOBODY_HERE =
  'No one is available right now. The team will answer here when they’re back — this chat is kept, so you can come back to this page later.';

/** "about 4 min" / "about 1 h 20 min", rounded up to a whole minute. */
function about(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m < 60 ? `about ${m} min` : `about ${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/** "Leave your email": the reply goes there while nobody, or not soon enough, can answer here. */
function LeaveEmail({ saveEmail, why = NOBODY }: Pick<Props, 'saveEmail'> & { why?: string }) {
  return (
    <EmailForm id="cr-email-why" why={why} label="Email" button="Notify me" className="card email" send={saveEmail} />
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
    body = <LeaveEmail saveEmail={saveEmail} />;
  } else if (waiting && away) {
    body = <div class="card email">{NOBODY_HERE}</div>;
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
          <LeaveEmail
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
