/**
 * The REST client: same-origin fetch with the session cookie, the CSRF header on every write,
 * and the server's `{error:{code,message,details}}` turned into an ApiError whose message can be
 * shown: the issues' own words, without the request paths (`body.password: …`) they are about.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field-level issues (`{ path: 'body.email', message }`) for a form to show beside each field. */
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
/** Set after sign-in or `/me`; sent as `x-csrf-token` on every non-GET request. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}
/** The session's CSRF token (the agent socket sends it in its handshake too). */
export function getCsrfToken(): string {
  return csrfToken;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, raw?: Blob): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (raw) {
    headers['content-type'] = 'application/octet-stream';
    payload = raw;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (method === 'POST') {
    headers['content-type'] = 'application/json';
    payload = '{}';
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = err?.code ?? 'http_' + res.status;
    const details = Array.isArray(err?.details) ? (err.details as { path: string; message: string }[]) : [];
    throw new ApiError(
      res.status,
      code,
      err?.message ? readableMessage({ code, message: err.message, details }) : `The server answered ${res.status}.`,
      details,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: (path: string) => request<void>('DELETE', path),
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, undefined, file),
};

/** Builds `/api/workspaces/:ws/...` with encoded query parameters (empty ones left out). */
export function wsPath(workspaceId: string, rest: string, query: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const qs = q.toString();
  return `/api/workspaces/${workspaceId}${rest}${qs ? `?${qs}` : ''}`;
}

/** The message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return capitalize(err.message);
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

/**
 * A server error's words for a person. Bad input comes as `body.password: …; body.url: …` with
 * each issue in `details`: the issues' messages are kept, their paths dropped (a socket's error ack
 * has no details, only the joined message). Other errors are already meant to be read.
 */
export function readableMessage(error: {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}): string {
  const issues = error.details?.length
    ? error.details.map((d) => d.message)
    : error.code === 'invalid_input'
      ? error.message.split('; ').map((part) => part.replace(ISSUE_PATH, ''))
      : [error.message];
  // One sentence per different issue (several lines of a list can have the same one).
  return [...new Set(issues.map((i) => capitalize(plainIssue(i))))].join('. ');
}

/** A form field's issue: which body field (`alternates`), which item of a list (0), what to do. */
export interface FieldIssue {
  field: string;
  item: number | null;
  message: string;
}

/** The issues of a failed request that belong to fields of the body it sent, in the server's order. */
export function fieldIssues(err: unknown): FieldIssue[] {
  if (!(err instanceof ApiError)) return [];
  return err.details.flatMap((d) => {
    const [where, field, item] = d.path.split('.');
    if (where !== 'body' || !field) return [];
    return [
      { field, item: item && /^\d+$/.test(item) ? Number(item) : null, message: capitalize(plainIssue(d.message)) },
    ];
  });
}

/** Each body field's first issue, to show beside the field: `{ password: 'This password is too easy…' }`. */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of fieldIssues(err)) out[i.field] ??= i.message;
  return out;
}

/**
 * `body.alternates.0: ` at the start of one issue of a joined message: the part of the request it is
 * about, then where inside it. Other prefixes (`assigneeId: not a member…`) say something and stay.
 */
const ISSUE_PATH = /^(body|querystring|params|headers)(\.[\w$]+)*: /;

/** The validator's stock wording ("Too small: expected string to have >=3 characters") as advice. */
function plainIssue(message: string): string {
  const size = /^Too (?:small|big): expected (\w+) to (?:have|be) (>=|<=|>|<|exactly )(\d+)(?: (\w+))?$/.exec(message);
  if (size) {
    const [, origin, op, n, unit] = size;
    if (origin === 'number') return `use ${NUMBER_BOUND[op].replace('N', n)}`;
    if (origin === 'string' && op === '>=' && n === '1') return 'fill this in';
    const units = origin === 'string' ? 'characters' : (unit ?? 'items');
    return `use ${SIZE_BOUND[op]} ${n} ${n === '1' ? units.replace(/s$/, '') : units}`;
  }
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return 'fill this in';
  if (message === 'Invalid email address') return 'enter a valid email address';
  return message;
}
const SIZE_BOUND: Record<string, string> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'more than',
  '<': 'fewer than',
  'exactly ': 'exactly',
};
const NUMBER_BOUND: Record<string, string> = {
  '>=': 'N or more',
  '<=': 'N or less',
  '>': 'more than N',
  '<': 'less than N',
  'exactly ': 'exactly N',
};

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
