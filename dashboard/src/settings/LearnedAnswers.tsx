/** Settings → Knowledge → Learned from the team: replies remembered as answers, and removing them. */
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useSession } from '../session';

interface Learned {
  id: string;
  question: string;
  answer: string;
  author: string | null;
  createdAt: string;
}

export function LearnedAnswers() {
  const { workspace } = useSession();
  const [items, setItems] = useState<Learned[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api
      .get<Learned[]>(wsPath(workspace.id, '/learned-answers'))
      .then(setItems)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [workspace.id]);
  useEffect(reload, [reload]);

  const remove = async (l: Learned) => {
    setError(null);
    try {
      await api.del(wsPath(workspace.id, `/learned-answers/${l.id}`));
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="learned-title">
      <h3 className="section-title" id="learned-title">
        Learned from the team
      </h3>
      <p className="muted small">
        Replies your team sent, remembered as answers to the questions they answered and suggested to agents for similar
        questions. Customers’ names, emails, phone numbers and order numbers are taken out, or the reply is not kept.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items === null && !error && <p className="muted">Loading…</p>}
      {items?.length === 0 && <p className="muted">Nothing learned yet: replies agents send appear here.</p>}
      <ul className="sources">
        {items?.map((l) => (
          <li key={l.id} className="card source">
            <div className="source-main">
              <p className="source-name">“{l.question}”</p>
              <p>{l.answer}</p>
              <p className="muted small">
                {l.author ?? 'Team'} · {new Date(l.createdAt).toLocaleDateString()}
              </p>
            </div>
            <div className="row">
              <button
                type="button"
                className="btn ghost small danger"
                onClick={() => void remove(l)}
                aria-label={`Remove the learned answer to ${l.question}`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
