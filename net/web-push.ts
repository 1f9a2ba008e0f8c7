/**
 * Web Push delivery: `web-push` encrypts the payload for the device (RFC 8291, aes128gcm) and signs
 * the VAPID header; the request itself goes through the guarded fetcher, so a subscription whose
 * endpoint names (or resolves to) an internal address never makes the server reach its own network.
 */
import webpush from 'web-push';
import type { FetchLike } from './outbound';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface Vapid {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** What the push service answered: `gone` when the subscription expired or was revoked (404/410). */
export type PushResult =
  { ok: true; status: number } | { ok: false; status: number | null; gone: boolean; error: string };

/**
 * Why an endpoint cannot be a push subscription's, or null: https only (http only when internal
 * addresses are allowed, as tests on loopback and intranets need).
 */
export function endpointProblem(endpoint: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'the endpoint is not a URL';
  }
  if (url.protocol === 'https:' || (allowPrivate && url.protocol === 'http:')) return null;
  return 'a push endpoint must be an https:// URL';
}

/** Sends one encrypted notification; never throws. */
export async function sendPush(
  fetch: FetchLike,
  target: PushTarget,
  payload: string,
  vapid: Vapid,
  opts: { ttlS?: number; urgency?: 'normal' | 'high'; timeoutMs?: number; topic?: string } = {},
): Promise<PushResult> {
  try {
    const req = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      payload,
      {
        vapidDetails: vapid,
        TTL: opts.ttlS ?? 3600,
        urgency: opts.urgency ?? 'high',
        contentEncoding: 'aes128gcm',
        ...(opts.topic ? { topic: opts.topic } : {}),
      },
    );
    const res = await fetch(req.endpoint, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: req.body ? new Uint8Array(req.body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return {
      ok: false,
      status: res.status,
      gone: res.status === 404 || res.status === 410,
      error: `HTTP ${res.status}`,
    };
  } catch (err) {
    return { ok: false, status: null, gone: false, error: err instanceof Error ? err.message : String(err) };
  }
}
