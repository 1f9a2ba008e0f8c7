/**
 * Try your assistant: ask what customers ask and see exactly what they would get — the answer with
 * its sources and confidence, or the handoff and why — with no chat created. Then a coverage check.
 */
import { useState, type FormEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { reasonText } from '../lib/format';
import { useSession } from '../session';
import type { AssistantPreview, CoverageReport, GetStartedState } from '../types';
import { announceSetup } from './useGetStarted';
import { Link } from '../ui/Link';

export function TryAssistant() {
  const { workspace, isAdmin } = useSession();
  const [question, setQuestion] = useState('');
  const [asked, setAsked] = useState<AssistantPreview[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    if (!question.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const p = await api.post<AssistantPreview>(wsPath(workspace.id, '/assistant/try'), { question: question.trim() });
      setAsked((a) => [p, ...a].slice(0, 10));
      // Trying it is a step of Get started: let the sidebar's count catch up.
      void api.get<GetStartedState>(wsPath(workspace.id, '/get-started')).then(announceSetup, () => undefined);
      setQuestion('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="try-assistant">
      <h1>Try your assistant</h1>
      <p className="muted">
        Ask what your customers ask. You see what a visitor would get; no chat is created and nobody is notified.
      </p>
      <form className="row try-form" onSubmit={ask}>
        <label className="field grow">
          <span>Ask a test question</span>
          <input
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            placeholder="How long does shipping take?"
            maxLength={500}
            autoFocus
          />
        </label>
        <button type="submit" className="btn primary align-end" disabled={busy || !question.trim()}>
          {busy ? 'Asking…' : 'Ask'}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {asked.map((p, i) => (
          <Preview key={asked.length - i} preview={p} />
        ))}
      </div>
      {isAdmin && <Coverage />}
    </div>
  );
}

function Preview({ preview: p }: { preview: AssistantPreview }) {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <article className="card preview" aria-label={`Answer to: ${p.question}`}>
      <p className="preview-q">
        <span className="muted small">Visitor asked</span> {p.question}
      </p>
      <div className={p.outcome === 'handoff' ? 'preview-a handoff' : 'preview-a'}>
        <span className="muted small">The assistant replies</span>
        <p>{p.text}</p>
      </div>
      {p.outcome === 'handoff' ? (
        <p className="preview-verdict held">
          <strong>Handed to your team</strong> because {reasonText(p.reason)}
          {p.topic ? ` (${p.topic})` : ''}. The chat would wait in the inbox for a person.
        </p>
      ) : p.smallTalk ? (
        <p className="preview-verdict ok">
          <strong>Small talk</strong>: the assistant replies in kind, without your content.
        </p>
      ) : p.abstained || p.confidence < p.threshold ? (
        <p className="preview-verdict held">
          <strong>Not sure</strong>:{' '}
          {p.confidence < p.threshold
            ? `confidence ${pct(p.confidence)}, below the ${pct(p.threshold)} needed to answer.`
            : // Held back above the threshold: the best passages do not hold what was asked (a phone
              // number, opening hours, a thing the content never names).
              'your content does not hold what was asked, though it talks about something close.'}
          {p.offersPerson ? ' The visitor is offered a person.' : ''} Add the answer to your content to fix this.
        </p>
      ) : (
        <p className="preview-verdict ok">
          <strong>Answered</strong> with confidence {pct(p.confidence)} (answers at {pct(p.threshold)} and above).
          {p.offersPerson ? ` It also offers a person, because ${reasonText(p.reason)}.` : ''}
        </p>
      )}
      {p.citations.length > 0 && (
        <div className="small">
          Sources:{' '}
          <ul className="citations">
            {p.citations.map((c) => (
              <li key={c.chunkId}>
                {c.url ? (
                  <a href={c.url} target="_blank" rel="noreferrer">
                    {c.title}
                  </a>
                ) : (
                  c.title
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function Coverage() {
  const { workspace } = useSession();
  const [report, setReport] = useState<CoverageReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.post<CoverageReport>(wsPath(workspace.id, '/assistant/coverage')));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">What can it answer?</h2>
      <p className="muted">
        Asks questions made from each page's headings, as a visitor would, and lists the pages the assistant cannot
        answer from yet.
      </p>
      <button type="button" className="btn" onClick={() => void run()} disabled={busy}>
        {busy ? 'Checking…' : 'Check coverage'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div role="status">
          <p>
            Answered {report.answered} of {report.asked} questions from your pages.
            {report.asked === 0 && ' Add content first.'}
          </p>
          {report.gaps.length > 0 ? (
            <>
              <h3 className="small">Pages it cannot answer from yet</h3>
              <ul className="gaps">
                {report.gaps.map((g) => (
                  <li key={`${g.sourceId}:${g.title}`}>
                    <strong>{g.title}</strong> <span className="muted small">({g.source})</span>
                    <ul className="small muted">
                      {g.questions.map((q) => (
                        <li key={q}>{q}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              <p className="small muted">
                Reword those headings as the questions customers ask, or add a Q&amp;A in{' '}
                <Link to="/settings/knowledge">Settings → Knowledge</Link>.
              </p>
            </>
          ) : (
            report.asked > 0 && <p className="small">Every page answered its own questions.</p>
          )}
        </div>
      )}
    </section>
  );
}
