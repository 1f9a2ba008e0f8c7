/**
 * Human minutes end to end on a simulated clock: two agents, a multi-tag chat, idle gaps and a
 * reassignment; totals per tag and per agent equal the time worked, nothing counted twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { conversationTags } from '../../db/schema';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { recordActivity } from '../commands/activity';
import { tagFeed } from './analytics';
import { appendMessage, moveConversation, sendAgentMessage } from '../commands/conversations';
import type { Deps } from '../commands/unit';
import { createTag } from '../commands/workspace';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 20, 9);

describe('tag feed on a simulated clock', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let now = START;
  const at = (minutes: number) => {
    now = START + minutes * MIN;
  };

  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db, () => new Date(now));
  });
  afterAll(async () => handle?.close());

  it('counts each worked minute once, per tag and per agent', async () => {
    at(0);
    const { workspace } = await makeWorkspace(deps);
    const dana = await makeMember(deps, workspace.id, 'agent', 'Dana');
    const marcus = await makeMember(deps, workspace.id, 'agent', 'Marcus');
    const returns = await createTag(deps, workspace.id, {
      name: 'Returns',
      description: '',
      examples: [],
      needsHuman: false,
      kind: 'topic',
      routeTeamId: null,
      color: '#ea580c',
    });
    const warranty = await createTag(deps, workspace.id, {
      name: 'Warranty',
      description: '',
      examples: [],
      needsHuman: true,
      kind: 'topic',
      routeTeamId: null,
      color: '#dc2626',
    });
    const ws = workspace.id;

    // Chat A (Returns + Warranty): Dana 0→10 with an idle gap, then Marcus takes over until 16.
    const { conversation: a } = await makeConversation(deps, ws);
    await handle.db.insert(conversationTags).values([
      { conversationId: a.id, tagId: returns.id, source: 'auto', confidence: 0.8 },
      { conversationId: a.id, tagId: warranty.id, source: 'manual' },
    ]);
    at(1);
    await moveConversation(deps, {
      workspaceId: ws,
      conversationId: a.id,
      move: 'handoff',
      actor: { type: 'bot' },
      reason: 'topic',
    });
    at(2);
    await moveConversation(deps, {
      workspaceId: ws,
      conversationId: a.id,
      move: 'assign',
      actor: { type: 'user', id: dana.id },
      expectStatus: 'waiting',
    });
    at(3);
    await sendAgentMessage(deps, {
      workspaceId: ws,
      conversationId: a.id,
      userId: dana.id,
      clientId: 'a1',
      body: 'Hi! Looking into it.',
      note: false,
    });
    at(3.5);
    await recordActivity(deps, { workspaceId: ws, conversationId: a.id, userId: dana.id, kind: 'view' });
    // Dana is idle from 3.5 to 10: only the 2-minute cap counts.
    at(10);
    await moveConversation(deps, {
      workspaceId: ws,
      conversationId: a.id,
      move: 'assign',
      actor: { type: 'user', id: dana.id },
      assigneeId: marcus.id,
    });
    at(11);
    await sendAgentMessage(deps, {
      workspaceId: ws,
      conversationId: a.id,
      userId: marcus.id,
      clientId: 'a2',
      body: 'Marcus here.',
      note: false,
    });
    at(12);
    await recordActivity(deps, { workspaceId: ws, conversationId: a.id, userId: marcus.id, kind: 'typing' });
    at(13);
    // Dana writes after handing over: not her time (she no longer owns the chat).
    await sendAgentMessage(deps, {
      workspaceId: ws,
      conversationId: a.id,
      userId: dana.id,
      clientId: 'n1',
      body: 'FYI',
      note: true,
    });
    at(14);
    await sendAgentMessage(deps, {
      workspaceId: ws,
      conversationId: a.id,
      userId: marcus.id,
      clientId: 'a3',
      body: 'Sorted.',
      note: false,
    });
    at(16);
    await moveConversation(deps, {
      workspaceId: ws,
      conversationId: a.id,
      move: 'resolve',
      actor: { type: 'user', id: marcus.id },
    });

    // Chat B (Returns only): Dana 20→23.
    at(19);
    const { conversation: b } = await makeConversation(deps, ws);
    await handle.db
      .insert(conversationTags)
      .values({ conversationId: b.id, tagId: returns.id, source: 'auto', confidence: 0.9 });
    await moveConversation(deps, {
      workspaceId: ws,
      conversationId: b.id,
      move: 'handoff',
      actor: { type: 'visitor' },
      reason: 'customer_request',
    });
    at(20);
    await moveConversation(deps, {
      workspaceId: ws,
      conversationId: b.id,
      move: 'assign',
      actor: { type: 'user', id: dana.id },
      expectStatus: 'waiting',
    });
    at(21);
    await sendAgentMessage(deps, {
      workspaceId: ws,
      conversationId: b.id,
      userId: dana.id,
      clientId: 'b1',
      body: 'Here is your return label.',
      note: false,
    });
    at(23);
    await moveConversation(deps, {
      workspaceId: ws,
      conversationId: b.id,
      move: 'resolve',
      actor: { type: 'user', id: dana.id },
    });

    // Chat C: answered by the AI alone (a cited answer, no handoff).
    at(30);
    const bot = (conversationId: string, body: string, meta: Record<string, unknown>) =>
      appendMessage(deps, { workspaceId: ws, conversationId, clientId: `bot-${body}`, authorType: 'bot', body, meta });
    const ask = (conversationId: string, body: string) =>
      appendMessage(deps, { workspaceId: ws, conversationId, clientId: `v-${body}`, authorType: 'visitor', body });
    const { conversation: c } = await makeConversation(deps, ws);
    await ask(c.id, 'Do you sell gift cards?');
    await bot(c.id, 'Yes, from $25.', { citations: [{ title: 'Gift cards', url: null }], abstained: false });
    // Chats D and E: the AI only said it was not sure (twice in E): not answered by the AI.
    for (const n of [1, 2]) {
      const { conversation: d } = await makeConversation(deps, ws);
      await ask(d.id, `Do you buy used pianos? ${n}`);
      for (let i = 0; i < n; i++)
        await bot(d.id, `I'm not sure. ${n}${i}`, { citations: [{ title: 'Pianos', url: null }], abstained: true });
    }
    // Chat G: an answer stored without a citations field (as the demo's history writes them).
    const { conversation: g } = await makeConversation(deps, ws);
    await ask(g.id, 'Are you open on Saturday?');
    await bot(g.id, 'On Saturday we are open 10:00–18:00.', { abstained: false, confidence: 0.9 });
    // Chat F: a visitor message the AI never replied to.
    const { conversation: f } = await makeConversation(deps, ws);
    await ask(f.id, 'hello?');

    at(60);
    const feed = await tagFeed(deps, ws, new Date(START - 60 * MIN), new Date(START + 60 * MIN));
    // Worked time — Dana on A: 2→3→3.5→(idle, capped 2)→10 = 1 + 0.5 + 2 = 3.5
    //             Marcus on A: 10→11→12→14→16 = 1 + 1 + 2 + 2 = 6
    //             Dana on B:   20→21→23 = 1 + 2 = 3
    const agents = Object.fromEntries(feed.agents.map((x) => [x.name, x.humanMinutes]));
    expect(agents).toEqual({ Dana: 6.5, Marcus: 6 });
    expect(feed.humanMinutes).toBe(12.5);
    const byTag = Object.fromEntries(feed.tags.map((t) => [t.name, t]));
    // A's 9.5 minutes are split between its two tags; B's 3 go to Returns.
    expect(byTag.Returns.humanMinutes).toBe(7.8); // 4.75 + 3, shown to a tenth
    expect(byTag.Warranty.humanMinutes).toBe(4.8); // 4.75
    const tagSum = feed.tags.reduce((s, t) => s + t.humanMinutes, 0);
    expect(Math.abs(tagSum - feed.humanMinutes)).toBeLessThanOrEqual(0.1); // nothing counted twice
    expect(feed.chats).toBe(7);
    expect(feed.handedOff).toBe(2);
    expect(feed.answeredByAi).toBe(2);
    expect(feed.aiNotSure).toBe(2);
    expect(feed.noAiReply).toBe(1);
    expect(feed.reasons).toEqual({ topic: 1, customer_request: 1 });
    expect(byTag.Returns.handoffs).toBe(2);
    expect(byTag.Warranty.handoffs).toBe(1);
    // First response: A 1→3 (2 min), B 19→21 (2 min); resolution: A 15 min, B 4 min.
    expect(byTag.Returns.firstResponseMinutes).toBe(2);
    expect(byTag.Warranty.resolutionMinutes).toBe(15);
  });
});
