import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from '../ui/Link';
import type { CannedReply, useCannedReplies } from './canned';

type Canned = ReturnType<typeof useCannedReplies>;

/** The team's saved replies as a menu: insert one, or save the current draft under a shortcut. */
export function CannedReplies({
  canned,
  draft,
  onInsert,
}: {
  canned: Canned;
  draft: string;
  onInsert: (r: CannedReply) => void;
}) {
  const [open, setOpen] = useState(false);
  const [shortcut, setShortcut] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const { clearError } = canned;

  // However the menu closes, what was typed in its form and the form's last refusal go with it.
  // Closed from inside (Cancel, Escape), the keyboard goes on at the button that opened it.
  const close = useCallback(() => {
    const inside = ref.current?.contains(document.activeElement) ?? false;
    setOpen(false);
    setShortcut('');
    clearError();
    if (inside) toggle.current?.focus();
  }, [clearError]);

  useEffect(() => {
    if (!open) return;
    const onOutside = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', onOutside);
    document.addEventListener('keydown', onOutside);
    return () => {
      document.removeEventListener('mousedown', onOutside);
      document.removeEventListener('keydown', onOutside);
    };
  }, [open, close]);

  const save = async () => {
    if (shortcut.trim() && (await canned.add(shortcut, draft.trim()))) setShortcut('');
  };

  return (
    <div className="canned" ref={ref}>
      <button
        type="button"
        className="btn ghost small"
        ref={toggle}
        aria-expanded={open}
        aria-controls="canned-menu"
        onClick={() => (open ? close() : setOpen(true))}
      >
        Canned replies
      </button>
      {open && (
        <div id="canned-menu" className="popover" role="group" aria-label="Canned replies">
          {canned.loaded && canned.items.length === 0 && (
            <p className="muted small">No canned replies yet. Type / in the reply box to use one.</p>
          )}
          <ul>
            {canned.items.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="canned-item"
                  onClick={() => {
                    onInsert(r);
                    setOpen(false);
                  }}
                >
                  <strong>/{r.shortcut}</strong> {r.body}
                </button>
              </li>
            ))}
          </ul>
          {draft.trim() && (
            // Not a <form>: this sits inside the reply box's form, and a form in a form is submitted
            // by the browser itself (the page reloaded, the draft lost). Enter must not send the draft.
            <div className="canned-save">
              <label className="field compact">
                <span>Save the current text as</span>
                <input
                  aria-label="Shortcut"
                  placeholder="shortcut, e.g. order-number"
                  maxLength={40}
                  value={shortcut}
                  onChange={(e) => setShortcut(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    void save();
                  }}
                />
              </label>
              <button type="button" className="btn small" disabled={!shortcut.trim()} onClick={() => void save()}>
                Save
              </button>
              <button type="button" className="btn ghost small" onClick={close}>
                Cancel
              </button>
            </div>
          )}
          {canned.error && (
            <p className="form-error small" role="alert">
              {canned.error}
            </p>
          )}
          <Link to="/settings/canned-replies" className="small">
            Manage canned replies
          </Link>
        </div>
      )}
    </div>
  );
}

/** What `/word` in the reply box offers: the replies whose shortcut or text match, to pick with ↑ ↓ Enter. */
export function SlashSuggestions({
  items,
  active,
  onPick,
}: {
  items: CannedReply[];
  active: number;
  onPick: (r: CannedReply) => void;
}) {
  return (
    <ul id="canned-suggestions" className="popover slash" role="listbox" aria-label="Canned replies">
      {items.map((r, i) => (
        <li
          key={r.id}
          id={`canned-option-${r.id}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'canned-item active' : 'canned-item'}
          onMouseDown={(e) => {
            e.preventDefault(); // Keep the focus in the reply box.
            onPick(r);
          }}
        >
          <strong>/{r.shortcut}</strong> <span className="muted">{r.body}</span>
        </li>
      ))}
    </ul>
  );
}
