/**
 * The visitor asks for their conversation by email: checked here (setting, their own resolved
 * conversation, an address, the limits), recorded as `transcript.requested`; the mail goes out
 * after commit (server/processors/transcript.ts).
 */
import { and, count, eq, gte } from 'drizzle-orm';
import { events, workspaces } from '../../db/schema';
import { TRANSCRIPT_LIMITS, transcriptRefusal } from '../domain/follow-up';
import { readSettings } from '../domain/settings';
import { AppError } from '../errors';
import { visitorConversation, type VisitorRef } from '../queries/visitor-conversation';
import { unitOfWork, type Deps } from './unit';

/** Records the request; returns the address it goes to (the one typed, else the captured one). */
export async function requestTranscript(
  deps: Deps,
  input: VisitorRef & { conversationId: string; email?: string },
  mails: boolean,
): Promise<{ email: string }> {
  return unitOfWork(deps, async (tx, record) => {
    const { conversation: c, contact } = await visitorConversation(tx, input, input.conversationId);
    const [w] = await tx
      .select({ settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, c.workspaceId));
    const refusal = transcriptRefusal(readSettings(w?.settings), c, mails);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    const email = input.email ?? contact.email;
    if (!email) throw new AppError('invalid_input', 'enter the email address to send the conversation to');
    // Counted in the database (the events index covers it), so every instance applies the same limit.
    const since = new Date(deps.now().getTime() - TRANSCRIPT_LIMITS.windowMs);
    const [sent] = await tx
      .select({ n: count() })
      .from(events)
      .where(
        and(
          eq(events.workspaceId, c.workspaceId),
          eq(events.conversationId, c.id),
          eq(events.name, 'transcript.requested'),
          gte(events.createdAt, since),
        ),
      );
    if (sent.n >= TRANSCRIPT_LIMITS.perConversation)
      throw new AppError('rate_limited', 'this conversation was sent a few times already: try again in an hour');
    await record({
      workspaceId: c.workspaceId,
      name: 'transcript.requested',
      conversationId: c.id,
      actorType: 'visitor',
      actorId: input.visitorId,
      data: { email },
    });
    return { email };
  });
}
