/**
 * Bad input, generated: thousands of malformed, oversized, wrongly typed and unicode-heavy
 * payloads against every REST route (from the OpenAPI document) and every socket event.
 * No 5xx, no crash, and every refusal is a 4xx (or an error ack) with a message.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connectAgent, connectVisitor } from '../clients';
import { startLiveServer, type LiveServer } from '../server';

/** Values of every JSON shape, with nasty strings. */
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '𝕮𝖍𝖆𝖙'.repeat(200),
    'x'.repeat(70_000),
    '00000000-0000-0000-0000-000000000000',
    '-1',
    'NaN',
    '1e309',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
/** Query values, dates among them: ordinary, extreme (years 1 and 275760), and not dates at all. */
const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '\u0000', 'a\u0000b'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('fuzzing the REST API and the socket events', () => {
  let server: LiveServer;
  let session: { cookie: string; csrf: string };
  let routes: { method: string; path: string }[];
  /** Who calls: nobody, the signed-in admin, or API keys of the narrowest and the widest scope. */
  let callers: Record<'none' | 'session' | 'readKey' | 'adminKey', Record<string, string>>;
  beforeAll(async () => {
    server = await startLiveServer({ LOG_LEVEL: 'silent' });
    session = await server.signIn();
    const key = async (scopes: string[]) =>
      (
        await server.api<{ key: string }>('POST', `/api/workspaces/${server.workspaceId}/api-keys`, session, {
          name: scopes.join(' '),
          scopes,
        })
      ).body.key;
    callers = {
      none: {},
      session: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      readKey: { authorization: `Bearer ${await key(['read'])}` },
      adminKey: { authorization: `Bearer ${await key(['admin'])}` },
    };
    const doc = (await (await fetch(`${server.url}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths)
      // Sign-out would end the fuzzer's own session; revoking keys, the fuzzer's own keys.
      .filter(([path]) => path !== '/api/auth/signout' && !path.endsWith('/api-keys/{id}'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  });
  afterAll(async () => server?.close());

  it('refuses NUL characters with a 4xx wherever a string enters', async () => {
    const ws = `/api/workspaces/${server.workspaceId}`;
    const upload = await fetch(`${server.url}${ws}/knowledge/files?name=${encodeURIComponent('notes\u0000.md')}`, {
      method: 'POST',
      headers: { ...callers.session, 'content-type': 'text/markdown' },
      body: '# Notes\n\nHello.',
    });
    const tag = await server.api('POST', `${ws}/tags`, session, { name: 'Ret\u0000urns' });
    const signup = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'nul@example.com',
        password: 'tuba attic lantern',
        name: 'N\u0000L',
        workspaceName: 'Shop',
      }),
    });
    const feed = await fetch(`${server.url}${ws}/analytics/tag-feed?from=0001-01-01T00:00:00Z`, {
      headers: callers.readKey,
    });
    expect([upload.status, tag.status, signup.status, feed.status]).toEqual([400, 400, 400, 400]);
    const visitor = await connectVisitor(server.url, server.workspaceId);
    const sent = await visitor.send('hello\u0000there');
    expect(sent.ok ? 'stored' : sent.error.code).toBe('invalid_input');
    visitor.close();
  });

  it('never answers a generated REST request with a 5xx', async () => {
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.constant(server.workspaceId), fc.uuid(), fc.string({ maxLength: 40 })),
        json,
        fc.dictionary(fc.constantFrom('view', 'q', 'limit', 'from', 'to', 'format', 'name', 'tagId'), queryValue),
        fc.constantFrom('none', 'session', 'readKey', 'adminKey'),
        async (route, id, body, query, caller: keyof typeof callers) => {
          const path = route.path.replace(/\{(\w+)\}/g, (_m, p: string) =>
            encodeURIComponent(p === 'workspaceId' ? server.workspaceId : id),
          );
          const qs = new URLSearchParams(query).toString();
          const res = await fetch(`${server.url}${path}${qs ? `?${qs}` : ''}`, {
            method: route.method,
            headers: {
              'content-type': 'application/json',
              ...callers[caller],
            },
            body: route.method === 'GET' || route.method === 'HEAD' ? undefined : JSON.stringify(body),
          });
          const text = await res.text();
          if (res.status >= 500) failures.push(`${route.method} ${path} → ${res.status} ${text.slice(0, 200)}`);
          if (res.status >= 400 && res.status < 500 && res.headers.get('content-type')?.includes('json')) {
            const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
            if (!parsed.error?.code || !parsed.error.message)
              failures.push(`${route.method} ${path} → ${res.status} without an error message`);
          }
          if (/at .+\.(ts|js):\d+/.test(text)) failures.push(`${route.method} ${path} leaked a stack trace`);
        },
      ),
      { numRuns: 1500 },
    );
    expect(failures).toEqual([]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it(
    'answers every generated socket payload with an ack or an error, and keeps serving',
    { timeout: 180_000 },
    async () => {
      const visitor = await connectVisitor(server.url, server.workspaceId);
      const agent = await connectAgent(server.url, session, server.workspaceId);
      const errors: string[] = [];
      for (const [who, s] of [
        ['visitor', visitor.socket],
        ['agent', agent.socket],
      ] as const)
        s.on('disconnect', (reason) => errors.push(`${who} disconnected: ${reason}`));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('send', 'sync', 'typing', 'handoff', 'contact'),
          fc.constantFrom('send', 'typing', 'join', 'presence', 'activity'),
          json,
          async (vEvent, aEvent, payload) => {
            for (const [socket, event] of [
              [visitor.socket, vEvent],
              [agent.socket, aEvent],
            ] as const) {
              const res = await call(socket, event, payload, 10_000).catch((e: Error) => ({
                ok: false as const,
                error: { code: 'timeout', message: e.message },
              }));
              if (!res.ok && (res.error.code === 'internal' || res.error.code === 'timeout' || !res.error.message))
                errors.push(`${event}: ${JSON.stringify(res.error)}`);
            }
          },
        ),
        { numRuns: 300 },
      );
      expect(errors).toEqual([]);
      expect({ visitor: visitor.socket.connected, agent: agent.socket.connected, errors }).toEqual({
        visitor: true,
        agent: true,
        errors: [],
      });
      // Still serving: a real message is taken, or refused only by the rate limit the flood tripped.
      const last = await visitor.send('Still there?');
      if (!last.ok) expect(last.error.code).toBe('rate_limited');
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      visitor.close();
      agent.close();
    },
  );
});
