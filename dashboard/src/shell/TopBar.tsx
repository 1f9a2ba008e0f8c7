import { useState } from 'react';
import { askNotifyPermission, notifyPermission } from '../lib/notify';
import { useRealtime } from '../realtime';
import { navigate } from '../router';
import { useSession } from '../session';

/** Workspace switcher, connection state, online/away, desktop notifications, and sign out. */
export function TopBar() {
  const { me, workspace, switchWorkspace, signOut } = useSession();
  const { connection, presence, setPresence } = useRealtime();
  const [permission, setPermission] = useState(notifyPermission);

  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark small" aria-hidden="true" />
        <span className="brand-name">Chatref</span>
      </div>
      {me.workspaces.length > 1 ? (
        <label className="ws-switch">
          <span className="sr-only">Workspace</span>
          <select
            value={workspace.id}
            onChange={(e) => {
              switchWorkspace(e.target.value);
              navigate('/inbox/waiting');
            }}
          >
            {me.workspaces.map((w) => (
              <option key={w.workspace.id} value={w.workspace.id}>
                {w.workspace.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="ws-name">{workspace.name}</span>
      )}
      <span className={`conn conn-${connection}`} role="status">
        {connection === 'live'
          ? 'Live'
          : connection === 'connecting'
            ? 'Connecting…'
            : connection === 'outdated'
              ? 'Chatref was updated: please reload this page'
              : 'Reconnecting…'}
      </span>
      <div className="grow" />
      {permission === 'default' && (
        <button
          type="button"
          className="btn ghost small"
          onClick={() => void askNotifyPermission().then(setPermission)}
        >
          Enable desktop notifications
        </button>
      )}
      <button
        type="button"
        role="switch"
        aria-checked={presence === 'online'}
        className={`presence presence-${presence}`}
        onClick={() => setPresence(presence === 'online' ? 'away' : 'online')}
        title={
          presence === 'online'
            ? 'You can be assigned chats. Click to go away.'
            : 'You get no new chats. Click to go online.'
        }
      >
        <span className="presence-dot" aria-hidden="true" />
        {presence === 'online' ? 'Online' : 'Away'}
      </button>
      <span className="me" title={me.user.email}>
        {me.user.name}
      </span>
      <button type="button" className="btn ghost small" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
