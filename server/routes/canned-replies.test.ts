/** Canned replies are the workspace's, not a browser's: what one member saves, another uses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signedIn, type TestApp } from '../../tests/app';
import { makeMember, makeWorkspace } from '../../tests/factories';

describe('canned replies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t?.close());

  async function team() {
    const { workspace, owner, password } = await makeWorkspace(t.deps);
    const agent = await makeMember(t.deps, workspace.id, 'agent');
    const a = await signedIn(t.app, owner.email, password);
    const b = await signedIn(t.app, agent.email, 'correct horse battery');
    return { base: `/api/workspaces/${workspace.id}/canned-replies`, a, b };
  }

  it('are shared: one member adds a reply, a colleague sees, changes and removes it', async () => {
    const { base, a, b } = await team();
    const created = await a.request('POST', base, { shortcut: '/Shipping', body: 'We ship within 2 working days.' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ shortcut: 'shipping', body: 'We ship within 2 working days.' });
    const seen = await b.request('GET', base);
    expect(seen.json()).toEqual([created.json()]);
    const id = (created.json() as { id: string }).id;
    const changed = await b.request('PATCH', `${base}/${id}`, { body: 'We ship within one working day.' });
    expect(changed.statusCode).toBe(200);
    expect((await a.request('GET', base)).json()).toMatchObject([{ body: 'We ship within one working day.' }]);
    expect((await b.request('DELETE', `${base}/${id}`)).statusCode).toBe(204);
    expect((await a.request('GET', base)).json()).toEqual([]);
  });

  it('refuses a taken shortcut, a bad shortcut and an empty body with clear 4xx messages', async () => {
    const { base, a } = await team();
    await a.request('POST', base, { shortcut: 'hello', body: 'Hi there!' });
    const dup = await a.request('POST', base, { shortcut: 'HELLO', body: 'Hello again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('/hello');
    const bad = await a.request('POST', base, { shortcut: 'two words', body: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('shortcut');
    const empty = await a.request('POST', base, { shortcut: 'empty', body: '   ' });
    expect(empty.statusCode).toBe(400);
  });

  it("stay inside their workspace: another shop's member reads nothing and changes nothing", async () => {
    const one = await team();
    const other = await team();
    const created = await one.a.request('POST', one.base, { shortcut: 'secret', body: 'Our supplier is X.' });
    const id = (created.json() as { id: string }).id;
    expect((await other.a.request('GET', one.base)).statusCode).toBe(404);
    expect((await other.a.request('PATCH', `${other.base}/${id}`, { body: 'changed' })).statusCode).toBe(404);
    expect((await other.a.request('DELETE', `${other.base}/${id}`)).statusCode).toBe(404);
    expect((await one.a.request('GET', one.base)).json()).toMatchObject([{ body: 'Our supplier is X.' }]);
  });

  it("imports a browser's old local list once: shortcuts from the first words, no duplicates", async () => {
    const { base, a, b } = await team();
    const old = ['Could you share your order number?', 'Thanks! Anything else?', 'Could you share your order date?'];
    const first = await a.request('POST', `${base}/import`, { bodies: old });
    expect(first.json()).toHaveLength(3);
    // A colleague's browser held an overlapping list: only the new reply is added.
    const second = await b.request('POST', `${base}/import`, { bodies: ['Thanks! Anything else?', 'Back soon.'] });
    expect((second.json() as unknown[]).map((r) => (r as { body: string }).body)).toEqual(['Back soon.']);
    const all = (await a.request('GET', base)).json() as { shortcut: string }[];
    expect(all.map((r) => r.shortcut).sort()).toEqual([
      'back-soon',
      'could-you-share',
      'could-you-share-2',
      'thanks-anything-else',
    ]);
  });
});
