import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startBareServer, type Session } from '../../tests/server';
import type { RunningServer } from '../serve';

describe('uploading a file to the knowledge (a real server, no demo)', () => {
  let server: RunningServer;
  let session: Session;
  const files = (name: string) => `${server.url}/api/workspaces/${session.workspaceId}/knowledge/files?name=${name}`;
  const post = (url: string, headers: Record<string, string>, body: BodyInit) =>
    fetch(url, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers }, body });
  const sources = async () =>
    (await (
      await fetch(`${server.url}/api/workspaces/${session.workspaceId}/knowledge/sources`, {
        headers: { cookie: session.cookie },
      })
    ).json()) as { name: string }[];

  beforeAll(async () => {
    server = await startBareServer();
    session = await signUp(server.url, {
      email: 'owner@tidewater.example',
      password: 'salty harbor morning',
      name: 'Maya',
      workspaceName: 'Tidewater',
    });
  });
  afterAll(async () => server?.close());

  it('refuses a file sent as JSON or as a form with 415 saying how to send it, and stores nothing', async () => {
    const json = await post(files('faq.txt'), { 'content-type': 'application/json' }, '{"text":"We ship in 2 days."}');
    const form = new FormData();
    form.append('file', new Blob(['We ship in 2 days.']), 'faq.txt');
    const multipart = await post(files('faq.txt'), {}, form);
    for (const res of [json, multipart]) {
      expect(res.status).toBe(415);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unsupported_type');
      expect(body.error.message).toMatch(/file's own bytes as the request body.*\?name=/);
    }
    expect(await sources()).toEqual([]);

    const raw = await post(files('faq.txt'), { 'content-type': 'application/octet-stream' }, 'We ship in 2 days.');
    expect(raw.status).toBe(201);
    expect((await sources()).map((s) => s.name)).toEqual(['faq.txt']);
  });
});
