/**
 * Email when nobody is around: the team hears of a handoff that waits with nobody online, and a
 * visitor who left their email gets the team's reply by mail when their chat is not open; an
 * invited colleague gets the link.
 */
import { and, eq, inArray } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { contacts, conversations, memberships, messages, users, workspaces } from '../../db/schema';
import { agentsOnline } from '../queries/queue';
import type { Deps } from '../commands/unit';
import { readSettings } from '../domain/settings';
import type { StoredEvent } from '../events/bus';

export interface MailOptions {
  smtpUrl: string | null;
  from: string;
  publicUrl: () => string;
  /** Is the visitor's chat open in some browser right now? */
  visitorConnected: (conversationId: string) => Promise<boolean>;
}

export class Notifier {
  private readonly transport: Transporter | null;

  constructor(
    private readonly deps: Deps,
    private readonly logger: Logger,
    private readonly opts: MailOptions,
  ) {
    this.transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  }

  start(): () => void {
    const offs = [
      this.deps.bus.on('handoff.created', (e) => this.handoffWaiting(e)),
      this.deps.bus.on('message.created', (e) => this.replyByMail(e)),
      this.deps.bus.on('invitation.created', (e) => this.invitation(e)),
    ];
    return () => offs.forEach((off) => off());
  }

  /** Sends one email (logged and skipped without SMTP); also the alerts' escalation mailer. */
  async send(to: string[], subject: string, text: string, replyTo?: string): Promise<void> {
    if (!this.transport || !to.length) {
      if (to.length) this.logger.info({ to, subject }, 'email not sent: set CHATREF_SMTP_URL to send email');
      return;
    }
    await this.transport.sendMail({ from: this.opts.from, to, subject, text, ...(replyTo ? { replyTo } : {}) });
  }

  private async handoffWaiting(e: StoredEvent): Promise<void> {
    if ((await agentsOnline(this.deps.db, e.workspaceId)) > 0) return;
    const [ws] = await this.deps.db.select().from(workspaces).where(eq(workspaces.id, e.workspaceId));
    if (!ws) return;
    const settings = readSettings(ws.settings);
    let to = settings.notifications.emails;
    if (!to.length) {
      const admins = await this.deps.db
        .select({ email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, ws.id), inArray(memberships.role, ['owner', 'admin'])));
      to = admins.map((a) => a.email);
    }
    const [c] = await this.deps.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, e.conversationId ?? ''));
    const card = (c?.handoffCard ?? {}) as { summary?: string };
    const link = `${this.opts.publicUrl()}/app/conversations/${e.conversationId}`;
    await this.send(
      to,
      `[${ws.name}] A customer is waiting for a person`,
      `A chat was handed to the team (${String(e.data.reason ?? 'handoff')}) and nobody is online.\n\n${card.summary ?? ''}\n\nOpen it: ${link}\n`,
    );
  }

  /** The invitation's link by mail (the token travels with the event in process only). */
  private async invitation(e: StoredEvent): Promise<void> {
    if (!e.secret || typeof e.data.email !== 'string') return;
    const [row] = await this.deps.db
      .select({ workspace: workspaces.name, inviter: users.name })
      .from(workspaces)
      .leftJoin(users, eq(users.id, e.actorId ?? '00000000-0000-0000-0000-000000000000'))
      .where(eq(workspaces.id, e.workspaceId));
    if (!row) return;
    const link = invitationUrl(this.opts.publicUrl(), e.secret);
    await this.send(
      [e.data.email],
      `${row.inviter ?? 'Your team'} invited you to ${row.workspace} on Chatref`,
      `${row.inviter ?? 'Your team'} invited you to answer ${row.workspace}'s customer chats with them on Chatref.\n\nJoin: ${link}\n\nThe link works once and expires in 7 days.\n`,
    );
  }

  private async replyByMail(e: StoredEvent): Promise<void> {
    if (e.actorType !== 'user' || e.data.kind !== 'text' || !e.conversationId) return;
    if (await this.opts.visitorConnected(e.conversationId)) return;
    const [row] = await this.deps.db
      .select({ email: contacts.email, body: messages.body, workspace: workspaces.name, author: users.name })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .innerJoin(workspaces, eq(workspaces.id, messages.workspaceId))
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.id, String(e.data.messageId)));
    if (!row?.email) return;
    await this.send(
      [row.email],
      `${row.workspace}: a reply to your question`,
      `${row.author ?? 'The team'} replied:\n\n${row.body}\n\nYou can answer in the chat on our site; it keeps the whole conversation.\n`,
    );
  }
}

/** The link an invitation opens (the dashboard's accept page). */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/app/accept?token=${encodeURIComponent(token)}`;
}
