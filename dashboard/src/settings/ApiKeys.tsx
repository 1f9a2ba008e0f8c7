import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { API_KEY_SCOPES, SCOPE_LABELS, type ApiKeyScope } from '../../../protocol/scopes';
import { api, errorMessage, wsPath } from '../api';
import { useSession } from '../session';
import type { ApiKey } from '../types';
import { CopyButton } from '../ui/CopyButton';

/** Keys for the REST API: created with the scopes they may use (the secret is shown once), and revoked. */
export function ApiKeys() {
  const { workspace, isAdmin } = useSession();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['read']);
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((s) => (on ? [...s.filter((x) => x !== scope), scope] : s.filter((x) => x !== scope)));
  const [created, setCreated] = useState<(ApiKey & { key: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!isAdmin) return setKeys([]);
    api.get<ApiKey[]>(wsPath(workspace.id, '/api-keys')).then(setKeys, (err: unknown) => setError(errorMessage(err)));
  }, [workspace.id, isAdmin]);
  useEffect(load, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setCreated(
        await api.post<ApiKey & { key: string }>(wsPath(workspace.id, '/api-keys'), { name: name.trim(), scopes }),
      );
      setName('');
      setScopes(['read']);
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const revoke = async (k: ApiKey) => {
    if (!window.confirm(`Revoke “${k.name}”? Anything using it stops working at once.`)) return;
    try {
      await api.del(wsPath(workspace.id, `/api-keys/${k.id}`));
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (!isAdmin) return <p className="muted">API keys are managed by owners and admins.</p>;
  const active = keys?.filter((k) => !k.revoked) ?? [];

  return (
    <>
      <p className="muted">
        Use a key as <code>Authorization: Bearer KEY</code> with the REST API. <a href="/api/docs">API documentation</a>
      </p>
      <form className="row wrap card" onSubmit={create}>
        <label className="field grow">
          <span>Key name</span>
          <input
            required
            maxLength={60}
            placeholder="e.g. Order system"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="btn primary align-end" disabled={!name.trim() || scopes.length === 0}>
          Create key
        </button>
        <fieldset className="field" style={{ flexBasis: '100%' }}>
          <legend>Scopes</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              <span>
                <code>{scope}</code> — {SCOPE_LABELS[scope]}
              </span>
            </label>
          ))}
        </fieldset>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <div className="reveal" role="status">
          <p>
            <strong>Copy this key now.</strong> It will not be shown again.
          </p>
          <code className="secret">{created.key}</code>
          <span className="row">
            <CopyButton text={created.key} label="Copy key" />
            <button type="button" className="btn ghost small" onClick={() => setCreated(null)}>
              Done
            </button>
          </span>
        </div>
      )}
      {keys && active.length === 0 && !created && (
        <div className="empty">
          <p className="empty-title">No API keys</p>
          <p>Create one to connect your shop system or scripts.</p>
        </div>
      )}
      {active.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {active.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.scopes.join(', ')}</td>
                <td>{new Date(k.createdAt).toLocaleDateString()}</td>
                <td>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : 'Never'}</td>
                <td>
                  <button
                    type="button"
                    className="btn ghost small danger"
                    onClick={() => void revoke(k)}
                    aria-label={`Revoke ${k.name}`}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
