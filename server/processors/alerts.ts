/**
 * Alerts that reach a phone: after commit, a handoff pushes to every device of the members who can
 * take the chat (the routed team's, else everyone's), an assignment to the assignee, a visitor's
 * reply to the chat's owner — each as the member's preferences and quiet hours allow. A waiting
 * handoff's clock (server/commands/handoff-alerts.ts) is polled here: its re-alert pushes again,
 * its escalation emails the owner/admins. A device whose push service answers 404/410 is forgotten.
 */
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { conversations } from '../../db/schema';
import type { FetchLike } from '../../net/outbound';
import { sendPush, type Vapid } from '../../net/web-push';
import { claimDueAlerts, openWait } from '../commands/handoff-alerts';
import { dropExpiredSubscription } from '../commands/push';
import type { Deps } from '../commands/unit';
import { wantsPush, type AlertEvent } from '../domain/alert-prefs';
import type { StoredEvent } from '../events/bus';
import { escalationRecipients, pushAudience, whoCanTake } from '../queries/alerts';

/** What the service worker receives (dashboard/public/sw.js shows it; a tap opens `url`). */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  event: string;
  conversationId: string;
}

export interface AlertOptions {
  vapid: Vapid;
  /** The guarded fetcher (internal addresses refused unless the installation allows them). */
  fetch: FetchLike;
  /** The mailer the email notifications use. */
  sendMail: (to: string[], subject: string, text: string) => Promise<void>;
  publicUrl: () => string;
  /** How often the re-alert clock is read. */
  intervalMs?: number;
}

/**
 * How long a chat seen starting (or resuming) with the AI here counts as the AI's without a read:
 * the visitor's messages to the AI then cost no statement (the reply path is counted). A person
 * taking it over on another instance is seen after this at worst.
 */
const KNOWN_BOT_MS = 60_000;
const MOVES = new Set(['handoff.created', 'conversation.assigned', 'conversation.unassigned', 'conversation.reopened']);

export class Alerts {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  /** Chats known to be with the AI, until when (see KNOWN_BOT_MS). */
  private readonly withBot = new Map<string, number>();

  constructor(
    private readonly deps: Deps,
    private readonly logger: Logger,
    private readonly opts: AlertOptions,
  ) {}

