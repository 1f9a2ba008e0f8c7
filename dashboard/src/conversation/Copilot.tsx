/**
 * The agent's copilot above the reply box: the thread's summary when it is long, the suggested
 * reply to the visitor's latest question with where it comes from, and topic tags to accept with
 * one click. A suggestion is only ever inserted into the reply box, never sent.
 */
import { useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { percent } from '../lib/format';
import { useSession } from '../session';
import type { ConversationDetail } from '../types';
import { asReply } from './suggestion';

interface CopilotData {
  question: string | null;
  basedOnSeq: number;
  suggestion: {
    kind: 'team' | 'content' | 'none';
    text: string;
    confidence: number;
    citations: { chunkId: string; title: string; url: string | null }[];
    learned: { id: string; question: string } | null;
    empty: 'no_question' | 'no_material' | 'no_match' | null;
    writtenBy: 'engine' | 'model';
  };
  summary: { text: string; tried: string[]; long: boolean };
  suggestedTags: { id: string; name: string; confidence: number }[];
}

const EMPTY_TEXT = {
  no_question: 'No open question from the visitor.',
  no_material:
    'Nothing to suggest: there is no knowledge yet and the team has not answered questions like this before.',
  no_match: 'Nothing to suggest: neither the knowledge nor the team’s past replies cover this question.',
} as const;

export function Copilot({
  c,
  onUse,
  onTagged,
}: {
  c: ConversationDetail;
  onUse: (text: string) => void;
  onTagged: () => void;
}) {
  const { workspace } = useSession();
  const [data, setData] = useState<CopilotData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // On a narrow screen the panel folds to one line, so the thread keeps the room (CSS folds it).
  const [open, setOpen] = useState(false);
  // A new visitor message or a reply sent asks again; so does a tag added.
  const lastVisitor = c.messages.findLast((m) => m.author.type === 'visitor')?.seq ?? 0;
  const replies = c.messages.filter((m) => m.author.type === 'agent' && m.kind === 'text').length;
  const tagKey = c.tags.map((t) => t.id).join(',');
  useEffect(() => {
    let live = true;
    api
      .get<CopilotData>(wsPath(workspace.id, `/conversations/${c.id}/copilot`))
      .then((d) => live && (setData(d), setError(null)))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [workspace.id, c.id, lastVisitor, replies, tagKey]);

  const addTag = async (tagId: string) => {
    try {
      await api.post(wsPath(workspace.id, `/conversations/${c.id}/tags`), { tagId });
      onTagged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (!data) return error ? <p className="form-error small">{error}</p> : null;
  const s = data.suggestion;
  // What the agent sees is what goes into the reply box: prose, without the page's list markers.
  const reply = asReply(s.text);
  return (
    <section className={open ? 'copilot is-open' : 'copilot'} aria-label="Suggested reply">
      <div className="copilot-head small">
        <p>
          <strong>Suggested reply</strong>
          <span className="muted">
            {s.kind === 'none' ? (
              ' · nothing to suggest'
            ) : (
              <>
                {' · '}
                {s.kind === 'team' ? 'from the team’s past reply' : 'from your knowledge'}
                {s.writtenBy === 'model' ? ', written by the AI model' : ''} · {percent(s.confidence)} sure
              </>
            )}
          </span>
        </p>
        <button
          type="button"
          className="btn ghost small copilot-toggle"
          aria-expanded={open}
          aria-controls={`copilot-${c.id}`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      <div className="copilot-body" id={`copilot-${c.id}`}>
        {data.summary.long && data.summary.text && (
          <p className="copilot-summary small" aria-label="Summary">
            <strong>Summary:</strong> {data.summary.text}
          </p>
        )}
        {s.kind === 'none' ? (
          <p className="muted small">{EMPTY_TEXT[s.empty ?? 'no_match']}</p>
        ) : (
          <>
            <p className="copilot-text">{reply}</p>
            {s.learned && <p className="muted small copilot-source">Team reply to: “{s.learned.question}”</p>}
            {s.citations.length > 0 && (
              <p className="muted small copilot-source">
                Sources:{' '}
                {s.citations.map((x, i) => (
                  <span key={x.chunkId}>
                    {i > 0 && ' · '}
                    {x.url ? (
                      <a href={x.url} target="_blank" rel="noreferrer noopener">
                        {x.title}
                      </a>
                    ) : (
                      x.title
                    )}
                  </span>
                ))}
              </p>
            )}
            <button type="button" className="btn small" onClick={() => onUse(reply)}>
              Use suggestion
            </button>
          </>
        )}
        {data.suggestedTags.length > 0 && (
          <p className="row small copilot-tags">
            <span className="muted">Suggested tags:</span>
            {data.suggestedTags.map((t) => (
              <button
                key={t.id}
                type="button"
                className="btn ghost small"
                onClick={() => void addTag(t.id)}
                aria-label={`Add tag ${t.name}`}
              >
                + {t.name}
              </button>
            ))}
          </p>
        )}
      </div>
      {error && <p className="form-error small">{error}</p>}
    </section>
  );
}
