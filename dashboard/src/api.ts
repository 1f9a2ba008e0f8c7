/**
 * The REST client: same-origin fetch with the session cookie, the CSRF header on every write,
 * and the server's `{error:{code,message}}` turned into an ApiError whose message can be shown.
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
    throw new ApiError(
      res.status,
      err?.code ?? 'http_' + res.status,
      err?.message ?? `The server answered ${res.status}.`,
      Array.isArray(err?.details) ? (err.details as { path: string; message: string }[]) : [],
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

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
