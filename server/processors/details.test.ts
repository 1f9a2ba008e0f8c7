/** Details given after the handoff reach the card and the contact; a person's edit is never overwritten. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { contacts, conversations, events } from '../../db/schema';
import { captureDetails } from '../../engine/conversation/details';
import { makeConversation, makeDeps, makeWorkspace, uid } from '../../tests/factories';
import { appendMessage, moveConversation } from '../commands/conversations';
import { updateContact } from '../commands/contacts';
import type { Deps } from '../commands/unit';
import { startDetailCapture } from './details';

describe('details captured from the whole chat', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let stop: () => void;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    stop = startDetailCapture(deps);
  });
  afterAll(async () => {
    stop?.();
    await handle?.close();
  });

  async function chatHandedOff(before: string[]) {
    const { workspace } = await makeWorkspace(deps);
    const { contact, conversation } = await makeConversation(deps, workspace.id);
    const say = (body: string) =>
      appendMessage(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        clientId: uid(),
        authorType: 'visitor',
        body,
      });
    for (const m of before) await say(m);
    await moveConversation(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      move: 'handoff',
      actor: { type: 'bot' },
      reason: 'topic',
      card: { reason: 'topic', details: captureDetails(before), summary: 's', tried: [], tags: [] },
    });
    await deps.bus.idle();
    const read = async () => {
      await deps.bus.idle();
      const [c] = await deps.db.select().from(conversations).where(eq(conversations.id, conversation.id));
      const [p] = await deps.db.select().from(contacts).where(eq(contacts.id, contact.id));
      return { card: (c.handoffCard as { details: Record<string, unknown> }).details, contact: p };
    };
    return { workspace, contact, conversation, say, read };
  }

  it('a visitor introducing themselves after the handoff fills the card and the contact', async () => {
    const chat = await chatHandedOff(['Do you do wholesale coffee for cafés? We need 20 lb a week']);
    expect((await chat.read()).card).toEqual({ quantity: '20 lb a week' });
    await chat.say("I'm Maria Lopez, maria@bluecafe.example, 864-555-0199");
    const { card, contact } = await chat.read();
    expect(card).toEqual({
      quantity: '20 lb a week',
      name: 'Maria Lopez',
      email: 'maria@bluecafe.example',
      phone: '864-555-0199',
    });
    expect(contact).toMatchObject({ name: 'Maria Lopez', email: 'maria@bluecafe.example', phone: '864-555-0199' });
    const recorded = await deps.db.select().from(events).where(eq(events.conversationId, chat.conversation.id));
    const updated = recorded.filter((e) => e.name === 'contact.updated').at(-1);
    expect(updated).toMatchObject({ actorType: 'bot' });
    expect((updated!.data as { fields: string[] }).fields.sort()).toEqual(['email', 'name', 'phone']);
  });

  it('details given before the handoff reach the contact at the handoff', async () => {
    const chat = await chatHandedOff(["Hi, I'm Sam Reed (sam@lincoln.example). Can you quote 30 violins?"]);
    const { contact } = await chat.read();
    expect(contact).toMatchObject({ name: 'Sam Reed', email: 'sam@lincoln.example' });
  });

  it("never overwrites what a person typed into the contact; the card follows the visitor's latest words", async () => {
    const chat = await chatHandedOff(['Need a quote for 12 cases, I am Jo']);
    await updateContact(deps, {
      workspaceId: chat.workspace.id,
      contactId: chat.contact.id,
      email: 'jo.accounts@example.com',
      actor: 'user',
    });
    await chat.say('you can reach me at jo@personal.example');
    const { card, contact } = await chat.read();
    expect(card.email).toBe('jo@personal.example');
    expect(contact.email).toBe('jo.accounts@example.com');
  });

  it('leaves a chat the bot still has alone (the handoff reads it then)', async () => {
    const { workspace } = await makeWorkspace(deps);
    const { contact, conversation } = await makeConversation(deps, workspace.id);
    await appendMessage(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      clientId: uid(),
      authorType: 'visitor',
      body: 'my email is pat@example.com',
    });
    await deps.bus.idle();
    const [p] = await deps.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(p.email).toBeNull();
  });
});
