import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { api, errorMessage, fieldErrors, fieldIssues, wsPath } from '../api';
import { useSession } from '../session';
import type { Source } from '../types';
import { addedText, MAX_UPLOAD_MB, UPLOAD_EXTENSIONS, uploadEach, type UploadResult } from './upload';
import { FieldError, invalidProps } from '../ui/FieldError';

/** Three ways in: drop or pick files, a page or whole site, or a typed question and answer. */
export function AddKnowledge({ onAdded }: { onAdded: () => void }) {
  return (
    <div className="add-knowledge">
      <UploadFiles onAdded={onAdded} />
      <AddWeb onAdded={onAdded} />
      <AddQa onAdded={onAdded} />
    </div>
  );
}

export function UploadFiles({ onAdded }: { onAdded: () => void }) {
  const { workspace } = useSession();
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState<UploadResult['failed']>([]);

  const upload = async (files: File[]) => {
    setFailed([]);
    const result = await uploadEach(
      files,
      async (f) => {
        const source = await api.upload<Source>(wsPath(workspace.id, '/knowledge/files', { name: f.name }), f);
        onAdded();
        return source;
      },
      (f, i) => setStatus(`Uploading ${f.name} (${i + 1} of ${files.length})…`),
    );
    setStatus(addedText(result));
    setFailed(result.failed);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void upload([...e.dataTransfer.files]);
  };

  return (
    <section className="card" aria-labelledby="upload-title">
      <h3 id="upload-title">Upload files</h3>
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop files here</p>
        <p className="muted small">
          Markdown, text, HTML, PDF, DOCX, or a CSV (questions and answers, or a product or price list); up to{' '}
          {MAX_UPLOAD_MB} MB a file
        </p>
        <button type="button" className="btn small" onClick={() => picker.current?.click()}>
          Choose files
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          accept={UPLOAD_EXTENSIONS.join(',')}
          hidden
          aria-label="Files to upload"
          onChange={(e) => {
            void upload([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      <p role="status" className="muted small">
        {status}
      </p>
      {/* One line a file that was not added, each naming its file. */}
      <div role="alert">
        {failed.map((f, i) => (
          <p key={i} className="form-error small">
            {f.message}
          </p>
        ))}
      </div>
    </section>
  );
}

function AddWeb({ onAdded }: { onAdded: () => void }) {
  const { workspace } = useSession();
  const [url, setUrl] = useState('');
  const [crawl, setCrawl] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setUrlError(null);
    try {
      await api.post(wsPath(workspace.id, '/knowledge/web'), { url: url.trim(), crawl });
      setUrl('');
      onAdded();
    } catch (err) {
      const byField = fieldErrors(err);
      if (byField.url) setUrlError(byField.url);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="web-title">
      <h3 id="web-title">Add a web page or site</h3>
      <label className="field">
        <span>URL</span>
        <input
          type="url"
          required
          placeholder="https://shop.example/faq"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          {...invalidProps('web-url', urlError)}
        />
        <FieldError id="web-url" error={urlError} />
      </label>
      <label className="check">
        <input type="checkbox" checked={crawl} onChange={(e) => setCrawl(e.target.checked)} />
        <span>
          Whole site<small>Follows links on the same host (or reads a sitemap URL), respecting robots.txt.</small>
        </span>
      </label>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="btn primary" disabled={busy || !url.trim()}>
          Add
        </button>
      </div>
    </form>
  );
}

function AddQa({ onAdded }: { onAdded: () => void }) {
  const { workspace } = useSession();
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [alternates, setAlternates] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<QaField, string>>>({});
  const [busy, setBusy] = useState(false);
  // The new source is listed under Sources, often below the fold: say here that it was added.
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    setAdded(null);
    const alts = alternates
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      await api.post(wsPath(workspace.id, '/knowledge/qa'), {
        question: question.trim(),
        answer: answer.trim(),
        alternates: alts,
      });
      setQuestion('');
      setAnswer('');
      setAlternates('');
      setAdded(question.trim());
      onAdded();
    } catch (err) {
      const byField = qaErrors(err, alts);
      setFields(byField);
      if (!Object.keys(byField).length) setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: QaField) => invalidProps(`qa-${f}`, fields[f]);
  const fieldError = (f: QaField) => <FieldError id={`qa-${f}`} error={fields[f]} />;

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="qa-title">
      <h3 id="qa-title">Add a question and answer</h3>
      <label className="field">
        <span>Question</span>
        <input
          required
          minLength={3}
          maxLength={500}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          {...invalid('question')}
        />
        {fieldError('question')}
      </label>
      <label className="field">
        <span>Answer</span>
        <textarea
          required
          rows={3}
          maxLength={5000}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          {...invalid('answer')}
        />
        {fieldError('answer')}
      </label>
      <label className="field">
        <span>Other ways to ask, one per line</span>
        <textarea
          rows={2}
          value={alternates}
          onChange={(e) => setAlternates(e.target.value)}
          {...invalid('alternates')}
        />
        {fieldError('alternates')}
      </label>
      {error && (
        <p className="form-error small" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn primary" disabled={busy || !question.trim() || !answer.trim()}>
          Add Q&amp;A
        </button>
        <span role="status" className="muted small">
          {added && `Added “${added}” to Sources.`}
        </span>
      </div>
    </form>
  );
}

type QaField = 'question' | 'answer' | 'alternates';

/** The server's issues by field; one about a line of "other ways to ask" quotes that line. */
function qaErrors(err: unknown, alts: string[]): Partial<Record<QaField, string>> {
  const out: Partial<Record<QaField, string>> = {};
  for (const i of fieldIssues(err)) {
    if (i.field !== 'question' && i.field !== 'answer' && i.field !== 'alternates') continue;
    const line = i.field === 'alternates' && i.item !== null ? alts[i.item] : undefined;
    out[i.field] ??= line === undefined ? i.message : `“${line}”: ${i.message[0].toLowerCase()}${i.message.slice(1)}`;
  }
  return out;
}
