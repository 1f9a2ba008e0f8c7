import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { eq } from 'drizzle-orm';
import { events } from '../../db/schema';
import { acceptInvitation, inviteMember } from '../commands/accounts';
import { updateContact } from '../commands/contacts';
import { moveConversation, sendAgentMessage } from '../commands/conversations';
import type { Deps } from '../commands/unit';
import { Notifier } from './notify';

describe('email notifications (SMTP on loopback)', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let smtp: SMTPServer;
  let smtpUrl: string;
  const mails: { to: string[]; data: string }[] = [];
  let connected = false;

  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (d: Buffer) => (data += d.toString()));
        stream.on('end', () => {
          // Undo quoted-printable soft line breaks so assertions read the text as sent.
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data: data.replace(/=\r?\n/g, '') });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    new Notifier(deps, pino({ level: 'silent' }), {
      smtpUrl,
      from: 'Chatref <bot@shop.example>',
      publicUrl: () => 'http://shop.example',
      visitorConnected: async () => connected,
    }).start();
  });
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    await handle?.close();
  });

  it('emails the admins when a handoff waits and nobody is online', async () => {
    const { workspace, owner } = await makeWorkspace(deps);
    const { conversation } = await makeConversation(deps, workspace.id);
    await moveConversation(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      move: 'handoff',
      actor: { type: 'bot' },
      reason: 'topic',
      card: { summary: 'Wants a custom build quote' },
    });
    await deps.bus.idle();
    const mail = mails.find((m) => m.to.includes(owner.email));
    expect(mail?.data).toMatch(/waiting for a person/);
    expect(mail?.data).toMatch(/Wants a custom build quote/);
    expect(mail?.data).toContain(`http://shop.example/app/conversations/${conversation.id}`);
  });

  it("mails the team's reply to a visitor who left an email and is not in the chat", async () => {
    const { workspace } = await makeWorkspace(deps);
    const agent = await makeMember(deps, workspace.id, 'agent', 'Dana Okafor');
    const { conversation, contact } = await makeConversation(deps, workspace.id);
    await updateContact(deps, {
      workspaceId: workspace.id,
      contactId: contact.id,
      email: 'drummer@example.com',
      actor: 'visitor',
    });
    connected = true;
    await sendAgentMessage(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      userId: agent.id,
      clientId: 'r1',
      body: 'Seen while here',
      note: false,
    });
    connected = false;
    await sendAgentMessage(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      userId: agent.id,
      clientId: 'r2',
      body: 'Your snare is back in stock.',
      note: false,
    });
    await sendAgentMessage(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      userId: agent.id,
      clientId: 'n1',
      body: 'SECRET NOTE',
      note: true,
    });
    await deps.bus.idle();
    const toVisitor = mails.filter((m) => m.to.includes('drummer@example.com'));
    expect(toVisitor).toHaveLength(1);
    expect(toVisitor[0].data).toMatch(/Your snare is back in stock/);
    expect(toVisitor[0].data).toMatch(/Dana Okafor/);
  });

  it('emails an invitation with a link that works, and stores no token in the event', async () => {
    const { workspace, owner } = await makeWorkspace(deps);
    const { invitation, token } = await inviteMember(deps, {
      workspaceId: workspace.id,
      email: 'New.Colleague@example.com',
      role: 'agent',
      invitedBy: owner.id,
    });
    await deps.bus.idle();
    const mail = mails.find((m) => m.to.includes('new.colleague@example.com'));
    expect(mail?.data).toContain(`invited you to ${workspace.name}`);
    // Quoted-printable: "=" is sent as "=3D".
    const text = (mail?.data ?? '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    const link = /http:\/\/shop\.example\/app\/accept\?token=([A-Za-z0-9_%-]+)/.exec(text);
    expect(decodeURIComponent(link?.[1] ?? '')).toBe(token);
    const stored = await deps.db.select().from(events).where(eq(events.workspaceId, workspace.id));
    expect(stored.find((e) => e.name === 'invitation.created')?.data).toEqual({
      invitationId: invitation.id,
      email: 'new.colleague@example.com',
      role: 'agent',
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    // The mailed token is the one that lets the colleague in.
    const joined = await acceptInvitation(deps, { token, name: 'Colleague', password: 'a long passphrase 42' });
    expect(joined.workspaceId).toBe(workspace.id);
  });
});
