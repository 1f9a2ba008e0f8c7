import { useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { sourceProblem } from '../lib/format';
import { useSession } from '../session';
import type { Source } from '../types';
import { AddKnowledge } from './AddKnowledge';
import { LearnedAnswers } from './LearnedAnswers';
import { useSources } from './useSources';

const KIND_LABEL: Record<string, string> = {
  file: 'File',
  url: 'Web page',
  crawl: 'Website',
  sitemap: 'Sitemap',
  qa: 'Q&A',
};
const STATUS_LABEL: Record<Source['status'], string> = {
  pending: 'Queued',
  ingesting: 'Reading…',
  ready: 'Ready',
  error: 'Failed',
};

/** What the AI answers from: files, pages, sites and typed Q&A, with their progress. */
export function Knowledge() {
  const { workspace, isAdmin } = useSession();
  const { sources, error, reload } = useSources(workspace.id);
  const [actionError, setActionError] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    setActionError(null);
    // Re-syncing a site takes a while: show its progress at once rather than when it ends.
    const early = setTimeout(reload, 300);
    try {
      await fn();
    } catch (err) {
      setActionError(errorMessage(err));
    }
    clearTimeout(early);
    reload();
  };

  return (
    <>
      {isAdmin && <AddKnowledge onAdded={reload} />}
      <h3 className="section-title">Sources</h3>
      {(error ?? actionError) && (
        <p className="form-error" role="alert">
          {error ?? actionError}
        </p>
      )}
      {sources === null && !error && <p className="muted">Loading…</p>}
      {sources?.length === 0 && (
        <div className="empty">
          <p className="empty-title">No knowledge yet</p>
          <p>Add your FAQ, shipping and returns pages, or product guides. The AI answers only from what is here.</p>
        </div>
      )}
      <ul className="sources">
        {sources?.map((s) => (
          <li key={s.id} className={`card source status-${s.status}`}>
            <div className="source-main">
              <p className="source-name">
                {s.uri && /^https?:\/\//.test(s.uri) ? (
                  <a href={s.uri} target="_blank" rel="noreferrer noopener">
                    {s.name}
                  </a>
                ) : (
                  s.name
                )}
              </p>
              <p className="muted small">
                {KIND_LABEL[s.kind] ?? s.kind} ·{' '}
                <span className={`badge badge-src-${s.status}`}>{STATUS_LABEL[s.status]}</span> · {s.chunkCount} chunk
                {s.chunkCount === 1 ? '' : 's'}
                {s.syncedAt && ` · synced ${new Date(s.syncedAt).toLocaleString()}`}
              </p>
              {(s.status === 'ingesting' || s.status === 'pending') && (
                <progress
                  max={1}
                  value={s.status === 'pending' ? undefined : s.progress}
                  aria-label={`Reading ${s.name}`}
                >
                  {Math.round(s.progress * 100)}%
                </progress>
              )}
              {s.error && <p className="form-error small">{sourceProblem(s.name, s.error)}</p>}
            </div>
            {isAdmin && (
              <div className="row">
                {(s.kind === 'url' || s.kind === 'crawl' || s.kind === 'sitemap') && (
                  <button
                    type="button"
                    className="btn small"
                    disabled={s.status === 'ingesting'}
                    onClick={() => void act(() => api.post(wsPath(workspace.id, `/knowledge/sources/${s.id}/resync`)))}
                    aria-label={`Re-sync ${s.name}`}
                  >
                    Re-sync
                  </button>
                )}
                <button
                  type="button"
                  className="btn ghost small danger"
                  onClick={() =>
                    window.confirm(`Remove “${s.name}” and everything learned from it?`) &&
                    void act(() => api.del(wsPath(workspace.id, `/knowledge/sources/${s.id}`)))
                  }
                  aria-label={`Remove ${s.name}`}
                >
                  Remove
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {isAdmin && <LearnedAnswers />}
    </>
  );
}
