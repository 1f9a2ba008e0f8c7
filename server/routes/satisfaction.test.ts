/** Satisfaction in the tag feed: per tag and per agent, AI-only chats apart, comments, CSV without formulas. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import type { SatisfactionData } from '../../protocol/analytics';
import { signedIn } from '../../tests/app';
import { makeConversation, makeDeps, makeMember, uid } from '../../tests/factories';
import { buildApp } from '../app';
import { moveConversation } from '../commands/conversations';
import { endChat } from '../commands/end-chat';
import { commentOnRating, rateConversation } from '../commands/satisfaction';
import { tagConversation } from '../commands/tags';
import { createTag } from '../commands/workspace';
import type { Deps } from '../commands/unit';

describe('satisfaction report', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    app = await buildApp({
      deps,
    });
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

  it('counts ratings per tag and per agent, AI-only chats apart, with the comments', async () => {
    const workspaceId = owner.workspaceId!;
    const sam = await makeMember(deps, workspaceId, 'agent', 'Sam');
    const tag = await createTag(deps, workspaceId, { name: `=cmd|' /C calc'!A0 ${uid()}` });
    // A chat Sam worked, tagged, rated Bad with a comment.
    const visitorId = `v-${uid()}`;
    const { conversation } = await makeConversation(deps, workspaceId, visitorId);
    const base = { workspaceId, conversationId: conversation.id };
    await moveConversation(deps, { ...base, move: 'assign', actor: { type: 'user', id: sam.id } });
    await tagConversation(deps, { ...base, tagId: tag.id, userId: sam.id });
    await moveConversation(deps, { ...base, move: 'resolve', actor: { type: 'user', id: sam.id } });
    await rateConversation(deps, { ...base, visitorId, rating: 'bad' });
    await commentOnRating(deps, { ...base, visitorId, comment: '=HYPERLINK("http://evil.example")' });
    // An AI-only chat the visitor ended, rated Good.
    const ai = await makeConversation(deps, workspaceId, `v-${uid()}`);
    const aiRef = { workspaceId, conversationId: ai.conversation.id, visitorId: ai.contact.visitorId! };
    await endChat(deps, aiRef);
    await rateConversation(deps, { ...aiRef, rating: 'good' });

    const res = await owner.request('GET', `/api/workspaces/${workspaceId}/analytics/satisfaction`);
    expect(res.statusCode).toBe(200);
    const data = res.json<SatisfactionData>();
    expect(data.human).toMatchObject({ bad: 1, total: 1, goodShare: 0 });
    expect(data.ai).toMatchObject({ good: 1, total: 1, goodShare: 1 });
    expect(data.tags.find((t) => t.tagId === tag.id)).toMatchObject({ human: { bad: 1 }, ai: { total: 0 } });
    expect(data.tags.find((t) => t.tagId === null)).toMatchObject({ ai: { good: 1 } });
    expect(data.agents).toEqual([{ userId: sam.id, name: 'Sam', counts: expect.objectContaining({ bad: 1 }) }]);
    expect(data.comments).toEqual([
      expect.objectContaining({ rating: 'bad', agentName: 'Sam', handledBy: 'human', tags: [tag.name] }),
    ]);

    const csv = await owner.request('GET', `/api/workspaces/${workspaceId}/analytics/satisfaction?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.body).toMatch(/,good,,ai_only,,/);
    expect(csv.body).not.toMatch(/(^|,)"?[=+@-]/m);

    const feed = await owner.request('GET', `/api/workspaces/${workspaceId}/analytics/tag-feed?format=csv`);
    const [header, ...lines] = feed.body.trim().split('\n');
    expect(header).toContain('csat_good,csat_okay,csat_bad');
    expect(lines.find((l) => l.includes('calc'))).toMatch(/,0,0,1,0\.000$/);
  });

  it('lets an admin turn both off, and refuses a bad value', async () => {
    const path = `/api/workspaces/${owner.workspaceId}/settings`;
    const off = await owner.request('PATCH', path, {
      satisfaction: { enabled: false },
      transcript: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().settings).toMatchObject({
      satisfaction: { enabled: false, aiChats: true },
      transcript: { enabled: false },
    });
    expect((await owner.request('PATCH', path, { satisfaction: { enabled: 'no' } })).statusCode).toBe(400);
  });

  it('changes only the sections sent: saving one settings page keeps the others', async () => {
    const path = `/api/workspaces/${owner.workspaceId}/settings`;
    const widget = { botName: 'Riffy', color: '#1d4ed8' };
    const hours = { enabled: true, timezone: 'America/Los_Angeles', days: { '4': { open: '09:00', close: '17:00' } } };
    expect((await owner.request('PATCH', path, { widget, businessHours: hours })).statusCode).toBe(200);
    const handoff = await owner.request('PATCH', path, { handoff: { mode: 'automatic' } });
    expect(handoff.statusCode).toBe(200);
    expect(handoff.json().settings).toMatchObject({ widget, businessHours: hours, handoff: { mode: 'automatic' } });
    const again = await owner.request('PATCH', path, { businessHours: { enabled: false } });
    expect(again.json().settings).toMatchObject({ widget, handoff: { mode: 'automatic' } });
  });

  it('refuses business hours in a time zone that does not exist', async () => {
    const path = `/api/workspaces/${owner.workspaceId}/settings`;
    const res = await owner.request('PATCH', path, { businessHours: { enabled: true, timezone: 'America/Portland' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/"America\/Portland" is not a time zone/);
  });

  it('is for members only', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/workspaces/${owner.workspaceId}/analytics/satisfaction` });
    expect(res.statusCode).toBe(401);
  });
});
