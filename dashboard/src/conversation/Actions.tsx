import { useState } from 'react';
import { api, ApiError, errorMessage, wsPath } from '../api';
import { useSession } from '../session';
import type { Conversation } from '../types';
import { useWorkspaceData } from '../workspace-data';

type Move = 'pickup' | 'assign' | 'unassign' | 'resolve' | 'reopen' | 'hand-back';

/** Focuses the conversation's reply box once it is there (it may re-render after the move). */
function focusReply(tries = 10): void {
  const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Reply"]');
  if (box && !box.disabled) box.focus();
  else if (tries > 0) setTimeout(() => focusReply(tries - 1), 50);
}

/** Pick up, take over, assign to a member or team, return to queue, resolve, reopen. */
export function Actions({ c, onChanged }: { c: Conversation; onChanged: () => void }) {
  const { workspace, me } = useSession();
  const { members, teams } = useWorkspaceData();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const move = async (m: Move, body: { assigneeId?: string; teamId?: string | null } = {}) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(wsPath(workspace.id, `/conversations/${c.id}/${m}`), body);
      onChanged();
      // The button pressed is gone once the chat is yours: the keyboard goes on in the reply box.
      if (m === 'pickup' || (m === 'assign' && body.assigneeId === me.user.id)) focusReply();
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'already_claimed' ? 'Someone else picked this up' : errorMessage(err),
      );
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  const mine = c.assigneeId === me.user.id;
  return (
    <div className="actions">
      {c.status === 'waiting' && (
        <button type="button" className="btn primary" disabled={busy} onClick={() => void move('pickup')}>
          Pick up
        </button>
      )}
      {c.status === 'bot' && (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void move('assign', { assigneeId: me.user.id })}
          title="Take the chat from the AI"
        >
          Take over
        </button>
      )}
      {c.status !== 'resolved' && (
        <label className="inline-select">
          <span>Assignee</span>
          <select
            value={c.status === 'human' ? (c.assigneeId ?? '') : ''}
            disabled={busy}
            onChange={(e) => e.target.value && void move('assign', { assigneeId: e.target.value })}
          >
            <option value="">{c.status === 'human' ? 'Nobody' : 'Unassigned'}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === me.user.id ? `${m.name} (me)` : m.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {c.status !== 'resolved' && teams.length > 0 && (
        <label className="inline-select">
          <span>Team</span>
          <select
            value={c.teamId ?? ''}
            disabled={busy}
            onChange={(e) =>
              void move('assign', { assigneeId: c.assigneeId ?? me.user.id, teamId: e.target.value || null })
            }
            title={c.assigneeId ? undefined : 'Setting a team also assigns the chat to you'}
          >
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {c.status === 'human' && mine && (
        <button type="button" className="btn ghost" disabled={busy} onClick={() => void move('unassign')}>
          Return to queue
        </button>
      )}
      {(c.status === 'waiting' || c.status === 'human') && (
        <button
          type="button"
          className="btn ghost"
          disabled={busy}
          onClick={() => void move('hand-back')}
          title="The AI answers the visitor's next question; the chat stays open"
        >
          Hand back to AI
        </button>
      )}
      {c.status !== 'resolved' ? (
        <button type="button" className="btn" disabled={busy} onClick={() => void move('resolve')}>
          Resolve
        </button>
      ) : (
        <button type="button" className="btn" disabled={busy} onClick={() => void move('reopen')}>
          Reopen
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
