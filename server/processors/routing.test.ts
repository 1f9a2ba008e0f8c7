import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { agentPresence, conversations } from '../../db/schema';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { testDatabases } from '../../tests/databases';
import { removeMember } from '../commands/accounts';
import { settingsCache } from '../commands/cached';
import { moveConversation, sendAgentMessage } from '../commands/conversations';
import { setPresence } from '../commands/presence';
import type { Deps } from '../commands/unit';
import { createTeam, updateSettings } from '../commands/workspace';
import { readSettings } from '../domain/settings';
import { inbox } from '../queries/inbox';
import { visitorState, waitingStates } from '../queries/queue';
import { pickAgent, Router } from './routing';

describe('pickAgent', () => {
  const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
  const a = { userId: 'a', capacity: 2, open: 1, lastAssignedAt: t(5) };
  const b = { userId: 'b', capacity: 2, open: 0, lastAssignedAt: t(9) };
  it('round-robin takes whoever waited longest since their last chat', () => {
    expect(pickAgent([a, b], 'round_robin')?.userId).toBe('a');
  });
  it('least-loaded takes whoever has fewest open chats', () => {
    expect(pickAgent([a, b], 'least_loaded')?.userId).toBe('b');
  });
  it('never goes over an agent cap', () => {
    expect(
      pickAgent(
        [
          { ...a, open: 2 },
          { ...b, open: 2 },
        ],
        'least_loaded',
      ),
    ).toBeNull();
  });
});

