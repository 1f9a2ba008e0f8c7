import { useState, type FormEvent } from 'react';
import { useSession } from '../session';
import { useCannedReplies, type CannedReply } from '../conversation/canned';

/** One reply: shown, or edited in place. */
function Row({ r, canned }: { r: CannedReply; canned: ReturnType<typeof useCannedReplies> }) {
  const [editing, setEditing] = useState(false);
  const [shortcut, setShortcut] = useState(r.shortcut);
  const [body, setBody] = useState(r.body);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await canned.update(r.id, { shortcut, body })) setEditing(false);
  };
  if (!editing)
    return (
      <li className="card canned-row">
        <h3>/{r.shortcut}</h3>
        <p className="pre-wrap">{r.body}</p>
        <div className="row-actions">
          <button type="button" className="btn small" onClick={() => setEditing(true)}>
            Edit <span className="sr-only">/{r.shortcut}</span>
          </button>
          <button type="button" className="btn ghost small" onClick={() => void canned.remove(r.id)}>
            Delete <span className="sr-only">/{r.shortcut}</span>
          </button>
        </div>
      </li>
    );
  return (
    <li className="card">
      <form className="form" onSubmit={save} aria-label={`Edit /${r.shortcut}`}>
        <label className="field narrow">
          <span>Shortcut</span>
          <input required maxLength={40} value={shortcut} onChange={(e) => setShortcut(e.target.value)} />
        </label>
        <label className="field">
          <span>Reply</span>
          <textarea required rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <div className="row-actions">
          <button type="submit" className="btn primary small">
            Save
          </button>
          <button
            type="button"
            className="btn ghost small"
            onClick={() => {
              setEditing(false);
              canned.clearError();
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}

/** Settings → Canned replies: the team's shared replies; every member may add, change and remove them. */
export function CannedRepliesSettings() {
  const { workspace } = useSession();
  const canned = useCannedReplies(workspace.id);
  const [shortcut, setShortcut] = useState('');
  const [body, setBody] = useState('');

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await canned.add(shortcut, body)) {
      setShortcut('');
      setBody('');
    }
  };

  return (
    <>
      <p className="muted">
        Shared by everyone in {workspace.name}. In a conversation, type <kbd>/</kbd> and a shortcut in the reply box to
        insert one.
      </p>
      {canned.loaded && canned.items.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No canned replies yet</p>
          <p>Save the answers your team writes again and again — opening hours, order-number requests, a sign-off.</p>
        </div>
      ) : (
        <ul className="cards">
          {canned.items.map((r) => (
            <Row key={`${r.id}:${r.updatedAt}`} r={r} canned={canned} />
          ))}
        </ul>
      )}
      <form className="card form" onSubmit={add} aria-labelledby="new-canned">
        <h3 id="new-canned">New canned reply</h3>
        <label className="field narrow">
          <span>Shortcut</span>
          <input
            required
            maxLength={40}
            placeholder="order-number"
            value={shortcut}
            onChange={(e) => setShortcut(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Reply</span>
          <textarea
            required
            rows={3}
            maxLength={4000}
            placeholder="Could you share your order number so I can look this up?"
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </label>
        {canned.error && (
          <p className="form-error" role="alert">
            {canned.error}
          </p>
        )}
        <div>
          <button type="submit" className="btn primary" disabled={!shortcut.trim() || !body.trim()}>
            Add canned reply
          </button>
        </div>
      </form>
    </>
  );
}
