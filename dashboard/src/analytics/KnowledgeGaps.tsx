/**
 * Knowledge gaps: the questions the AI could not answer and those that ended with a person,
 * grouped by meaning and ranked by the human time they cost, with the answers the team gave. An
 * admin turns a group into a Q&A entry: the server drafts it from the answers, the admin edits it,
 * and it joins the knowledge base so the AI answers it next time.
 */
import { useState, type FormEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { readJson, writeJson } from '../lib/storage';
import { useRoute } from '../router';
import { useSession } from '../session';
import '../styles/analytics.css';
import { Link } from '../ui/Link';
import { useWorkspaceData } from '../workspace-data';
import { PeriodPicker } from './PeriodPicker';
import { minutes, useLoad, usePeriod } from './period';
import type { GapGroup, QaDraft } from './types';

const PATH = '/knowledge-gaps';
const QUESTIONS_SHOWN = 4;
const ANSWERS_SHOWN = 3;

/** Groups already turned into knowledge, remembered per workspace on this device. */
function useAdded(workspaceId: string) {
  const key = `chatref.gaps-added.${workspaceId}`;
  const [added, setAdded] = useState<string[]>(() => readJson<string[]>(key, []));
  const mark = (label: string) => {
    const next = [...added.filter((l) => l !== label), label].slice(-200);
    writeJson(key, next);
    setAdded(next);
  };
  return { isAdded: (label: string) => added.includes(label), mark };
}

export function KnowledgeGaps() {
  const { workspace, isAdmin } = useSession();
  const { query } = useRoute();
  const period = usePeriod(query);
  const { data, error, loading } = useLoad<GapGroup[]>(
    wsPath(workspace.id, '/analytics/gaps', { from: period.from, to: period.to }),
  );
  const added = useAdded(workspace.id);
  const top = Math.max(1, ...(data ?? []).map((g) => g.humanMinutes));

  return (
    <div className="report" aria-busy={loading}>
      <header className="report-head">
        <div className="grow">
          <h1 className="page-title">Knowledge gaps</h1>
          <p className="muted">
            Questions the AI could not answer or handed to a person, grouped by meaning and ranked by the time they cost
            your team. Turn your team’s answers into knowledge and the AI answers them next time.
          </p>
        </div>
        <PeriodPicker path={PATH} period={period} />
      </header>
      {!isAdmin && (
        <p className="notice">
          Only owners and admins can add to the knowledge base. Ask one to turn these into answers.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="muted">Loading…</p>}
      {data?.length === 0 && (
        <div className="empty card">
          <p className="empty-title">No knowledge gaps in this period</p>
          <p>Every question was answered by the AI, or none needed a person. Try a longer period.</p>
        </div>
      )}
      {data && data.length > 0 && (
        <ol className="gap-list">
          {data.map((g, i) => (
            <GapCard
              key={g.label}
              rank={i + 1}
              group={g}
              share={g.humanMinutes / top}
              added={added.isAdded(g.label)}
              onAdded={() => added.mark(g.label)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

/** The same text asked or answered in several chats, shown once with a link to each chat. */
function distinct<T extends { conversationId: string; text: string }>(items: T[]): (T & { chats: string[] })[] {
  const out = new Map<string, T & { chats: string[] }>();
  for (const it of items) {
    const key = it.text.trim().toLowerCase();
    const seen = out.get(key);
    if (seen) {
      if (!seen.chats.includes(it.conversationId)) seen.chats.push(it.conversationId);
    } else out.set(key, { ...it, chats: [it.conversationId] });
  }
  return [...out.values()].sort((a, b) => b.chats.length - a.chats.length);
}

function ChatLinks({ chats }: { chats: string[] }) {
  return (
    <span className="chat-links">
      {chats.map((id, i) => (
        <Link key={id} to={`/conversations/${id}`} aria-label={`Open conversation ${i + 1} of ${chats.length}`}>
          {chats.length === 1 ? 'open chat' : `chat ${i + 1}`}
        </Link>
      ))}
    </span>
  );
}

function GapCard({
  rank,
  group,
  share,
  added,
  onAdded,
}: {
  rank: number;
  group: GapGroup;
  share: number;
  added: boolean;
  onAdded: () => void;
}) {
  const { workspace, isAdmin } = useSession();
  const { memberName } = useWorkspaceData();
  const [allQuestions, setAllQuestions] = useState(false);
  const [allAnswers, setAllAnswers] = useState(false);
  const [draft, setDraft] = useState<QaDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const questions = distinct(group.questions);
  const answers = distinct(group.answers);
  const titleId = `gap-${rank}`;

  const startDraft = async () => {
    setBusy(true);
    setError(null);
    try {
      setDraft(
        await api.post<QaDraft>(wsPath(workspace.id, '/analytics/gaps/draft'), {
          label: group.label.slice(0, 500),
          questions: questions.slice(0, 200).map((q) => ({ text: q.text.slice(0, 2000) })),
          answers: answers.slice(0, 200).map((a) => ({ text: a.text.slice(0, 8000) })),
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    }
    setBusy(false);
  };

  return (
    <li className={added ? 'card gap added' : 'card gap'} aria-labelledby={titleId}>
      <div className="gap-head">
        <span className="gap-rank" aria-hidden="true">
          {rank}
        </span>
        <div className="grow">
          <h2 id={titleId}>{group.label}</h2>
          <p className="muted small">
            {group.count} question{group.count === 1 ? '' : 's'} · {minutes(group.humanMinutes)} of human time
            {added && <span className="badge badge-human">Added to knowledge</span>}
          </p>
        </div>
        <span className="gap-cost" title="Human time, relative to the costliest gap">
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${Math.max(2, share * 100)}%` }} />
          </span>
          <strong>{minutes(group.humanMinutes)}</strong>
        </span>
      </div>

      <div className="gap-body">
        <div>
          <h3 className="sub">Visitors asked</h3>
          <ul className="gap-items">
            {(allQuestions ? questions : questions.slice(0, QUESTIONS_SHOWN)).map((q) => (
              <li key={q.text}>
                <q>{q.text}</q>
                {q.chats.length > 1 && <span className="badge">×{q.chats.length}</span>}
                {!q.handedOff && <span className="badge badge-bot">AI had no answer</span>}{' '}
                <ChatLinks chats={q.chats} />
              </li>
            ))}
          </ul>
          {questions.length > QUESTIONS_SHOWN && (
            <button type="button" className="btn ghost small" onClick={() => setAllQuestions((x) => !x)}>
              {allQuestions ? 'Show fewer' : `Show all ${questions.length}`}
            </button>
          )}
        </div>
        <div>
          <h3 className="sub">Your team answered</h3>
          {answers.length === 0 ? (
            <p className="muted small">No answers from people yet.</p>
          ) : (
            <ul className="gap-items answers">
              {(allAnswers ? answers : answers.slice(0, ANSWERS_SHOWN)).map((a) => (
                <li key={a.text}>
                  <p>{a.text}</p>
                  <span className="muted small">
                    {(a.author && memberName(a.author)) ?? 'A team member'}
                    {a.chats.length > 1 && ` · in ${a.chats.length} chats`} · <ChatLinks chats={a.chats} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          {answers.length > ANSWERS_SHOWN && (
            <button type="button" className="btn ghost small" onClick={() => setAllAnswers((x) => !x)}>
              {allAnswers ? 'Show fewer' : `Show all ${answers.length}`}
            </button>
          )}
        </div>
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {draft ? (
        <QaEditor
          draft={draft}
          onCancel={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            onAdded();
          }}
        />
      ) : (
        <div className="gap-actions">
          {added ? (
            <span className="muted small">
              In your knowledge base: the AI answers from it once it is read (
              <Link to="/settings/knowledge">see Knowledge</Link>).
            </span>
          ) : null}
          <button
            type="button"
            className={added ? 'btn small' : 'btn primary small'}
            disabled={!isAdmin || busy}
            onClick={() => void startDraft()}
            aria-describedby={!isAdmin ? `${titleId}-hint` : undefined}
          >
            {busy ? 'Drafting…' : added ? 'Add again' : 'Add to knowledge'}
          </button>
          {!isAdmin && (
            <span id={`${titleId}-hint`} className="muted small">
              Admins only
            </span>
          )}
          {isAdmin && answers.length === 0 && (
            <span className="muted small">No answer from your team yet: you will write it.</span>
          )}
        </div>
      )}
    </li>
  );
}

/** The drafted entry, editable: the question, other ways to ask it, and the answer. */
function QaEditor({ draft, onCancel, onSaved }: { draft: QaDraft; onCancel: () => void; onSaved: () => void }) {
  const { workspace } = useSession();
  const [question, setQuestion] = useState(draft.question);
  const [alternates, setAlternates] = useState(draft.alternates.join('\n'));
  const [answer, setAnswer] = useState(draft.answer);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const q = question.trim();
    const alts = [
      ...new Set(
        alternates
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l.length >= 3 && l.toLowerCase() !== q.toLowerCase()),
      ),
    ]
      .map((l) => l.slice(0, 500))
      .slice(0, 30);
    setSaving(true);
    setError(null);
    try {
      await api.post(wsPath(workspace.id, '/knowledge/qa'), { question: q, answer: answer.trim(), alternates: alts });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="qa-editor form" onSubmit={(e) => void save(e)} aria-label="New Q&A entry">
      <p className="muted small">Drafted from your team’s answers. Check it: the AI will say this to visitors.</p>
      <label className="field">
        <span>Question</span>
        <input required minLength={3} maxLength={500} value={question} onChange={(e) => setQuestion(e.target.value)} />
      </label>
      <label className="field">
        <span>Other ways to ask it</span>
        <textarea rows={4} value={alternates} onChange={(e) => setAlternates(e.target.value)} />
        <small>One per line. They help the AI recognise the question however it is put.</small>
      </label>
      <label className="field">
        <span>Answer</span>
        <textarea required rows={5} maxLength={5000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn primary" disabled={saving || question.trim().length < 3 || !answer.trim()}>
          {saving ? 'Adding…' : 'Add to knowledge'}
        </button>
        <button type="button" className="btn ghost" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
