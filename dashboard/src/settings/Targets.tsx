import type { FormEvent } from 'react';
import { SaveBar } from '../ui/SaveBar';
import { useSettingsDraft } from './useSettingsSection';

/** Minutes in the form, seconds on the server. */
function MinutesField(props: { label: string; hint: string; seconds: number; onChange: (s: number) => void }) {
  return (
    <label className="field narrow">
      <span>{props.label}</span>
      <input
        type="number"
        min={0.5}
        step={0.5}
        value={Math.round((props.seconds / 60) * 10) / 10}
        onChange={(e) => props.onChange(Math.max(1, Math.round(Number(e.target.value) * 60)))}
      />
      <small>{props.hint}</small>
    </label>
  );
}

/** The workspace's waiting-time targets: what the inbox counts down, re-alerts on, and reports. */
export function TargetsSettings() {
  const { draft, update, save, dirty, status, reset, readOnly } = useSettingsDraft(['targets']);
  const t = draft.targets;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  return (
    <form className="form" onSubmit={submit}>
      <fieldset disabled={readOnly}>
        <legend>Targets (minutes)</legend>
        <MinutesField
          label="First response"
          hint="A handed-off chat not picked up by then alerts the team again; after twice this the owner and admins get an email."
          seconds={t.firstResponseS}
          onChange={(s) => update('targets', { firstResponseS: s })}
        />
        <MinutesField
          label="Resolution"
          hint="From the handoff to the resolve."
          seconds={t.resolutionS}
          onChange={(s) => update('targets', { resolutionS: s })}
        />
        <MinutesField
          label="Offer an email answer above"
          hint="When the expected wait is longer, the visitor is offered to be answered by email."
          seconds={t.offerEmailAboveS}
          onChange={(s) => update('targets', { offerEmailAboveS: s })}
        />
      </fieldset>
      <SaveBar dirty={dirty} status={status} readOnly={readOnly} onReset={reset} />
    </form>
  );
}
