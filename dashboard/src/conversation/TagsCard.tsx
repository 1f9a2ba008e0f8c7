import { useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useSession } from '../session';
import type { Conversation } from '../types';
import { TagChip } from '../ui/TagChip';
import { useWorkspaceData } from '../workspace-data';

/**
 * The conversation's tags: add one by hand, or remove a wrong one (both teach the auto-tagger).
 * Contact tags (VIP…) are shown here but changed on the contact.
 */
export function TagsCard({ c, onChanged }: { c: Conversation; onChanged: () => void }) {
  const { workspace } = useSession();
  const { tags } = useWorkspaceData();
  const [error, setError] = useState<string | null>(null);
  const present = new Set(c.tags.filter((t) => t.source !== 'contact').map((t) => t.id));
  const addable = tags.filter((t) => !present.has(t.id));

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    }
    onChanged();
  };
  const add = (tagId: string) => run(() => api.post(wsPath(workspace.id, `/conversations/${c.id}/tags`), { tagId }));
  const remove = (tagId: string) => run(() => api.del(wsPath(workspace.id, `/conversations/${c.id}/tags/${tagId}`)));

  return (
    <section className="card" aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      {c.tags.length ? (
        <div className="chips">
          {c.tags.map((t) => (
            <TagChip
              key={`${t.source}:${t.id}`}
              tag={t}
              detailed
              onRemove={t.source === 'contact' ? undefined : () => void remove(t.id)}
            />
          ))}
        </div>
      ) : (
        <p className="muted small">No tags yet.</p>
      )}
      {addable.length > 0 && (
        <label className="field compact">
          <span className="sr-only">Add a tag</span>
          <select value="" onChange={(e) => e.target.value && void add(e.target.value)}>
            <option value="">Add a tag…</option>
            {addable.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
