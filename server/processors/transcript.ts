/**
 * Sends the transcript a visitor asked for (`transcript.requested`, checked and limited by
 * server/commands/transcript.ts) through the SMTP server the installation is configured with.
 */
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { workspaces } from '../../db/schema';
import { messagesAfter } from '../queries/thread';
import type { Deps } from '../commands/unit';
import { readSettings } from '../domain/settings';
import { isVisibleTo } from '../domain/visibility';
import type { StoredEvent } from '../events/bus';
import { presentTranscript } from '../presenters/transcript';
import { presentMessages } from '../presenters/message';

export function startTranscripts(
  deps: Deps,
  logger: Logger,
  mail: { smtpUrl: string | null; from: string },
): () => void {
  const transport: Transporter | null = mail.smtpUrl ? nodemailer.createTransport(mail.smtpUrl) : null;

  const send = async (e: StoredEvent) => {
    const to = typeof e.data.email === 'string' ? e.data.email : null;
    if (!to || !e.conversationId) return;
    if (!transport) {
      logger.info({ conversationId: e.conversationId }, 'transcript not sent: set CHATREF_SMTP_URL to send email');
      return;
    }
    const [w] = await deps.db.select().from(workspaces).where(eq(workspaces.id, e.workspaceId));
    if (!w) return;
    const botName = readSettings(w.settings).widget.botName;
    // Read whole, then cut to what the visitor sees when presenting: names are resolved from the
    // full meta (who joined) before the visitor's view of it drops the ids.
    const rows = await messagesAfter(deps.db, {
      workspaceId: e.workspaceId,
      conversationId: e.conversationId,
      afterSeq: 0,
      audience: 'agent',
      limit: 5000,
    });
    const seen = rows.filter((m) => isVisibleTo(m, 'visitor'));
    const messages = await presentMessages(deps.db, seen, 'visitor', botName);
    const email = presentTranscript({ workspaceName: w.name, botName, messages });
    await transport.sendMail({ from: mail.from, to, ...email });
  };

  return deps.bus.on('transcript.requested', send);
}
