import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { currentSubscription, disablePush, enablePush, pushSupported, type AlertSettings } from '../lib/push';
import { useSession } from '../session';
import { SaveBar } from '../ui/SaveBar';

type Prefs = AlertSettings['prefs'];

const EVENTS: [keyof Prefs['events'], string, string][] = [
  [
    'handoff',
    'A customer waits for a person',
    'Chats you can take (your team’s, when a tag routes them), and the re-alert.',
  ],
  ['assigned', 'A chat is assigned to me', 'By a colleague or by automatic routing.'],
  ['reply', 'The customer replies in my chat', ''],
];
const CHANNELS: [keyof Prefs['channels'], string, string][] = [
  ['push', 'Push notifications', 'On every device where push is on, even with the dashboard closed.'],
  ['sound', 'Sound in the dashboard', 'While a dashboard tab is open.'],
  ['email', 'Email when a handoff waits too long', 'Owners and admins, after twice the first-response target.'],
];

/** My alerts: push on this device, which events, which channels, quiet hours. */
export function AlertSettingsPage() {
  const { workspace } = useSession();
  const [stored, setStored] = useState<AlertSettings | null>(null);
  const [draft, setDraft] = useState<Prefs | null>(null);
  const [here, setHere] = useState<'unknown' | 'on' | 'off'>('unknown');
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const [deviceError, setDeviceError] = useState('');

  useEffect(() => {
    let live = true;
    void api.get<AlertSettings>(wsPath(workspace.id, '/alerts')).then((s) => {
      if (!live) return;
      setStored(s);
      setDraft(s.prefs);
    });
    void currentSubscription().then((sub) => live && setHere(sub ? 'on' : 'off'));
    return () => {
      live = false;
    };
  }, [workspace.id]);

  if (!stored || !draft) return <p className="muted">Loading…</p>;
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored.prefs);
  const set = <K extends keyof Prefs>(k: K, patch: Partial<Prefs[K]>) => {
    setDraft({ ...draft, [k]: { ...draft[k], ...patch } });
    setStatus({ kind: 'idle' });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus({ kind: 'saving' });
    try {
      const s = await api.patch<AlertSettings>(wsPath(workspace.id, '/alerts'), draft);
      setStored(s);
      setDraft(s.prefs);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: errorMessage(err) });
    }
  };
  const toggleDevice = async () => {
    setDeviceError('');
    try {
      const s = here === 'on' ? await disablePush(workspace.id) : await enablePush(workspace.id, stored.vapidPublicKey);
      if (s) setStored({ ...s, prefs: stored.prefs });
      setHere(here === 'on' ? 'off' : 'on');
    } catch (err) {
      setDeviceError(errorMessage(err));
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>This device</legend>
        {pushSupported() ? (
          <p>
            <button type="button" className="btn" onClick={() => void toggleDevice()} disabled={here === 'unknown'}>
              {here === 'on' ? 'Turn off push on this device' : 'Enable push on this device'}
            </button>{' '}
            <span className="muted small">
              {here === 'on' ? 'Push is on here.' : 'Install the dashboard on your phone, then enable push there too.'}
            </span>
          </p>
        ) : (
          <p className="muted">This browser cannot receive push notifications.</p>
        )}
        {deviceError && (
          <p role="alert" className="form-error">
            {deviceError}
          </p>
        )}
        <p className="muted small">
          Push is on for {stored.devices.length} device{stored.devices.length === 1 ? '' : 's'} of yours.
        </p>
      </fieldset>
      <fieldset>
        <legend>Alert me when</legend>
        {EVENTS.map(([k, label, hint]) => (
          <label className="check" key={k}>
            <input
              type="checkbox"
              checked={draft.events[k]}
              onChange={(e) => set('events', { [k]: e.target.checked })}
            />
            <span>
              {label}
              {hint && <small>{hint}</small>}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>How</legend>
        {CHANNELS.map(([k, label, hint]) => (
          <label className="check" key={k}>
            <input
              type="checkbox"
              checked={draft.channels[k]}
              onChange={(e) => set('channels', { [k]: e.target.checked })}
            />
            <span>
              {label}
              <small>{hint}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Quiet hours</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.quietHours.enabled}
            onChange={(e) => set('quietHours', { enabled: e.target.checked })}
          />
          <span>
            No push during quiet hours<small>In your time zone, or the workspace’s when none is given.</small>
          </span>
        </label>
        <label className="field narrow">
          <span>From</span>
          <input
            type="time"
            value={draft.quietHours.start}
            disabled={!draft.quietHours.enabled}
            onChange={(e) => set('quietHours', { start: e.target.value })}
          />
        </label>
        <label className="field narrow">
          <span>To</span>
          <input
            type="time"
            value={draft.quietHours.end}
            disabled={!draft.quietHours.enabled}
            onChange={(e) => set('quietHours', { end: e.target.value })}
          />
        </label>
        <label className="field narrow">
          <span>Time zone</span>
          <input
            value={draft.quietHours.timezone ?? ''}
            placeholder={workspace.settings.businessHours.timezone}
            disabled={!draft.quietHours.enabled}
            onChange={(e) => set('quietHours', { timezone: e.target.value.trim() || null })}
          />
        </label>
      </fieldset>
      <SaveBar dirty={dirty} status={status} readOnly={false} onReset={() => setDraft(stored.prefs)} />
    </form>
  );
}
