/** The cached access behind every agent socket event: read once, dropped by a change. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { memberships } from '../../db/schema';
import { makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { sha256 } from '../auth/tokens';
import { signIn, signOut } from '../commands/accounts';
import type { Deps } from '../commands/unit';
import { MemberAccess } from './access';

describe("a member's live access", () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
  });
  afterAll(async () => handle.close());

  it('is read from the database once, kept until dropped, and read again after', async () => {
    const { workspace } = await makeWorkspace(deps);
    const agent = await makeMember(deps, workspace.id, 'agent');
    const s = await signIn(deps, agent.email, 'correct horse battery');
    const who = { tokenHash: sha256(s.token), userId: agent.id };
    const access = new MemberAccess(deps, 60_000);
    expect(await access.check(who, workspace.id)).toEqual({ session: true, role: 'agent' });

    // Removed behind the cache's back (no event): the cache still answers, until the event drops it.
    await deps.db
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, agent.id)));
    expect(await access.check(who, workspace.id)).toEqual({ session: true, role: 'agent' });
    access.dropUser(agent.id);
    expect(await access.check(who, workspace.id)).toEqual({ session: true, role: null });

    // A fresh check (a join) never trusts the cache; an ended session is no session at all.
    await signOut(deps, s.token);
    expect(await access.check(who, workspace.id, { fresh: true })).toEqual({ session: false });
  });

  it('never mixes up sessions, members or workspaces', async () => {
    const a = await makeWorkspace(deps);
    const b = await makeWorkspace(deps);
    const s = await signIn(deps, a.owner.email, a.password);
    const access = new MemberAccess(deps);
    const who = { tokenHash: sha256(s.token), userId: a.owner.id };
    expect(await access.check(who, a.workspace.id)).toEqual({ session: true, role: 'owner' });
    expect(await access.check(who, b.workspace.id)).toEqual({ session: true, role: null });
    expect(await access.check({ ...who, userId: b.owner.id }, b.workspace.id)).toEqual({ session: false });
  });
});
