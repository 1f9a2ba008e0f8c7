import { useState, type FormEvent } from 'react';
import { api, errorMessage, wsPath } from '../api';
import type { Contact } from '../types';

/** The contact card's edit form: name, email, phone, notes (empty text clears a field). */
export function ContactEdit({
  workspaceId,
  conversationId,
  contact,
  initial,
  onDone,
}: {
  workspaceId: string;
  conversationId: string;
  contact: Contact;
  /** What to start from: the record, or what the AI captured where the record is empty. */
  initial: { name: string; email: string; phone: string };
  onDone: (saved: Partial<Contact> | null) => void;
}) {
  const [name, setName] = useState(initial.name);
  const [email, setEmail] = useState(initial.email);
  const [phone, setPhone] = useState(initial.phone);
  const [notes, setNotes] = useState(contact.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch<Partial<Contact>>(wsPath(workspaceId, `/contacts/${contact.id}`), {
        name,
        email,
        phone,
        notes,
        conversationId,
      });
      onDone(saved);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="form contact-edit" onSubmit={save} aria-label="Edit contact">
      <label className="field compact">
        <span>Name</span>
        <input maxLength={120} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <label className="field compact">
        <span>Email</span>
        <input
          type="email"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
        />
      </label>
      <label className="field compact">
        <span>Phone</span>
        <input type="tel" maxLength={40} value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
      </label>
      <label className="field compact">
        <span>Notes</span>
        <textarea rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="btn primary small" disabled={busy}>
          Save contact
        </button>
        <button type="button" className="btn ghost small" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
