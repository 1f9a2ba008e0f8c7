import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { conversationTags, tags } from '../../db/schema';
import { testDatabases } from '../../tests/databases';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { moveConversation, sendAgentMessage } from '../commands/conversations';
import type { Deps } from '../commands/unit';
import { updateSettings } from '../commands/workspace';
import { tagBreaches } from './tag-breaches';

for (const db of testDatabases().filter((d) => d.name !== 'pglite-thread')) {
  describe(`target breaches per tag (${db.name})`, () => {
    let handle: DatabaseHandle;
    let deps: Deps;
    let clock = new Date('2026-03-02T10:00:00Z');
    const start = clock;
    beforeAll(async () => {
      handle = await db.open();
      deps = makeDeps(handle.db, () => clock);
    });
    afterAll(() => handle?.close());

    it('counts the handoffs that missed each target, under each of their tags', async () => {
      const { workspace } = await makeWorkspace(deps);
      const ws = workspace.id;
      await updateSettings(deps, ws, { targets: { firstResponseS: 120, resolutionS: 600 } });
      const agent = await makeMember(deps, ws, 'agent', 'Sam');
      const [drums, vip] = await deps.db
        .insert(tags)
        .values([
          { workspaceId: ws, name: 'Drums' },
          { workspaceId: ws, name: 'VIP', kind: 'manual' },
        ])
        .returning();
      /** A handoff answered after `replyS` (null: never), resolved after `resolveS` (null: not yet). */
      const chat = async (tagIds: string[], replyS: number | null, resolveS: number | null) => {
        clock = start;
        const { conversation } = await makeConversation(deps, ws);
        if (tagIds.length)
          await deps.db
            .insert(conversationTags)
            .values(tagIds.map((tagId) => ({ conversationId: conversation.id, tagId, source: 'manual' as const })));
        const base = { workspaceId: ws, conversationId: conversation.id };
        await moveConversation(deps, { ...base, move: 'handoff', actor: { type: 'bot' } });
        if (replyS !== null) {
          clock = new Date(start.getTime() + replyS * 1000);
          await sendAgentMessage(deps, { ...base, userId: agent.id, clientId: 'r', body: 'Hi!', note: false });
        }
        if (resolveS !== null) {
          clock = new Date(start.getTime() + resolveS * 1000);
          await moveConversation(deps, { ...base, move: 'resolve', actor: { type: 'user', id: agent.id } });
        }
      };
      await chat([drums.id], 60, 300); // on time
      await chat([drums.id, vip.id], 300, 900); // both late
      await chat([], 30, null); // answered in time, still open
      await chat([], null, null); // never answered
      const now = new Date(start.getTime() + 400_000); // 6 min 40 s after the handoffs
      const data = await tagBreaches(deps.db, ws, new Date(start.getTime() - 3600_000), now, now);
      const row = (tagId: string | null) => data.tags.find((t) => t.tagId === tagId);
      expect(data.targets).toEqual({ firstResponseS: 120, resolutionS: 600 });
      expect(data.total).toEqual({ handoffs: 4, firstResponseBreaches: 2, resolutionBreaches: 1 });
      expect(row(drums.id)).toMatchObject({ handoffs: 2, firstResponseBreaches: 1, resolutionBreaches: 1 });
      expect(row(vip.id)).toMatchObject({ handoffs: 1, firstResponseBreaches: 1, resolutionBreaches: 1 });
      expect(row(null)).toMatchObject({ handoffs: 2, firstResponseBreaches: 1, resolutionBreaches: 0 });
      clock = start;
    });
  });
}