  start(): () => void {
    const offs = [
      this.deps.bus.on('handoff.created', (e) => this.handoff(e, false)),
      this.deps.bus.on('handoff.realerted', (e) => this.handoff(e, true)),
      this.deps.bus.on('handoff.escalated', (e) => this.escalate(e)),
      this.deps.bus.on('conversation.assigned', (e) => this.assigned(e)),
      this.deps.bus.on('message.created', (e) => this.reply(e)),
      this.deps.bus.on('*', (e) => this.track(e)),
    ];
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? 5000);
    this.timer.unref();
    void this.tick(); // waits left by a previous run are due now, not after the first interval
    return () => {
      offs.forEach((off) => off());
      if (this.timer) clearInterval(this.timer);
    };
  }

  /** Claims due re-alerts and escalations once; concurrent calls share one pass. */
  tick(): Promise<void> {
    this.ticking ??= claimDueAlerts(this.deps)
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error({ err }, 'could not read the waiting handoffs'))
      .finally(() => (this.ticking = null));
    return this.ticking;
  }

  private link(conversationId: string): string {
    return `${this.opts.publicUrl()}/app/conversations/${conversationId}`;
  }

  private async handoff(e: StoredEvent, again: boolean): Promise<void> {
    if (!e.conversationId) return;
    if (!again) await openWait(this.deps, e.workspaceId, e.conversationId);
    const [c] = await this.deps.db
      .select({ status: conversations.status, card: conversations.handoffCard })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, e.workspaceId), eq(conversations.id, e.conversationId)));
    if (c?.status !== 'waiting') return; // picked up meanwhile
    const summary = (c.card as { summary?: string } | null)?.summary;
    const minutes = Math.max(1, Math.round(Number(e.data.waitedS ?? 0) / 60));
    await this.push(e, await whoCanTake(this.deps.db, e.workspaceId, e.conversationId), 'handoff', {
      title: again ? `Still waiting for a person (${minutes} min)` : 'A customer is waiting for a person',
      body: summary || 'Tap to open the chat and pick it up.',
    });
  }

  private async assigned(e: StoredEvent): Promise<void> {
    const assignee = typeof e.data.assigneeId === 'string' ? e.data.assigneeId : null;
    // Picking a chat up oneself is no news to oneself.
    if (!assignee || !e.conversationId || (e.actorType === 'user' && e.actorId === assignee)) return;
    await this.push(e, [assignee], 'assigned', {
      title: 'A chat was assigned to you',
      body: 'Tap to open it.',
    });
  }

  private track(e: StoredEvent): void {
    if (!e.conversationId) return;
    const now = this.deps.now().getTime();
    if (e.name === 'conversation.created' || e.name === 'conversation.resumed') {
      if (this.withBot.size > 10_000) for (const [id, until] of this.withBot) if (until < now) this.withBot.delete(id);
      this.withBot.set(e.conversationId, now + KNOWN_BOT_MS);
    } else if (MOVES.has(e.name)) {
      this.withBot.delete(e.conversationId);
    }
  }

  private async reply(e: StoredEvent): Promise<void> {
    if (e.actorType !== 'visitor' || e.data.kind !== 'text' || !e.conversationId) return;
    if ((this.withBot.get(e.conversationId) ?? 0) > this.deps.now().getTime()) return;
    const [c] = await this.deps.db
      .select({ status: conversations.status, assigneeId: conversations.assigneeId })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, e.workspaceId), eq(conversations.id, e.conversationId)));
    if (c?.status !== 'human' || !c.assigneeId) return;
    const body = e.message?.body ?? 'Tap to read it.';
    await this.push(e, [c.assigneeId], 'reply', {
      title: 'The customer replied',
      body: body.length > 140 ? `${body.slice(0, 139)}…` : body,
    });
  }

  private async escalate(e: StoredEvent): Promise<void> {
    if (!e.conversationId) return;
    const to = await escalationRecipients(this.deps.db, e.workspaceId);
    const { workspaceName } = await pushAudience(this.deps.db, e.workspaceId, []);
    const minutes = Math.max(1, Math.round(Number(e.data.waitedS ?? 0) / 60));
    await this.opts.sendMail(
      to,
      `[${workspaceName}] A customer has waited ${minutes} min for a person`,
      `A handed-off chat has not been picked up for ${minutes} minutes, past twice the team's target.\n\nOpen it: ${this.link(e.conversationId)}\n`,
    );
  }

  /** Sends to every enabled device of the members who want this event now. */
  private async push(
    e: StoredEvent,
    userIds: string[],
    event: AlertEvent,
    text: { title: string; body: string },
  ): Promise<void> {
    const audience = await pushAudience(this.deps.db, e.workspaceId, userIds);
    const now = this.deps.now();
    const payload: PushPayload = {
      ...text,
      url: `/app/conversations/${e.conversationId}`,
      tag: `chatref-${e.conversationId}`,
      event: e.name,
      conversationId: e.conversationId ?? '',
    };
    const body = JSON.stringify(payload);
    const sends = audience.members
      .filter((m) => wantsPush(m.prefs, event, audience.timezone, now))
      .flatMap((m) => m.devices)
      .map(async (device) => {
        const res = await sendPush(this.opts.fetch, device, body, this.opts.vapid);
        if (res.ok) return;
        if (res.gone) await dropExpiredSubscription(this.deps, device.id);
        else this.logger.warn({ subscription: device.id, error: res.error }, 'push not delivered');
      });
    await Promise.all(sends);
  }
}
