import { useState, type FormEvent } from 'react';
import { useSession } from '../session';
import { SaveBar } from '../ui/SaveBar';
import { CopyButton } from '../ui/CopyButton';
import { Snippet, useSnippet } from '../onboarding/Snippet';
import { useSettingsDraft } from './useSettingsSection';

/** How the chat bubble looks and where it may run, and the snippet that installs it. */
export function WidgetSettings() {
  const { workspace } = useSession();
  const { draft, update, save, dirty, status, reset, readOnly } = useSettingsDraft(['widget']);
  const w = draft.widget;
  const [origins, setOrigins] = useState(w.allowedOrigins.join('\n'));
  // The server's snippet (its public address), as Get started shows it: not this page's address.
  const { snippet, error } = useSnippet(workspace.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <>
      <section className="card" aria-labelledby="snippet-title">
        <h3 id="snippet-title">Install on your site</h3>
        <p className="muted">
          Paste this before the closing &lt;/body&gt; tag of every page where the chat should appear.
        </p>
        {snippet ? (
          <>
            <Snippet snippet={snippet} />
            <CopyButton text={snippet} label="Copy snippet" />
          </>
        ) : (
          <p className={error ? 'form-error' : 'muted'}>{error ?? 'Loading…'}</p>
        )}
      </section>
      <form className="form" onSubmit={submit}>
        <fieldset disabled={readOnly}>
          <legend>Appearance</legend>
          <label className="field narrow">
            <span>Colour</span>
            <span className="color-row">
              <input
                type="color"
                aria-label="Colour picker"
                value={w.color}
                onChange={(e) => update('widget', { color: e.target.value })}
              />
              <input
                value={w.color}
                onChange={(e) => update('widget', { color: e.target.value })}
                pattern="#[0-9a-fA-F]{6}"
              />
            </span>
          </label>
          <label className="field">
            <span>Greeting</span>
            <textarea
              rows={2}
              maxLength={300}
              value={w.greeting}
              onChange={(e) => update('widget', { greeting: e.target.value })}
            />
          </label>
          <label className="field narrow">
            <span>Bot name</span>
            <input maxLength={60} value={w.botName} onChange={(e) => update('widget', { botName: e.target.value })} />
          </label>
          <div className="field">
            <span id="pos-label">Position</span>
            <div role="radiogroup" aria-labelledby="pos-label" className="row">
              {(['right', 'left'] as const).map((p) => (
                <label key={p} className="radio">
                  <input
                    type="radio"
                    name="position"
                    checked={w.position === p}
                    onChange={() => update('widget', { position: p })}
                  />
                  <span>Bottom {p}</span>
                </label>
              ))}
            </div>
          </div>
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>Allowed origins</legend>
          <label className="field">
            <span>Sites allowed to load the chat, one per line</span>
            <textarea
              rows={3}
              placeholder="https://shop.example"
              value={origins}
              onChange={(e) => {
                setOrigins(e.target.value);
                update('widget', {
                  allowedOrigins: e.target.value
                    .split('\n')
                    .map((s) => s.trim())
                    .filter(Boolean),
                });
              }}
            />
            <small>Leave empty to allow any site.</small>
          </label>
        </fieldset>
        <SaveBar
          dirty={dirty}
          status={status}
          readOnly={readOnly}
          onReset={() => {
            reset();
            setOrigins(workspace.settings.widget.allowedOrigins.join('\n'));
          }}
        />
      </form>
    </>
  );
}
