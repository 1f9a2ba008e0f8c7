/**
 * Push alerts end to end below HTTP: the commands run, the processor reacts after commit, web-push
 * encrypts, and a push service on loopback decrypts with the subscription's own keys. The clock is
 * simulated: the re-alert clock is read with `tick()` at chosen moments, so nothing here waits.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { handoffAlerts, pushSubscriptions, teamMembers, teams } from '../../db/schema';
import { createOutbound } from '../../net/outbound';
import { endpointProblem } from '../../net/web-push';
import { makeConversation, makeDeps, makeMember, makeWorkspace, uid } from '../../tests/factories';
import { testDatabases } from '../../tests/databases';
import { PushService, type Device } from '../../tests/push-service';
import { appendMessage, moveConversation } from '../commands/conversations';
import { subscribePush, updateAlertPrefs, vapidKeys } from '../commands/push';
import type { Deps } from '../commands/unit';
import { updateSettings } from '../commands/workspace';
import { EventBus } from '../events/bus';
import { Alerts } from './alerts';

const silent = pino({ level: 'silent' });

for (const db of testDatabases().filter((d) => d.name !== 'pglite-thread')) {
  describe(`push alerts (${db.name})`, () => {
    let handle: DatabaseHandle;
    let clock = new Date('2026-03-02T12:00:00Z');
    let deps: Deps;
    let push: PushService;
    let smtp: SMTPServer;
    let alerts: Alerts;
    const mails: { to: string[]; data: string }[] = [];
    const outbound = createOutbound({ allowPrivate: true });

    const alertsOn = (d: Deps) =>
      vapidKeys(d.db, null).then(
        (keys) =>
          new Alerts(d, silent, {
            vapid: { ...keys, subject: 'mailto:owner@shop.example' },
            fetch: outbound.fetch,
            sendMail: async (to, subject, text) => {
              const nodemailer = await import('nodemailer');
              const port = (smtp.server.address() as AddressInfo).port;
              await nodemailer
                .createTransport(`smtp://127.0.0.1:${port}`)
                .sendMail({ from: 'bot@shop.example', to, subject, text });
            },
            publicUrl: () => 'http://shop.example',
            intervalMs: 3_600_000, // ticks are called by the tests
          }),
      );

    beforeAll(async () => {
      handle = await db.open();
      deps = makeDeps(handle.db, () => clock);
      push = await new PushService().start();
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, cb) {
          let data = '';
          stream.on('data', (d: Buffer) => (data += d.toString()));
          stream.on('end', () => {
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data: data.replace(/=\r?\n/g, '') });
            cb();
          });
        },
      });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      alerts = await alertsOn(deps);
      alerts.start();
    });
    afterAll(async () => {
      await push?.stop();
      await new Promise<void>((r) => smtp.close(() => r()));
      await outbound.close();
      await handle?.close();
    });

    async function enable(workspaceId: string, userId: string, name: string): Promise<Device> {
      const device = push.subscribe(`${name}-${uid()}`);
      await subscribePush(deps, { workspaceId, userId, endpoint: device.endpoint, keys: device.keys });
      return device;
    }

    async function handoff(workspaceId: string, teamId: string | null = null) {
      const { conversation } = await makeConversation(deps, workspaceId);
      await moveConversation(deps, {
        workspaceId,
        conversationId: conversation.id,
        move: 'handoff',
        actor: { type: 'bot' },
        reason: 'topic',
        card: { summary: 'Wants a custom snare quote' },
        ...(teamId ? { teamId } : {}),
      });
      await deps.bus.idle();
      return conversation;
    }

    it('pushes a handoff to the devices of whoever can take it, and nobody who turned it off or is in quiet hours', async () => {
      push.clear();
      const { workspace, owner } = await makeWorkspace(deps);
      const ws = workspace.id;
      const drummer = await makeMember(deps, ws, 'agent', 'Drummer');
      const guitarist = await makeMember(deps, ws, 'agent', 'Guitarist');
      const muted = await makeMember(deps, ws, 'agent', 'Muted');
      const asleep = await makeMember(deps, ws, 'agent', 'Asleep');
      const [drums] = await deps.db.insert(teams).values({ workspaceId: ws, name: 'Drums' }).returning();
      await deps.db
        .insert(teamMembers)
        .values([drums, drums].map((t, i) => ({ teamId: t.id, userId: [drummer, muted][i].id })));
      const phone = await enable(ws, drummer.id, 'drummer-phone');
      const laptop = await enable(ws, drummer.id, 'drummer-laptop');
      const guitar = await enable(ws, guitarist.id, 'guitarist');
      const ownerPhone = await enable(ws, owner.id, 'owner');
      const mutedPhone = await enable(ws, muted.id, 'muted');
      const asleepPhone = await enable(ws, asleep.id, 'asleep');
      await updateAlertPrefs(deps, { workspaceId: ws, userId: muted.id, patch: { events: { handoff: false } } });
      // 12:00 UTC is 21:00 in Tokyo: inside 20:00–08:00 there.
      await updateAlertPrefs(deps, {
        workspaceId: ws,
        userId: asleep.id,
        patch: { quietHours: { enabled: true, start: '20:00', end: '08:00', timezone: 'Asia/Tokyo' } },
      });

      // Routed to the drum team: only its members who want it.
      const drumChat = await handoff(ws, drums.id);
      await push.until(2);
      expect(push.received.map((r) => r.device).sort()).toEqual([laptop.name, phone.name].sort());
      const got = push.to(phone.name)[0];
      expect(got.vapidOk).toBe(true);
      expect(got.payload).toMatchObject({
        title: 'A customer is waiting for a person',
        body: 'Wants a custom snare quote',
        url: `/app/conversations/${drumChat.id}`,
        event: 'handoff.created',
      });

      // Not routed: everyone who can take it, still not the muted nor the sleeping member.
      push.clear();
      await handoff(ws);
      await push.until(4);
      expect(push.received.map((r) => r.device).sort()).toEqual(
        [phone.name, laptop.name, guitar.name, ownerPhone.name].sort(),
      );
      expect(push.to(mutedPhone.name)).toHaveLength(0);
      expect(push.to(asleepPhone.name)).toHaveLength(0);
    });

    it("pushes an assignment to the assignee (not one's own pick-up) and the visitor's reply to the chat's owner", async () => {
      push.clear();
      const { workspace, owner } = await makeWorkspace(deps);
      const ws = workspace.id;
      const agent = await makeMember(deps, ws, 'agent', 'Sam');
      const phone = await enable(ws, agent.id, 'sam');
      await updateAlertPrefs(deps, { workspaceId: ws, userId: agent.id, patch: { events: { handoff: false } } });
      const chat = await handoff(ws);
      await moveConversation(deps, {
        workspaceId: ws,
        conversationId: chat.id,
        move: 'assign',
        actor: { type: 'user', id: owner.id },
        assigneeId: agent.id,
      });
      await deps.bus.idle();
      await appendMessage(deps, {
        workspaceId: ws,
        conversationId: chat.id,
        clientId: 'v1',
        authorType: 'visitor',
        body: 'Is the 14-inch one in stock?',
      });
      await deps.bus.idle();
      await push.until(2);
      expect(push.to(phone.name).map((r) => r.payload.title)).toEqual([
        'A chat was assigned to you',
        'The customer replied',
      ]);
      expect(push.to(phone.name)[1].payload.body).toBe('Is the 14-inch one in stock?');

      // Sam picks up another chat himself: no push about his own move.
      const other = await handoff(ws);
      await moveConversation(deps, {
        workspaceId: ws,
        conversationId: other.id,
        move: 'assign',
        actor: { type: 'user', id: agent.id },
      });
      await deps.bus.idle();
      expect(push.to(phone.name)).toHaveLength(2);
    });

    it('alerts again past the target, then emails the owner, once each, and stops when picked up', async () => {
      push.clear();
      const { workspace, owner } = await makeWorkspace(deps);
      const ws = workspace.id;
      await updateSettings(deps, ws, { targets: { firstResponseS: 60 } });
      const phone = await enable(ws, owner.id, 'owner');
      const start = clock;
      const at = async (s: number) => {
        clock = new Date(start.getTime() + s * 1000);
        await alerts.tick();
        await deps.bus.idle();
      };
      const chat = await handoff(ws);
      await push.until(1);
      await at(30);
      await at(59);
      expect(push.to(phone.name)).toHaveLength(1);
      await at(61);
      await push.until(2);
      await at(90);
      const toOwner = () => mails.filter((m) => m.to.includes(owner.email));
      expect(toOwner()).toHaveLength(0);
      await at(121);
      await at(500);
      await at(1000);
      expect(push.to(phone.name).map((r) => r.payload.title)).toEqual([
        'A customer is waiting for a person',
        'Still waiting for a person (1 min)',
      ]);
      expect(toOwner()).toHaveLength(1);
      expect(toOwner()[0].data).toContain(`http://shop.example/app/conversations/${chat.id}`);

      // Another chat, picked up in time: its clock stops.
      clock = start;
      const picked = await handoff(ws);
      await moveConversation(deps, {
        workspaceId: ws,
        conversationId: picked.id,
        move: 'assign',
        actor: { type: 'user', id: owner.id },
      });
      await at(2000);
      expect(push.to(phone.name)).toHaveLength(3);
      expect(toOwner()).toHaveLength(1);
      const [row] = await deps.db.select().from(handoffAlerts).where(eq(handoffAlerts.conversationId, picked.id));
      expect(row.dueAt).toBeNull();
      clock = start;
    });

    it('forgets a device whose push service answers 404 or 410, and still reaches the others', async () => {
      push.clear();
      const { workspace, owner } = await makeWorkspace(deps);
      const ws = workspace.id;
      const revoked = await enable(ws, owner.id, 'revoked');
      const expired = await enable(ws, owner.id, 'expired');
      const live = await enable(ws, owner.id, 'live');
      push.gone.set(revoked.name, 410);
      push.gone.set(expired.name, 404);
      await handoff(ws);
      await push.until(1);
      expect(push.to(live.name)).toHaveLength(1);
      const left = await deps.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.workspaceId, ws));
      expect(left.map((s) => s.endpoint)).toEqual([live.endpoint]);
    });

    it('refuses a push endpoint that is not https unless private addresses are allowed', () => {
      expect(endpointProblem('http://127.0.0.1:9/push', false)).toMatch(/https/);
      expect(endpointProblem('file:///etc/passwd', true)).toMatch(/https/);
      expect(endpointProblem('https://fcm.googleapis.com/fcm/send/x', false)).toBeNull();
      expect(endpointProblem('http://127.0.0.1:9/push', true)).toBeNull();
    });

    it('sends nothing to an internal address when private addresses are not allowed', async () => {
      push.clear();
      const { workspace, owner } = await makeWorkspace(deps);
      await enable(workspace.id, owner.id, 'inside');
      const keys = await vapidKeys(deps.db, null);
      const guarded = createOutbound();
      const strict = new Alerts({ ...deps, bus: new EventBus() }, silent, {
        vapid: { ...keys, subject: 'mailto:owner@shop.example' },
        fetch: guarded.fetch,
        sendMail: async () => {},
        publicUrl: () => '',
        intervalMs: 3_600_000,
      });
      const stop = strict.start();
      const bus = (strict as unknown as { deps: Deps }).deps.bus;
      const { conversation } = await makeConversation(deps, workspace.id);
      await moveConversation(
        { ...deps, bus },
        {
          workspaceId: workspace.id,
          conversationId: conversation.id,
          move: 'handoff',
          actor: { type: 'bot' },
        },
      );
      await bus.idle();
      stop();
      await guarded.close();
      expect(push.received).toHaveLength(0);
    });

    it('keeps one VAPID key pair for the installation', async () => {
      const a = await vapidKeys(deps.db, null);
      const b = await vapidKeys(deps.db, null);
      expect(b).toEqual(a);
      const given = webpush.generateVAPIDKeys();
      expect(await vapidKeys(deps.db, given)).toEqual(given);
    });

    it.skipIf(db.name !== 'postgres')(
      'two instances polling one PostgreSQL database send each stage once',
      async () => {
        push.clear();
        const { workspace, owner } = await makeWorkspace(deps);
        const ws = workspace.id;
        await updateSettings(deps, ws, { targets: { firstResponseS: 60 } });
        const phone = await enable(ws, owner.id, 'owner');
        // A second processor with its own bus, on the pool's other connections: ticks run concurrently.
        const other: Deps = { db: handle.db, bus: new EventBus(), now: () => clock };
        const otherAlerts = await alertsOn(other);
        const stopOther = otherAlerts.start();
        const start = clock;
        await handoff(ws);
        await push.until(1);
        for (const s of [61, 61, 130, 130]) {
          clock = new Date(start.getTime() + s * 1000);
          await Promise.all([alerts.tick(), otherAlerts.tick(), alerts.tick(), otherAlerts.tick()]);
          await Promise.all([deps.bus.idle(), other.bus.idle()]);
        }
        stopOther();
        expect(push.to(phone.name)).toHaveLength(2);
        expect(mails.filter((m) => m.to.includes(owner.email))).toHaveLength(1);
        clock = start;
      },
    );
  });
}
