/**
 * A push service on loopback for tests: it hands out subscriptions (a real ECDH P-256 key pair and
 * auth secret per device, as a browser makes them), receives what `web-push` sends, checks the
 * VAPID signature and decrypts the payload (RFC 8291 on RFC 8188's aes128gcm) with the device's keys.
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Device {
  name: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface Received {
  device: string;
  payload: Record<string, unknown>;
  /** The VAPID JWT verified with the key the request named, for this endpoint's origin. */
  vapidOk: boolean;
  vapidKey: string;
}

const b64u = (b: Buffer) => b.toString('base64url');

/** Decrypts an aes128gcm body (one record) for the device's keys: RFC 8291 §3.4, RFC 8188 §2. */
export function decryptPush(body: Buffer, ua: ECDH, auth: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idlen = body[20];
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  const uaPublic = ua.getPublicKey();
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('bad padding delimiter');
  return padded.subarray(0, end);
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>`: an ES256 JWT for this origin, signed by k. */
function vapidValid(header: string | undefined, origin: string): { ok: boolean; key: string } {
  const m = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header ?? '');
  if (!m) return { ok: false, key: '' };
  const [h, p, s] = m[1].split('.');
  const raw = Buffer.from(m[2], 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) },
    format: 'jwk',
  });
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { aud?: string; exp?: number };
  const signed = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  return { ok: signed && claims.aud === origin && (claims.exp ?? 0) * 1000 > Date.now(), key: m[2] };
}

export class PushService {
  readonly received: Received[] = [];
  /** Devices whose subscription the service says is gone (answered with this status). */
  readonly gone = new Map<string, number>();
  private readonly devices = new Map<string, { ecdh: ECDH; auth: Buffer }>();
  private server: Server | null = null;
  private waiters: (() => void)[] = [];
  origin = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\/push\//, ''));
        const device = this.devices.get(name);
        const status = this.gone.get(name);
        if (!device || status) return void res.writeHead(status ?? 404).end();
        try {
          if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
          const plain = decryptPush(Buffer.concat(chunks), device.ecdh, device.auth);
          const vapid = vapidValid(req.headers.authorization, this.origin);
          this.received.push({
            device: name,
            payload: JSON.parse(plain.toString()) as Record<string, unknown>,
            vapidOk: vapid.ok,
            vapidKey: vapid.key,
          });
          res.writeHead(201).end();
        } catch {
          res.writeHead(400).end();
        }
        this.waiters.splice(0).forEach((w) => w());
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A new browser subscription, as `PushManager.subscribe()` returns it. */
  subscribe(name: string): Device {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.devices.set(name, { ecdh, auth });
    return {
      name,
      endpoint: `${this.origin}/push/${encodeURIComponent(name)}`,
      keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) },
    };
  }

  to(device: string): Received[] {
    return this.received.filter((r) => r.device === device);
  }

  /** Resolves once `count` pushes in all were received (no timing: the arrival is the event). */
  async until(count: number, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} pushes, got ${this.received.length}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  clear(): void {
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
