import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { clock, STATUS_LABEL } from '../lib/format';
import { useRoute } from '../router';
import { useSession } from '../session';
import type { Contact, Conversation } from '../types';
import { Link } from '../ui/Link';
import { TagChip } from '../ui/TagChip';
import { useWorkspaceData } from '../workspace-data';
import { ContactEdit } from './ContactEdit';

/** Who the visitor is: details, contact tags (VIP… shown on all their chats), and past chats. */
export function ContactCard({ c, onChanged }: { c: Conversation; onChanged: () => void }) {
  const { workspace } = useSession();
  const { tags } = useWorkspaceData();
  const { segments } = useRoute();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    api.get<Contact>(wsPath(workspace.id, `/contacts/${c.contact.id}`)).then(setContact, () => setContact(null));
  }, [workspace.id, c.contact.id]);
  useEffect(load, [load, c.updatedAt]);

  const setTag = async (tagId: string, on: boolean) => {
    setError(null);
    try {
      const path = `/contacts/${c.contact.id}/tags`;
      if (on) await api.post(wsPath(workspace.id, path), { tagId });
      else await api.del(wsPath(workspace.id, `${path}/${tagId}`));
    } catch (err) {
      setError(errorMessage(err));
    }
    load();
    onChanged();
  };

  // What the AI captured in the chat stands in until the contact record has it.
  const captured = c.handoffCard?.details ?? {};
  const name = contact?.name ?? c.contact.name ?? captured.name ?? null;
  const email = contact?.email ?? c.contact.email ?? captured.email ?? null;
  const phone = contact?.phone ?? captured.phone ?? null;
  const ctags = contact?.tags ?? [];
  const addable = tags.filter((t) => !ctags.some((x) => x.id === t.id));
  const past = (contact?.conversations ?? []).filter((x) => x.id !== c.id);
  const filter = segments[1] ?? 'all';

  return (
    <section className="card" aria-labelledby="contact-title">
      <div className="card-head">
        <h2 id="contact-title">Contact</h2>
        {contact && !editing && (
          <button type="button" className="btn ghost small" onClick={() => setEditing(true)}>
            Edit contact
          </button>
        )}
      </div>
      {editing && contact ? (
        <ContactEdit
          workspaceId={workspace.id}
          conversationId={c.id}
          contact={contact}
          initial={{ name: name ?? '', email: email ?? '', phone: phone ?? '' }}
          onDone={(saved) => {
            setEditing(false);
            if (saved) {
              setContact({ ...contact, ...saved });
              onChanged();
            }
          }}
        />
      ) : (
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{name ?? <span className="muted">Not given</span>}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{email ? <a href={`mailto:${email}`}>{email}</a> : <span className="muted">Not given</span>}</dd>
          </div>
          {phone && (
            <div>
              <dt>Phone</dt>
              <dd>{phone}</dd>
            </div>
          )}
          {contact?.notes && (
            <div>
              <dt>Notes</dt>
              <dd className="pre-wrap">{contact.notes}</dd>
            </div>
          )}
          {Object.entries(contact?.attributes ?? {}).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="chips spaced">
        {ctags.map((t) => (
          <TagChip
            key={t.id}
            tag={{ ...t, source: 'contact', confidence: null }}
            onRemove={() => void setTag(t.id, false)}
          />
        ))}
      </div>
      {addable.length > 0 && (
        <label className="field compact">
          <span className="sr-only">Tag this contact</span>
          <select value="" onChange={(e) => e.target.value && void setTag(e.target.value, true)}>
            <option value="">Tag this contact (e.g. VIP)…</option>
            {addable.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      {past.length > 0 && (
        <>
          <h3 className="sub">Other conversations</h3>
          <ul className="past">
            {past.slice(0, 5).map((p) => (
              <li key={p.id}>
                <Link to={`/inbox/${filter}/${p.id}`}>{clock(p.createdAt)}</Link>{' '}
                <span className="muted small">{STATUS_LABEL[p.status]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
