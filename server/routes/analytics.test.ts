/** The tag feed's edges: extreme dates are bad input, and the CSV export runs no formula. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { makeDeps } from '../../tests/factories';
import { signedIn } from '../../tests/app';
import { buildApp } from '../app';

describe('tag feed edges', () => {
  let handle: DatabaseHandle;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    const deps = makeDeps(handle.db);
    app = await buildApp({ deps });
    await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'o@example.com', password: 'long enough pw', name: 'O', workspaceName: 'Shop' },
    });
    owner = await signedIn(app, 'o@example.com', 'long enough pw');
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  const feed = (query: string) =>
    owner.request('GET', `/api/workspaces/${owner.workspaceId}/analytics/tag-feed?${query}`);

  it.each([
    'from=0001-01-01T00:00:00Z',
    'from=0001-01-01T00:00:00Z&to=0001-06-01T00:00:00Z',
    'from=1900-01-01T00:00:00Z&to=1900-02-01T00:00:00Z',
    'from=9999-06-01T00:00:00Z&to=9999-12-31T23:59:59Z',
    'from=275760-01-01T00:00:00Z',
  ])('answers %s with a 400, not a 500', async (query) => {
    const res = await feed(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
  });

  it('takes an ordinary period', async () => {
    expect((await feed('from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).statusCode).toBe(200);
  });

  it('writes a tag named like a formula as text in the CSV', async () => {
    const tag = await owner.request('POST', `/api/workspaces/${owner.workspaceId}/tags`, {
      name: '=HYPERLINK("http://evil.example","Open")',
    });
    expect(tag.statusCode).toBe(201);
    const csv = await feed('format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""Open"")"`);
    expect(csv.body).not.toMatch(/^"?=/m);
  });
});
