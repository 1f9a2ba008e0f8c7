/**
 * Two server processes on one PostgreSQL database, both reading the re-alert clock: a handoff
 * pushes once, re-alerts once past the target and emails the owner/admins once past twice it —
 * never twice, whichever instance gets there first. The push service and the SMTP server are the
 * test's own, on loopback (CHATREF_ALLOW_PRIVATE_URLS lets the server reach them).
 */
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connectVisitor } from '../clients';
import { freshPostgresUrl } from '../databases';
import { running } from '../load/chatter';
import { api, signIn, type Session } from '../load/remote';
import { startServerProcess, tempDir, type ServerProcess } from '../process';
import { PushService } from '../push-service';

const ADMIN = { CHATREF_ADMIN_EMAIL: 'admin@riffandrhythm.example', CHATREF_ADMIN_PASSWORD: 'test-password-123' };

describe.skipIf(!process.env.TEST_DATABASE_URL)('alerts with two instances on one PostgreSQL database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let url: string;
  let drop: () => Promise<void>;
  let admin: Session;
  const push = new PushService();
  const mails: { subject: string; to: string[] }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let data = '';
      stream.on('data', (d: Buffer) => (data += d.toString()));
      stream.on('end', () => {
        mails.push({
          subject: /^Subject: (.*)$/m.exec(data)?.[1] ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        cb();
      });
    },
  });
  const dataDir = tempDir();

  beforeAll(async () => {
    await push.start();
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const db = await freshPostgresUrl(process.env.TEST_DATABASE_URL!);
    url = db.url;
    drop = db.drop;
    const env = {
      ...ADMIN,
      DATABASE_URL: db.url,
      CHATREF_DATA_DIR: dataDir,
      CHATREF_ALLOW_PRIVATE_URLS: '1',
      CHATREF_ALERT_INTERVAL_MS: '200',
      CHATREF_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    };
    a = await startServerProcess(env);
    b = await startServerProcess(env);
    admin = await signIn(b.url, ADMIN.CHATREF_ADMIN_EMAIL, ADMIN.CHATREF_ADMIN_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    for (const p of [a, b]) if (p && running(p)) await p.stop('SIGKILL');
    await drop?.();
    await push.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pushes, re-alerts and escalates each once', { timeout: 180_000 }, async () => {
    const ws = admin.workspaceId;
    const base = `/api/workspaces/${ws}`;
    expect((await api(b.url, 'PATCH', `${base}/settings`, admin, { targets: { firstResponseS: 2 } })).status).toBe(200);
    const phone = push.subscribe('admin-phone');
    const on = await api(a.url, 'POST', `${base}/alerts/devices`, admin, {
      endpoint: phone.endpoint,
      keys: phone.keys,
    });
    expect(on.status).toBe(201);

    const visitor = await connectVisitor(a.url, ws);
    const first = await visitor.send('How long does shipping take?');
    expect(first.ok).toBe(true);
    // The first answer can take a while on a loaded machine (the demo's content is still loading).
    await visitor.next((m) => m.author.type === 'bot' && first.ok && m.seq > first.data.seq, 60_000);
    const waiting = visitor.nextState((s) => s.status === 'waiting');
    expect((await call(visitor.socket, 'handoff', {})).ok).toBe(true);
    const { conversationId } = await waiting;
    visitor.close();

    // The escalation is the last stage: once its email is in, nothing more is due.
    const escalations = () => mails.filter((m) => /has waited/.test(m.subject));
    const deadline = Date.now() + 60_000;
    while (!escalations().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await push.until(2);

    expect(escalations()).toHaveLength(1);
    expect(escalations()[0].to).toContain(ADMIN.CHATREF_ADMIN_EMAIL);
    const titles = push.to(phone.name).map((r) => r.payload.title);
    expect(titles[0]).toBe('A customer is waiting for a person');
    expect(titles.slice(1).every((t) => String(t).startsWith('Still waiting'))).toBe(true);
    expect(titles).toHaveLength(2);
    expect(
      push.to(phone.name).every((r) => r.vapidOk && r.payload.url === `/app/conversations/${conversationId}`),
    ).toBe(true);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ name: string; n: string }>(
      `select name, count(*) as n from events where conversation_id = $1 and name like 'handoff.%' group by name order by name`,
      [conversationId],
    );
    await client.end();
    expect(rows.map((r) => [r.name, Number(r.n)])).toEqual([
      ['handoff.created', 1],
      ['handoff.escalated', 1],
      ['handoff.realerted', 1],
    ]);
  });
});
