import { useState, type FormEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useSession } from '../session';
import { useWorkspaceData } from '../workspace-data';

/** Teams (e.g. the drum department) that tags can route chats to. */
export function Teams() {
  const { workspace, isAdmin } = useSession();
  const { teams, members, memberName, reload } = useWorkspaceData();
  const [name, setName] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(wsPath(workspace.id, '/teams'), { name: name.trim(), memberIds });
      setName('');
      setMemberIds([]);
      reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {teams.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No teams yet</p>
          <p>A team lets a tag send its chats to the right people — drums to the drum department.</p>
        </div>
      ) : (
        <ul className="cards">
          {teams.map((t) => (
            <li key={t.id} className="card">
              <h3>{t.name}</h3>
              <p className="muted">
                {t.memberIds.length
                  ? t.memberIds.map((id) => memberName(id) ?? 'Former member').join(', ')
                  : 'No members'}
              </p>
            </li>
          ))}
        </ul>
      )}
      {isAdmin && (
        <form className="card form" onSubmit={create} aria-labelledby="new-team">
          <h3 id="new-team">New team</h3>
          <label className="field narrow">
            <span>Name</span>
            <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <fieldset>
            <legend>Members</legend>
            {members.map((m) => (
              <label key={m.id} className="check">
                <input
                  type="checkbox"
                  checked={memberIds.includes(m.id)}
                  onChange={(e) =>
                    setMemberIds(e.target.checked ? [...memberIds, m.id] : memberIds.filter((x) => x !== m.id))
                  }
                />
                <span>{m.name}</span>
              </label>
            ))}
          </fieldset>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div>
            <button type="submit" className="btn primary" disabled={busy || !name.trim()}>
              Create team
            </button>
          </div>
        </form>
      )}
    </>
  );
}
