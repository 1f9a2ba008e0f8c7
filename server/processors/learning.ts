/**
 * What the team taught: after an agent's reply is committed, the chat's question–reply pairs are
 * remembered as candidate answers (server/commands/learned-answers.ts).
 */
import type { Logger } from 'pino';
import { learnFromReplies } from '../commands/learned-answers';
import type { Deps } from '../commands/unit';

export function startLearning(deps: Deps, logger: Logger): () => void {
  return deps.bus.on('message.created', async (e) => {
    if (e.actorType !== 'user' || e.data.kind !== 'text' || !e.conversationId) return;
    await learnFromReplies(deps, { workspaceId: e.workspaceId, conversationId: e.conversationId }).catch(
      (err: unknown) => logger.error({ err, conversationId: e.conversationId }, 'learning from a reply failed'),
    );
  });
}
