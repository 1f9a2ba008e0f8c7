interface Props {
  dirty: boolean;
  status: { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };
  readOnly: boolean;
  onReset: () => void;
}

/** Save / discard for a settings form, with what happened. The form's submit saves. */
export function SaveBar({ dirty, status, readOnly, onReset }: Props) {
  if (readOnly) return null;
  return (
    <div className="savebar">
      <button type="submit" className="btn primary" disabled={!dirty || status.kind === 'saving'}>
        {status.kind === 'saving' ? 'Saving…' : 'Save changes'}
      </button>
      {dirty && (
        <button type="button" className="btn ghost" onClick={onReset}>
          Discard
        </button>
      )}
      <span role="status" className={status.kind === 'error' ? 'form-error' : 'muted small'}>
        {status.kind === 'saved' && !dirty ? 'Saved.' : status.kind === 'error' ? status.message : ''}
      </span>
    </div>
  );
}
