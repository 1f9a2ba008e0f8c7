/**
 * After a resolve: "How did we do?" (Good / Okay / Bad, then an optional comment; skippable,
 * asked once) and the conversation by email. What is offered comes from the server (`followup`).
 */
import { useEffect, useState } from 'preact/hooks';
import type { FollowUpState, VisitorState } from '../../../protocol/socket';
import { MAX_COMMENT } from '../../../protocol/socket';
import type { ChatClient } from './client';
import { EmailForm } from './EmailForm';

const RATINGS = [
  { value: 'good', label: 'Good' },
  { value: 'okay', label: 'Okay' },
  { value: 'bad', label: 'Bad' },
] as const;

const skipKey = (key: string) => `chatref:csat-skip:${key}`;
const skipped = (key: string) => {
  try {
    return localStorage.getItem(skipKey(key)) === '1';
  } catch {
    return false;
  }
};
const rememberSkip = (key: string) => {
  try {
    localStorage.setItem(skipKey(key), '1');
  } catch {}
};

interface Props {
  client: ChatClient;
  state: VisitorState | null;
  /** Changes with each resolve of the conversation (so a later resolve may ask again). */
  resolution: string;
}

export function FollowUp({ client, state, resolution }: Props) {
  const conversationId = state?.status === 'resolved' ? state.conversationId : null;
  const [offer, setOffer] = useState<FollowUpState | null>(null);
  const [step, setStep] = useState<'ask' | 'comment' | 'thanks' | 'hidden'>('ask');
  const [error, setError] = useState<string | null>(null);
  const key = `${conversationId}:${resolution}`;

  useEffect(() => {
    setOffer(null);
    setError(null);
    if (!conversationId) return;
    let live = true;
    void client.request('followup', { conversationId }).then((r) => {
      if (!live || !r.ok) return;
      setOffer(r.data);
      setStep(r.data.rating === 'ask' && !skipped(key) ? 'ask' : 'hidden');
    });
    return () => {
      live = false;
    };
  }, [client, conversationId, key]);

  if (!conversationId || !offer) return null;

  const rate = async (rating: (typeof RATINGS)[number]['value']) => {
    setError(null);
    const r = await client.request('rate', { conversationId, rating });
    if (r.ok) setStep('comment');
    else setError(r.error);
  };
  const skip = () => {
    rememberSkip(key);
    setStep('hidden');
  };

  return (
    <div class="follow-up">
      {step === 'ask' && (
        <div class="card csat" role="group" aria-labelledby="cr-csat-q">
          <p id="cr-csat-q" class="csat-q">
            How did we do?
          </p>
          <div class="csat-buttons">
            {RATINGS.map((r) => (
              <button key={r.value} type="button" class={`csat-btn csat-${r.value}`} onClick={() => void rate(r.value)}>
                <span class="csat-dot" aria-hidden="true" />
                {r.label}
              </button>
            ))}
          </div>
          <button type="button" class="link-btn" onClick={skip}>
            Skip
          </button>
        </div>
      )}
      {step === 'comment' && (
        <CommentForm client={client} conversationId={conversationId} onDone={() => setStep('thanks')} />
      )}
      {step === 'thanks' && <div class="card done">Thanks for your feedback!</div>}
      {error && <p class="field-error">{error}</p>}
      {offer.transcript && <TranscriptForm client={client} conversationId={conversationId} email={offer.email} />}
    </div>
  );
}

function CommentForm({
  client,
  conversationId,
  onDone,
}: {
  client: ChatClient;
  conversationId: string;
  onDone(): void;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!comment.trim()) return onDone();
    setBusy(true);
    const r = await client.request('rate-comment', { conversationId, comment: comment.trim() });
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <form class="card csat" onSubmit={submit}>
      <label class="csat-q" for="cr-csat-comment">
        Thanks! Anything you’d like to add? <span class="optional">(optional)</span>
      </label>
      <textarea
        id="cr-csat-comment"
        rows={2}
        maxLength={MAX_COMMENT}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <div class="row end">
        <button type="button" class="link-btn" onClick={onDone}>
          Skip
        </button>
        <button type="submit" class="primary" disabled={busy}>
          Send feedback
        </button>
      </div>
      {error && <p class="field-error">{error}</p>}
    </form>
  );
}

function TranscriptForm({
  client,
  conversationId,
  email,
}: {
  client: ChatClient;
  conversationId: string;
  email: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  if (sent) return <div class="card done">We’ve sent the conversation to {sent}.</div>;
  if (!open)
    return (
      <button type="button" class="handoff" onClick={() => setOpen(true)}>
        Email me this conversation
      </button>
    );
  const send = async (address: string) => {
    const r = await client.request('transcript', { conversationId, email: address });
    if (!r.ok) return r.error;
    setSent(r.data.email);
    return null;
  };
  return (
    <EmailForm
      id="cr-transcript-why"
      why="We’ll email you a copy of this conversation, with the links we shared."
      label="Email for the transcript"
      button="Send transcript"
      initial={email ?? ''}
      send={send}
    />
  );
}
