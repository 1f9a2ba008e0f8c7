import { useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useSession } from '../session';
import { useWorkspaceData } from '../workspace-data';
import { nextTagColour } from '../../../protocol/tag-colours';
import { NEW_TAG, TagEditor, type TagInput } from './TagEditor';

/**
 * Which tag is open in the editor (`'new'` for a new one) and the last save's error. The error is
 * about the edit it came from: opening another editor or cancelling takes it away.
 */
export function useTagEditing(onSaved: () => void) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const edit = (id: string | 'new' | null) => {
    setError(null);
    setEditing(id);
  };
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setEditing(null);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return { editing, error, edit, run };
}

/** The workspace's tags: topics the AI tags chats with (from examples) and manual labels. */
export function Tags() {
  const { workspace, isAdmin } = useSession();
  const { tags, teamName, reload } = useWorkspaceData();
  const { editing, error, edit, run } = useTagEditing(reload);
  const create = (t: TagInput) => run(() => api.post(wsPath(workspace.id, '/tags'), t));
  const change = (id: string, t: TagInput) => run(() => api.patch(wsPath(workspace.id, `/tags/${id}`), t));
  const remove = (id: string, name: string) => {
    if (window.confirm(`Delete the tag “${name}”? Conversations lose it too.`))
      void run(() => api.del(wsPath(workspace.id, `/tags/${id}`)));
  };

  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {isAdmin && editing !== 'new' && (
        <button type="button" className="btn primary" onClick={() => edit('new')}>
          New tag
        </button>
      )}
      {editing === 'new' && (
        <div className="card">
          <h3>New tag</h3>
          <TagEditor
            initial={{ ...NEW_TAG, color: nextTagColour(tags.map((t) => t.color)) }}
            submitLabel="Create tag"
            onSubmit={create}
            onCancel={() => edit(null)}
          />
        </div>
      )}
      {tags.length === 0 && editing !== 'new' && (
        <div className="empty">
          <p className="empty-title">No tags yet</p>
          <p>
            Tags show which topics take your team’s time. Start with three or four, each with a few example phrases.
          </p>
        </div>
      )}
      <ul className="tag-list">
        {tags.map((t) =>
          editing === t.id ? (
            <li key={t.id} className="card">
              <TagEditor
                initial={t}
                submitLabel="Save tag"
                onSubmit={(x) => change(t.id, x)}
                onCancel={() => edit(null)}
              />
            </li>
          ) : (
            <li key={t.id} className="card tag-row">
              <span className="dot big" style={{ background: t.color }} aria-hidden="true" />
              <div className="grow">
                <h3>
                  {t.name}
                  {t.needsHuman && <span className="badge badge-waiting">Needs a person</span>}
                  {t.kind === 'manual' && <span className="badge">Manual</span>}
                </h3>
                {t.description && <p>{t.description}</p>}
                <p className="muted small">
                  {t.examples.length} example{t.examples.length === 1 ? '' : 's'}
                  {t.routeTeamId && ` · routes to ${teamName(t.routeTeamId) ?? 'a team'}`}
                </p>
              </div>
              {isAdmin && (
                <div className="row">
                  <button type="button" className="btn small" onClick={() => edit(t.id)} aria-label={`Edit ${t.name}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="btn ghost small danger"
                    onClick={() => remove(t.id, t.name)}
                    aria-label={`Delete ${t.name}`}
                  >
                    Delete
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
    </>
  );
}
