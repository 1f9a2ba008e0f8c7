/**
 * The widget's follow-up after a resolve: end an AI chat, "How did we do?" (rating, then an
 * optional comment) and the transcript by email. The visitor is the one their signed token names
 * (socket.data), never one named in a payload.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';
import { FollowUp, Rate, RateComment, TranscriptRequest } from '../../protocol/schemas';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import { endChat } from '../commands/end-chat';
import { visitorState } from '../queries/queue';
import { commentOnRating, rateConversation } from '../commands/satisfaction';
import { requestTranscript } from '../commands/transcript';
import type { Deps } from '../commands/unit';
import { TRANSCRIPT_LIMITS } from '../domain/follow-up';
import { clientAddress } from '../http/client-address';
import { followUpState } from '../queries/follow-up';
import { on, type HandlerOptions } from './handler';

/** Registers the handlers on each visitor socket; the transcript limiters are shared by all of them. */
export function visitorFollowUp(
  deps: Deps,
  opts: {
    handler: HandlerOptions;
    settings: WorkspaceCache<WorkspaceConfig>;
    trustProxy?: number;
    /** Whether this server can send email: without, no transcript is offered or taken. */
    mails?: boolean;
  },
) {
  const windowS = TRANSCRIPT_LIMITS.windowMs / 1000;
  // A typed address could be anyone's: a client address and a workspace send only so many.
  const transcriptHandler: HandlerOptions = {
    ...opts.handler,
    limiters: [
      ...opts.handler.limiters,
      {
        key: (s) => `ip:${clientAddress(s.request, opts.trustProxy ?? 0)}`,
        limiter: new RateLimiterMemory({ points: TRANSCRIPT_LIMITS.perIp, duration: windowS }),
      },
      {
        key: (s) => `w:${(s.data as { workspaceId: string }).workspaceId}`,
        limiter: new RateLimiterMemory({ points: TRANSCRIPT_LIMITS.perWorkspace, duration: windowS }),
      },
    ],
  };

  return (socket: Socket, visitor: { workspaceId: string; visitorId: string }): void => {
    const ref = { workspaceId: visitor.workspaceId, visitorId: visitor.visitorId };
    const mails = opts.mails ?? false;
    on(socket, 'followup', FollowUp, opts.handler, ({ conversationId }) =>
      followUpState(deps.db, ref, conversationId, mails),
    );
    on(socket, 'end', FollowUp, opts.handler, async ({ conversationId }) => {
      const conversation = await endChat(deps, { ...ref, conversationId });
      return visitorState(deps, {
        config: await opts.settings.get(ref.workspaceId),
        conversation,
        contactId: conversation.contactId,
      });
    });
    on(socket, 'rate', Rate, opts.handler, async ({ conversationId, rating }) => {
      await rateConversation(deps, { ...ref, conversationId, rating });
      return followUpState(deps.db, ref, conversationId, mails);
    });
    on(socket, 'rate-comment', RateComment, opts.handler, async ({ conversationId, comment }) => {
      await commentOnRating(deps, { ...ref, conversationId, comment });
      return followUpState(deps.db, ref, conversationId, mails);
    });
    on(socket, 'transcript', TranscriptRequest, transcriptHandler, (input) =>
      requestTranscript(deps, { ...ref, ...input }, mails),
    );
  };
}
