/** A contact edited from the conversation's card: fields change, empty text clears, an event is recorded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { events } from '../../db/schema';
import { signedIn } from '../../tests/app';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { buildApp } from '../app';
import type { Deps } from '../commands/unit';

describe('editing a contact', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    app = await buildApp({ deps });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('an agent sets name, email, phone and notes; the contact shows them and contact.updated names the fields', async () => {
    const { workspace } = await makeWorkspace(deps);
    const agent = await makeMember(deps, workspace.id, 'agent');
    const { contact, conversation } = await makeConversation(deps, workspace.id);
    const b = await signedIn(app, agent.email, 'correct horse battery');
    const url = `/api/workspaces/${workspace.id}/contacts/${contact.id}`;
    const res = await b.request('PATCH', url, {
      name: ' Maria Lopez ',
      email: 'maria@bluecafe.example',
      phone: '864-555-0199',
      notes: 'Wholesale: 20 lb a week, delivery Tuesdays.',
      conversationId: conversation.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Maria Lopez', email: 'maria@bluecafe.example', phone: '864-555-0199' });
    const read = (await b.request('GET', url)).json() as { notes: string; name: string };
    expect(read.notes).toBe('Wholesale: 20 lb a week, delivery Tuesdays.');
    const [event] = await deps.db
      .select()
      .from(events)
      .where(and(eq(events.workspaceId, workspace.id), eq(events.name, 'contact.updated')));
    expect(event).toMatchObject({ actorType: 'user', actorId: agent.id, conversationId: conversation.id });
    expect((event.data as { fields: string[] }).fields.sort()).toEqual(['email', 'name', 'notes', 'phone']);

    // Empty text clears a field; the others stay.
    const cleared = await b.request('PATCH', url, { phone: '' });
    expect(cleared.json()).toMatchObject({ phone: null, name: 'Maria Lopez' });
  });

  it('refuses a bad email or phone with a clear 400, and a contact of another workspace as not found', async () => {
    const { workspace, owner, password } = await makeWorkspace(deps);
    const { contact } = await makeConversation(deps, workspace.id);
    const a = await signedIn(app, owner.email, password);
    const url = `/api/workspaces/${workspace.id}/contacts/${contact.id}`;
    const badEmail = await a.request('PATCH', url, { email: 'maria at bluecafe' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.body).toContain('email');
    expect((await a.request('PATCH', url, { phone: 'call me maybe' })).statusCode).toBe(400);
    expect((await a.request('PATCH', url, {})).statusCode).toBe(400);

    const other = await makeWorkspace(deps);
    const o = await signedIn(app, other.owner.email, other.password);
    const foreign = await o.request('PATCH', `/api/workspaces/${other.workspace.id}/contacts/${contact.id}`, {
      name: 'Mallory',
    });
    expect(foreign.statusCode).toBe(404);
  });
});
