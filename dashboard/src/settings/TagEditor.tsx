import { useState, type FormEvent } from 'react';
import { TAG_PALETTE } from '../../../protocol/tag-colours';
import type { Tag } from '../types';
import { useWorkspaceData } from '../workspace-data';

export type TagInput = Omit<Tag, 'id'>;

export const NEW_TAG: TagInput = {
  name: '',
  description: '',
  examples: [],
  needsHuman: false,
  kind: 'topic',
  routeTeamId: null,
  color: TAG_PALETTE[0],
};

/** The fields of a tag; examples are edited one per line. */
export function TagEditor({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: TagInput;
  submitLabel: string;
  onSubmit: (t: TagInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { teams } = useWorkspaceData();
  const [t, setT] = useState<TagInput>(() => ({
    name: initial.name,
    description: initial.description,
    examples: initial.examples,
    needsHuman: initial.needsHuman,
    kind: initial.kind,
    routeTeamId: initial.routeTeamId,
    color: initial.color,
  }));
  const [examples, setExamples] = useState(initial.examples.join('\n'));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TagInput>) => setT({ ...t, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit({
        ...t,
        name: t.name.trim(),
        examples: examples
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form tag-editor" onSubmit={submit}>
      <div className="row wrap">
        <label className="field grow">
          <span>Name</span>
          <input required maxLength={60} value={t.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="field">
          <span>Colour</span>
          <input type="color" value={t.color} onChange={(e) => set({ color: e.target.value })} />
        </label>
      </div>
      <label className="field">
        <span>Description</span>
        <input
          maxLength={500}
          value={t.description}
          onChange={(e) => set({ description: e.target.value })}
          placeholder="What chats with this tag are about"
        />
      </label>
      <label className="field">
        <span>Examples, one per line</span>
        <textarea
          rows={4}
          value={examples}
          onChange={(e) => setExamples(e.target.value)}
          placeholder={'Can I change the delivery address on my order?\nMy parcel went to my old address'}
        />
        <small>A few phrases visitors might write. The AI uses them to tag chats by topic.</small>
      </label>
      <div className="row wrap">
        <label className="check">
          <input type="checkbox" checked={t.needsHuman} onChange={(e) => set({ needsHuman: e.target.checked })} />
          <span>
            Needs a person<small>When this topic comes up, the AI hands the chat over.</small>
          </span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={t.kind === 'manual'}
            onChange={(e) => set({ kind: e.target.checked ? 'manual' : 'topic' })}
          />
          <span>
            Manual only<small>Set by people (e.g. “VIP buyer”), never by the AI.</small>
          </span>
        </label>
        <label className="field">
          <span>Routing team</span>
          <select value={t.routeTeamId ?? ''} onChange={(e) => set({ routeTeamId: e.target.value || null })}>
            <option value="">No team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <button type="submit" className="btn primary" disabled={busy || !t.name.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
