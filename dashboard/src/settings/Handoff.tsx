import type { FormEvent } from 'react';
import type { WorkspaceSettings } from '../types';
import { SaveBar } from '../ui/SaveBar';
import { Slider } from '../ui/Slider';
import { useSettingsDraft } from './useSettingsSection';

type Triggers = WorkspaceSettings['handoff']['triggers'];
const TRIGGERS: [keyof Triggers, string, string][] = [
  ['customerRequest', 'The visitor asks for a person', '“Talk to a human”, “agent please”, or the button.'],
  ['topic', 'A topic that needs a person', 'Tags marked “needs a person”, e.g. custom build quotes.'],
  ['frustration', 'Frustration', 'Angry wording, repeated complaints, “I already said that”.'],
  ['lowConfidence', 'Low confidence', 'The AI is not sure enough of its answer.'],
  ['repeatedUnanswered', 'Same question unanswered twice', ''],
];

/** When the AI hands a chat to people, and how chats are shared out among them. */
export function HandoffSettings() {
  const { draft, update, save, dirty, status, reset, readOnly } = useSettingsDraft(['handoff', 'routing']);
  const { handoff, routing } = draft;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <form className="form" onSubmit={submit}>
      <fieldset disabled={readOnly}>
        <legend>Mode</legend>
        <label className="radio">
          <input
            type="radio"
            name="mode"
            checked={handoff.mode === 'suggest'}
            onChange={() => update('handoff', { mode: 'suggest' })}
          />
          <span>
            <strong>Suggest</strong> — the AI offers a “Talk to a person” button and the visitor decides.
          </span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name="mode"
            checked={handoff.mode === 'automatic'}
            onChange={() => update('handoff', { mode: 'automatic' })}
          />
          <span>
            <strong>Automatic</strong> — the chat goes to a person at once.
          </span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={handoff.frustrationMode === 'handoff'}
            onChange={(e) => update('handoff', { frustrationMode: e.target.checked ? 'handoff' : 'suggest' })}
          />
          <span>
            Hand frustrated visitors to a person in either mode
            <small>With an apology. Off: the AI only offers a person.</small>
          </span>
        </label>
      </fieldset>

      <fieldset disabled={readOnly}>
        <legend>Triggers</legend>
        {TRIGGERS.map(([key, label, hint]) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={handoff.triggers[key]}
              onChange={(e) => update('handoff', { triggers: { ...handoff.triggers, [key]: e.target.checked } })}
            />
            <span>
              {label}
              {hint && <small>{hint}</small>}
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset disabled={readOnly}>
        <legend>Thresholds</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={handoff.answerThreshold === null}
            onChange={(e) => update('handoff', { answerThreshold: e.target.checked ? null : 0.5 })}
          />
          <span>
            Use the engine’s answer threshold
            <small>Chosen on data; recommended unless answers are too bold or too shy.</small>
          </span>
        </label>
        {handoff.answerThreshold !== null && (
          <Slider
            label="Answer threshold"
            hint="Below this confidence the AI says it is not sure and offers a person."
            value={handoff.answerThreshold}
            onChange={(v) => update('handoff', { answerThreshold: v })}
          />
        )}
        <Slider
          label="Frustration threshold"
          hint="Lower hands over sooner."
          value={handoff.frustrationThreshold}
          onChange={(v) => update('handoff', { frustrationThreshold: v })}
        />
        <Slider
          label="Topic threshold"
          hint="How sure the tagger must be that a handoff topic came up."
          value={handoff.topicThreshold}
          onChange={(v) => update('handoff', { topicThreshold: v })}
        />
      </fieldset>

      <fieldset disabled={readOnly}>
        <legend>Routing</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={routing.autoAssign}
            onChange={(e) => update('routing', { autoAssign: e.target.checked })}
          />
          <span>
            Assign waiting chats automatically
            <small>Among members who are online; otherwise chats wait for someone to pick them up.</small>
          </span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name="strategy"
            checked={routing.strategy === 'least_loaded'}
            onChange={() => update('routing', { strategy: 'least_loaded' })}
          />
          <span>
            <strong>Least loaded</strong> — to whoever has the fewest open chats.
          </span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name="strategy"
            checked={routing.strategy === 'round_robin'}
            onChange={() => update('routing', { strategy: 'round_robin' })}
          />
          <span>
            <strong>Round robin</strong> — take turns.
          </span>
        </label>
      </fieldset>
      <SaveBar dirty={dirty} status={status} readOnly={readOnly} onReset={reset} />
    </form>
  );
}
