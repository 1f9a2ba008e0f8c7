import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { moveConversation, sendAgentMessage } from '../commands/conversations';
import { visitorState } from './queue';
import type { Deps } from '../commands/unit';
import { updateSettings } from '../commands/workspace';
import { readSettings } from '../domain/settings';
import { estimateWaitS, typicalFirstResponseS } from './wait-estimate';

describe('the honest wait', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let clock = new Date('2026-03-02T10:00:00Z');
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db, () => clock);
  });
  afterAll(() => handle?.close());

  const later = (s: number) => (clock = new Date(clock.getTime() + s * 1000));

  it('scales the place in line by the people online', () => {
    expect(estimateWaitS(null, 1, 1)).toBeNull();
    expect(estimateWaitS(120, null, 1)).toBeNull();
    expect(estimateWaitS(120, 1, 2)).toBe(120);
    expect(estimateWaitS(120, 3, 2)).toBe(240);
    expect(estimateWaitS(120, 3, 0)).toBe(360);
  });

  it("estimates from the team's real first responses and offers email above the threshold", async () => {
    const { workspace } = await makeWorkspace(deps);
    const ws = workspace.id;
    const agent = await makeMember(deps, ws, 'agent', 'Sam');
    expect(await typicalFirstResponseS(deps.db, ws, clock)).toBeNull();
    // Three handoffs answered after 1, 3 and 10 minutes: the median is 3 minutes.
    for (const [i, s] of [60, 180, 600].entries()) {
      const { conversation } = await makeConversation(deps, ws);
      await moveConversation(deps, {
        workspaceId: ws,
        conversationId: conversation.id,
        move: 'handoff',
        actor: { type: 'bot' },
      });
      later(s);
      await sendAgentMessage(deps, {
        workspaceId: ws,
        conversationId: conversation.id,
        userId: agent.id,
        clientId: `r${i}`,
        body: 'Hello!',
        note: false,
      });
    }
    later(60); // past the estimate's cache
    expect(await typicalFirstResponseS(deps.db, ws, clock)).toBe(180);

    await updateSettings(deps, ws, { targets: { offerEmailAboveS: 200 } });
    const settings = readSettings((await updateSettings(deps, ws, {})).settings);
    const config = { exists: true, settings, agentsOnline: 1, mails: true };
    const waitingChat = async () => {
      const { conversation, contact } = await makeConversation(deps, ws);
      const c = await moveConversation(deps, {
        workspaceId: ws,
        conversationId: conversation.id,
        move: 'handoff',
        actor: { type: 'bot' },
      });
      later(1);
      return visitorState(deps, { config, conversation: c, contactId: contact.id });
    };
    const first = await waitingChat();
    expect(first).toMatchObject({ queuePosition: 1, estimateS: 180, offerEmail: false });
    const second = await waitingChat();
    expect(second).toMatchObject({ queuePosition: 2, estimateS: 360, offerEmail: true });
    // Nobody online: the visitor is asked for an email, unless the server cannot send one.
    const { conversation, contact } = await makeConversation(deps, ws);
    const waiting = await moveConversation(deps, {
      workspaceId: ws,
      conversationId: conversation.id,
      move: 'handoff',
      actor: { type: 'bot' },
    });
    const away = { ...config, agentsOnline: 0 };
    const state = (mails: boolean) =>
      visitorState(deps, { config: { ...away, mails }, conversation: waiting, contactId: contact.id });
    expect(await state(true)).toMatchObject({ askEmail: true, offerEmail: true });
    expect(await state(false)).toMatchObject({ askEmail: false, offerEmail: false });
  });
});
