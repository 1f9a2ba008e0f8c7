/** What the widget offers once a chat is over: "How did we do?" and the transcript by email. */
import type { FormEvent } from 'react';
import { SaveBar } from '../ui/SaveBar';
import { useSettingsDraft } from './useSettingsSection';

export function AfterChatSettings() {
  const { draft, update, save, dirty, status, reset, readOnly } = useSettingsDraft(['satisfaction', 'transcript']);
  const { satisfaction, transcript } = draft;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <form className="form" onSubmit={submit}>
      <fieldset disabled={readOnly}>
        <legend>Satisfaction</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={satisfaction.enabled}
            onChange={(e) => update('satisfaction', { enabled: e.target.checked })}
          />
          <span>
            Ask “How did we do?” when your team resolves a chat
            <small>
              Good, Okay or Bad, then an optional comment. Asked once per resolved chat; visitors can skip it.
            </small>
          </span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={satisfaction.enabled && satisfaction.aiChats}
            disabled={!satisfaction.enabled}
            onChange={(e) => update('satisfaction', { aiChats: e.target.checked })}
          />
          <span>
            Also ask when a visitor ends a chat only the AI answered
            <small>
              Never in the middle of a chat: only after the visitor taps “End chat”. These ratings are reported apart
              from your team’s in the tag feed.
            </small>
          </span>
        </label>
      </fieldset>

      <fieldset disabled={readOnly}>
        <legend>Transcript</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={transcript.enabled}
            onChange={(e) => update('transcript', { enabled: e.target.checked })}
          />
          <span>
            Let visitors email themselves the conversation once it is resolved
            <small>
              To the email they gave, or one they type, with the links of the sources the AI cited. A few per chat an
              hour at most.
            </small>
          </span>
        </label>
      </fieldset>
      <SaveBar dirty={dirty} status={status} readOnly={readOnly} onReset={reset} />
    </form>
  );
}
