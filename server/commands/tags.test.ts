/**
 * Tags on conversations and contacts: an agent's correction teaches the workspace's tagger, and a
 * contact-level tag raises the contact's chats in the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { conversations, conversationTags } from '../../db/schema';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { Taggers } from '../bot/tagger';
import { appendMessage, moveConversation } from './conversations';
import { queuePosition } from '../queries/queue';
import { setContactTag, tagConversation, untagConversation } from './tags';
import type { Deps } from './unit';
import { createTag } from './workspace';
import { TAG_PALETTE } from '../../protocol/tag-colours';

describe('conversation and contact tags', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
  });
  afterAll(async () => handle?.close());

  const topic = (workspaceId: string, name: string, examples: string[]) =>
    createTag(deps, workspaceId, {
      name,
      description: '',
      examples,
      needsHuman: false,
      kind: 'topic',
      routeTeamId: null,
      color: '#2563eb',
    });

  it("learns from an agent's correction: the corrected tag is predicted next time for a similar text", async () => {
    const { workspace } = await makeWorkspace(deps);
    const agent = await makeMember(deps, workspace.id);
    const returns = await topic(workspace.id, 'Returns', [
      'I want to return my order',
      'how do I send this back',
      'refund for my purchase',
    ]);
    await topic(workspace.id, 'Shipping', [
      'where is my package',
      'how long does delivery take',
      'tracking number please',
    ]);
    const lessons = await topic(workspace.id, 'Lessons', [
      'I want to learn piano',
      'do you teach beginners',
      'how much is a 30 minute class',
    ]);
    const taggers = new Taggers(deps);
    const stopTaggers = taggers.start();
    const text = 'Is Marcus available on Thursday evenings?';
    const before = (await taggers.topics(workspace.id, text))[0];
    // Before the correction the tagger does not see this as a repair.
    expect(before.tag.name).not.toBe('Lessons');

    const { conversation } = await makeConversation(deps, workspace.id);
    await appendMessage(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      clientId: 'v1',
      authorType: 'visitor',
      body: text,
    });
    await handle.db
      .insert(conversationTags)
      .values({ conversationId: conversation.id, tagId: returns.id, source: 'auto', confidence: 0.5 });
    // The agent removes the AI's wrong tag and adds the right one.
    await untagConversation(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      tagId: returns.id,
      userId: agent.id,
    });
    await tagConversation(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      tagId: lessons.id,
      userId: agent.id,
    });

    await deps.bus.idle();
    const after = await taggers.topics(workspace.id, 'is Marcus available on thursday afternoons?');
    stopTaggers();
    expect(after[0].tag.name).toBe('Lessons');
    expect(after.find((t) => t.tag.name === 'Returns')!.confidence).toBeLessThan(
      before.tag.name === 'Returns' ? before.confidence : 1,
    );
  });

  it('puts a VIP contact ahead in the queue', async () => {
    const { workspace } = await makeWorkspace(deps);
    const vip = await createTag(deps, workspace.id, {
      name: 'VIP',
      description: '',
      examples: [],
      needsHuman: false,
      kind: 'manual',
      routeTeamId: null,
      color: '#ca8a04',
    });
    const first = await makeConversation(deps, workspace.id);
    const second = await makeConversation(deps, workspace.id);
    for (const c of [first, second]) {
      await moveConversation(deps, {
        workspaceId: workspace.id,
        conversationId: c.conversation.id,
        move: 'handoff',
        actor: { type: 'visitor' },
        reason: 'customer_request',
      });
    }
    const position = async (id: string) =>
      queuePosition(handle.db, (await handle.db.select().from(conversations).where(eq(conversations.id, id)))[0]);
    expect(await position(second.conversation.id)).toBe(2);
    await setContactTag(deps, {
      workspaceId: workspace.id,
      contactId: second.contact.id,
      tagId: vip.id,
      on: true,
      userId: null,
    });
    expect(await position(second.conversation.id)).toBe(1);
    expect(await position(first.conversation.id)).toBe(2);
  });

  it('gives each new tag without a colour a different one from the palette', async () => {
    const { workspace } = await makeWorkspace(deps);
    const made = [];
    for (const name of ['Shipping', 'Returns', 'Wholesale'])
      made.push(
        await createTag(deps, workspace.id, {
          name,
          description: '',
          examples: [],
          needsHuman: false,
          kind: 'topic',
          routeTeamId: null,
        }),
      );
    expect(made.map((t) => t.color)).toEqual(TAG_PALETTE.slice(0, 3));
  });
});
