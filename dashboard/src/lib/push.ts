/**
 * The installable dashboard and Web Push on this device: the service worker (served at
 * /app/sw.js), the browser's push subscription, and telling the server about it.
 */
import { api, getCsrfToken, wsPath } from '../api';

export interface AlertSettings {
  prefs: {
    events: { handoff: boolean; assigned: boolean; reply: boolean };
    channels: { push: boolean; email: boolean; sound: boolean };
    quietHours: { enabled: boolean; start: string; end: string; timezone: string | null };
  };
  devices: { id: string; userAgent: string | null; endpointHost: string }[];
  vapidPublicKey: string;
}

export const pushSupported = (): boolean =>
  'serviceWorker' in navigator && 'PushManager' in window && typeof Notification !== 'undefined';

/** Registers the service worker once the page has loaded (it makes the dashboard installable). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  });
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** This device's current subscription, if push is on here. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration('/app/');
  return (await reg?.pushManager.getSubscription()) ?? null;
}

/** Asks for permission (call from a button), subscribes, and registers the device with the server. */
export async function enablePush(workspaceId: string, vapidPublicKey: string): Promise<AlertSettings> {
  if (!pushSupported()) throw new Error('This browser cannot receive push notifications.');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new Error('Notifications are blocked for this site in the browser’s settings.');
  const reg = await navigator.serviceWorker.ready;
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) }));
  const json = sub.toJSON();
  return api.post<AlertSettings>(wsPath(workspaceId, '/alerts/devices'), { endpoint: json.endpoint, keys: json.keys });
}

/** Turns push off on this device, here and on the server. */
export async function disablePush(workspaceId: string): Promise<AlertSettings | null> {
  const sub = await currentSubscription();
  if (!sub) return null;
  const endpoint = sub.endpoint;
  await sub.unsubscribe().catch(() => undefined);
  return fetchDelete<AlertSettings>(wsPath(workspaceId, '/alerts/devices'), { endpoint });
}

/** DELETE with a body (the endpoint is too long and too private for a URL). */
async function fetchDelete<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json', 'x-csrf-token': getCsrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) throw new Error(`The server answered ${res.status}.`);
  return (await res.json()) as T;
}
