/** Get started: the first setup as a checklist whose steps tick from the workspace's real state. */
import { useState, type ReactNode } from 'react';
import { duration, sourceProblem } from '../lib/format';
import { useSession } from '../session';
import { UploadFiles } from '../settings/AddKnowledge';
import { InviteForm } from '../settings/InviteForm';
import { useInvitations } from '../settings/useInvitations';
import type { GetStartedState } from '../types';
import { CopyButton } from '../ui/CopyButton';
import { Snippet } from './Snippet';
import { Link } from '../ui/Link';
import { teamStatus, useAllSet, useGetStarted } from './useGetStarted';

export function GetStarted() {
  const { workspace, isAdmin } = useSession();
  const { state, error, reload } = useGetStarted(workspace.id);
  const invitations = useInvitations(workspace.id, isAdmin);
  const { allSet, onLinkShown, onLinkDone } = useAllSet(state?.done ?? false);
  if (error) return <p className="form-error pad">{error}</p>;
  if (!state) return <p className="muted pad">Loading…</p>;
  const steps = [state.content, state.assistant, state.tags, state.widget, state.team];
  const done = steps.filter((s) => s.done).length;
  const team = teamStatus(state.team);

  return (
    <div className="get-started">
      <h1>Get started</h1>
      {allSet ? (
        <p className="notice">
          All set: your assistant answers from your content, your widget is live and {team.allSet}. New chats that need
          a person arrive in the <Link to="/inbox/waiting">inbox</Link>.
        </p>
      ) : (
        <>
          <p className="muted">
            Five steps to put your assistant on your site. Each ticks itself once it is done.{' '}
            <strong>
              {done} of {steps.length} done.
            </strong>
          </p>
          <ol className="steps">
            <Step n={1} done={state.content.done} title="Add your content">
              <p className="muted">
                Your FAQ, shipping and returns policies, product pages: the assistant answers only from these.
              </p>
              <ContentStatus content={state.content} />
              <UploadFiles onAdded={() => void reload()} />
              <p className="small muted">
                A web page, a whole site or typed questions and answers:{' '}
                <Link to="/settings/knowledge">Settings → Knowledge</Link>.
              </p>
            </Step>
            <Step n={2} done={state.assistant.done} title="Try your assistant">
              <p className="muted">Ask what your customers ask, and see exactly what they would get.</p>
              <Link to="/try" className="btn">
                Try your assistant
              </Link>
            </Step>
            <Step n={3} done={state.tags.done} title="Set tags and handoff topics">
              <p className="muted">
                Tags sort chats by topic; a topic marked "needs a person" (a wholesale quote, a complaint) goes straight
                to your team. You have {state.tags.tags} tag{state.tags.tags === 1 ? '' : 's'},{' '}
                {state.tags.handoffTopics} handoff topic{state.tags.handoffTopics === 1 ? '' : 's'}.
              </p>
              <Link to="/settings/tags" className="btn">
                Set up tags
              </Link>
            </Step>
            <Step n={4} done={state.widget.done} title="Install the widget">
              <InstallWidget widget={state.widget} check={reload} />
            </Step>
            <Step n={5} done={state.team.done} doneLabel={team.label} title="Invite your team">
              <p className="muted">{team.summary}</p>
              <InviteForm
                invitations={invitations}
                onInvited={() => {
                  onLinkShown();
                  void reload();
                }}
                onDismissed={onLinkDone}
              />
            </Step>
          </ol>
        </>
      )}
    </div>
  );
}

function Step({
  n,
  done,
  doneLabel = 'Done',
  title,
  children,
}: {
  n: number;
  done: boolean;
  /** What "done" means for this step when it is not the whole story (invited, not joined yet). */
  doneLabel?: string;
  title: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(!done);
  const id = `step-${n}`;
  return (
    <li className={done ? 'step done' : 'step'} aria-labelledby={id}>
      <div className="step-head">
        <span className="step-mark" aria-hidden="true">
          {done ? '✓' : n}
        </span>
        <h2 id={id}>
          {title}
          <span className="sr-only">{done ? ` (${doneLabel.toLowerCase()})` : ' (not done yet)'}</span>
        </h2>
        <span className={done ? 'step-state ok' : 'step-state'}>{done ? doneLabel : 'To do'}</span>
        {done && (
          <button type="button" className="btn ghost small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Show'}
          </button>
        )}
      </div>
      {open && <div className="step-body">{children}</div>}
    </li>
  );
}

function ContentStatus({ content }: { content: GetStartedState['content'] }) {
  return (
    <div className="content-status" aria-live="polite">
      {content.sources > 0 && (
        <p className="small">
          {content.ready} of {content.sources} source{content.sources === 1 ? '' : 's'} ready ({content.chunks} passage
          {content.chunks === 1 ? '' : 's'} the assistant can answer from).
        </p>
      )}
      {content.ingesting.map((s) => (
        <label key={s.id} className="progress-row small">
          <span>Reading {s.name}…</span>
          <progress max={1} value={s.progress} />
        </label>
      ))}
      {content.failed.map((s) => (
        <p key={s.id} className="form-error small">
          {sourceProblem(s.name, s.error)}
        </p>
      ))}
    </div>
  );
}

function InstallWidget({ widget, check }: { widget: GetStartedState['widget']; check: () => Promise<unknown> }) {
  const [checked, setChecked] = useState<'idle' | 'checking' | 'checked'>('idle');
  const last = widget.seen[0];
  const run = async () => {
    setChecked('checking');
    await check();
    setChecked('checked');
  };
  return (
    <>
      <p className="muted">
        Paste this before the closing &lt;/body&gt; tag of every page where the chat should appear.
      </p>
      <Snippet snippet={widget.snippet} />
      <div className="row wrap">
        <CopyButton text={widget.snippet} label="Copy snippet" />
        <button type="button" className="btn small" onClick={() => void run()} disabled={checked === 'checking'}>
          Check installation
        </button>
      </div>
      <p role="status" className="small">
        {checked === 'checking'
          ? 'Checking…'
          : last
            ? `Seen on ${last.origin} ${ago(last.at)}.`
            : checked === 'checked'
              ? 'Not seen yet. Open a page with the snippet in a browser, then check again.'
              : ''}
      </p>
      {widget.seen.length > 1 && (
        <p className="small muted">
          Also seen on{' '}
          {widget.seen
            .slice(1)
            .map((s) => s.origin)
            .join(', ')}
          .
        </p>
      )}
    </>
  );
}

const ago = (iso: string) => {
  const d = duration(iso);
  return d === 'just now' ? d : `${d} ago`;
};