for (const target of testDatabases()) {
  describe(`routing on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let deps: Deps;
    let router: Router;
    let clock = Date.UTC(2026, 10, 25, 10);
    beforeAll(async () => {
      handle = await target.open();
      deps = makeDeps(handle.db, () => new Date((clock += 1000)));
      router = new Router(deps, pino({ level: 'silent' }));
      router.start();
    });
    afterAll(async () => handle?.close());

    const settle = async () => {
      await deps.bus.idle();
      await router.idle();
      await deps.bus.idle();
    };

    async function setup(strategy: 'round_robin' | 'least_loaded', capacity = 5) {
      const { workspace } = await makeWorkspace(deps);
      await updateSettings(deps, workspace.id, { routing: { autoAssign: true, strategy } });
      const agents = [
        await makeMember(deps, workspace.id, 'agent', 'A'),
        await makeMember(deps, workspace.id, 'agent', 'B'),
      ];
      for (const u of agents) {
        await handle.db
          .insert(agentPresence)
          .values({ workspaceId: workspace.id, userId: u.id, status: 'offline', capacity });
      }
      const handoff = async (teamId?: string) => {
        const { conversation } = await makeConversation(deps, workspace.id);
        await moveConversation(deps, {
          workspaceId: workspace.id,
          conversationId: conversation.id,
          move: 'handoff',
          actor: { type: 'bot' },
          reason: 'topic',
          ...(teamId ? { teamId } : {}),
        });
        await settle();
        return conversation.id;
      };
      const assignee = async (id: string) =>
        (await handle.db.select().from(conversations).where(eq(conversations.id, id)))[0];
      return { workspace, agents, handoff, assignee };
    }

    it('keeps chats waiting first-in-first-out while nobody is online, then assigns the oldest first', async () => {
      const { workspace, agents, handoff, assignee } = await setup('least_loaded', 1);
      const first = await handoff();
      const second = await handoff();
      expect((await assignee(first)).status).toBe('waiting');
      await setPresence(deps, workspace.id, agents[0].id, 'online');
      await settle();
      expect(await assignee(first)).toMatchObject({ status: 'human', assigneeId: agents[0].id });
      expect((await assignee(second)).status).toBe('waiting'); // cap of 1
      await setPresence(deps, workspace.id, agents[1].id, 'online');
      await settle();
      expect(await assignee(second)).toMatchObject({ status: 'human', assigneeId: agents[1].id });
    });

    it('round-robin alternates between online agents', async () => {
      const { workspace, agents, handoff, assignee } = await setup('round_robin');
      for (const u of agents) await setPresence(deps, workspace.id, u.id, 'online');
      await settle();
      const owners = [];
      for (let i = 0; i < 4; i++) owners.push((await assignee(await handoff())).assigneeId);
      expect(owners[0]).not.toBe(owners[1]);
      expect(owners[2]).toBe(owners[0]);
      expect(owners[3]).toBe(owners[1]);
    });

    it('least-loaded gives the next chat to whoever has fewer open chats', async () => {
      const { workspace, agents, handoff, assignee } = await setup('least_loaded');
      await setPresence(deps, workspace.id, agents[0].id, 'online');
      await settle();
      await handoff();
      await handoff();
      await setPresence(deps, workspace.id, agents[1].id, 'online');
      await settle();
      expect((await assignee(await handoff())).assigneeId).toBe(agents[1].id);
    });

    it('routes a chat tagged for a team to that team only', async () => {
      const { workspace, agents, handoff, assignee } = await setup('least_loaded');
      const drums = await createTeam(deps, workspace.id, 'Drums', [agents[1].id]);
      await setPresence(deps, workspace.id, agents[0].id, 'online');
      await settle();
      const chat = await handoff(drums.id);
      expect((await assignee(chat)).status).toBe('waiting'); // the drum specialist is not online
      await setPresence(deps, workspace.id, agents[1].id, 'online');
      await settle();
      expect((await assignee(chat)).assigneeId).toBe(agents[1].id);
    });

    it('returns a chat to the queue when its agent goes offline, and hands it to someone online', async () => {
      const { workspace, agents, handoff, assignee } = await setup('least_loaded');
      await setPresence(deps, workspace.id, agents[0].id, 'online');
      await settle();
      const chat = await handoff();
      expect((await assignee(chat)).assigneeId).toBe(agents[0].id);
      await setPresence(deps, workspace.id, agents[1].id, 'online');
      await setPresence(deps, workspace.id, agents[0].id, 'offline');
      await settle();
      expect(await assignee(chat)).toMatchObject({ status: 'human', assigneeId: agents[1].id });
    });

    it('a chat back in the queue keeps its place: its customer has waited since the handoff', async () => {
      const { workspace, agents, handoff, assignee } = await setup('least_loaded', 1);
      await setPresence(deps, workspace.id, agents[0].id, 'online');
      await settle();
      // An earlier chat answered after two minutes, so the visitors' waits have a number.
      const earlier = await handoff();
      clock += 120_000;
      await sendAgentMessage(deps, {
        workspaceId: workspace.id,
        conversationId: earlier,
        userId: agents[0].id,
        clientId: 'r1',
        body: 'Hello!',
        note: false,
      });
      await moveConversation(deps, {
        workspaceId: workspace.id,
        conversationId: earlier,
        move: 'resolve',
        actor: { type: 'user', id: agents[0].id },
      });
      await settle();
      const first = await handoff();
      const handedOffAt = (await assignee(first)).waitingSince;
      expect(await assignee(first)).toMatchObject({ status: 'human', assigneeId: agents[0].id });
      const second = await handoff(); // the only agent is at their cap: this one waits
      await setPresence(deps, workspace.id, agents[0].id, 'offline');
      await settle();

      // Back in the queue, the first customer is ahead of the one who came after them, wherever
      // the line is read: the visitor's own state, every waiting visitor's, the inbox and routing.
      const back = await assignee(first);
      expect(back).toMatchObject({ status: 'waiting', waitingSince: handedOffAt });
      const config = { settings: readSettings(undefined), agentsOnline: 0, mails: true };
      const states = await waitingStates(deps, workspace.id, config);
      expect(states.map((s) => [s.conversationId, s.queuePosition])).toEqual([
        [first, 1],
        [second, 2],
      ]);
      for (const id of [first, second]) {
        const c = await assignee(id);
        const own = await visitorState(deps, { config, conversation: c, contactId: c.contactId });
        expect(own).toEqual(states.find((s) => s.conversationId === id));
      }
      expect(states[0].estimateS).toBeLessThan(states[1].estimateS!);
      const waiting = await inbox(deps.db, { workspaceId: workspace.id, userId: null, view: 'waiting', limit: 10 });
      expect(waiting.map((c) => [c.id, c.queuePosition])).toEqual([
        [first, 1],
        [second, 2],
      ]);
      await setPresence(deps, workspace.id, agents[1].id, 'online');
      await settle();
      expect(await assignee(first)).toMatchObject({ status: 'human', assigneeId: agents[1].id });
      expect((await assignee(second)).status).toBe('waiting');
    });

    it("returns a removed member's chats to the queue, and the cached count of who is online drops them", async () => {
      const { workspace, agents, handoff, assignee } = await setup('least_loaded');
      const config = settingsCache(deps);
      const stop = config.start(deps);
      await setPresence(deps, workspace.id, agents[0].id, 'online');
      await settle();
      const chat = await handoff();
      expect((await assignee(chat)).assigneeId).toBe(agents[0].id);
      expect((await config.get(workspace.id)).agentsOnline).toBe(1);
      await removeMember(deps, { workspaceId: workspace.id, userId: agents[0].id, removedBy: null });
      await settle();
      expect(await assignee(chat)).toMatchObject({ status: 'waiting', assigneeId: null });
      expect((await config.get(workspace.id)).agentsOnline).toBe(0);
      stop();
    });
  });
}
