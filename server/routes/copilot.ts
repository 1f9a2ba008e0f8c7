/**
 * The agent's copilot over REST: a conversation's suggested reply, summary and suggested tags;
 * handing a chat back to the AI; the owner's review of what the team taught.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handBackToAi } from '../commands/hand-back';
import { removeLearnedAnswer } from '../commands/learned-answers';
import type { Deps } from '../commands/unit';
import { requireRole } from '../http/auth';
import { presentCopilot, presentLearnedAnswer } from '../presenters/copilot';
import { learnedAnswersOf } from '../queries/learned-answers';
import { copilotFor, type CopilotSources } from '../queries/suggestion';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const ConvParams = Params.extend({ id: z.uuid('id must be a UUID') });
const Citation = z.object({ chunkId: z.string(), title: z.string(), url: z.string().nullable() });
const CopilotOut = z.object({
  conversationId: z.string(),
  question: z.string().nullable(),
  basedOnSeq: z.number(),
  suggestion: z.object({
    kind: z.enum(['team', 'content', 'none']),
    text: z.string(),
    confidence: z.number(),
    citations: z.array(Citation),
    learned: z.object({ id: z.string(), question: z.string() }).nullable(),
    empty: z.enum(['no_question', 'no_material', 'no_match']).nullable(),
    writtenBy: z.enum(['engine', 'model']),
  }),
  summary: z.object({
    text: z.string(),
    tried: z.array(z.string()),
    details: z.record(z.string(), z.string()),
    long: z.boolean(),
  }),
  suggestedTags: z.array(z.object({ id: z.string(), name: z.string(), confidence: z.number() })),
});
const LearnedOut = z.object({
  id: z.string(),
  conversationId: z.string(),
  question: z.string(),
  answer: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
});

export const copilotRoutes =
  (
    deps: Deps,
    sources: CopilotSources,
    passageUrl: (workspaceId: string, chunkId: string) => string | null,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/conversations/:id/copilot',
      {
        schema: {
          tags: ['inbox'],
          summary: "The suggested reply to the visitor's latest question, the thread's summary, suggested tags",
          params: ConvParams,
          response: { 200: CopilotOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const view = await copilotFor(deps, sources, access, req.params.id);
        return presentCopilot(view, passageUrl, access.workspaceId);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/conversations/:id/hand-back',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Hand the chat back to the AI without resolving it; the AI answers the next question',
          params: ConvParams,
          response: { 200: z.object({ id: z.string(), status: z.string() }) },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const c = await handBackToAi(deps, {
          workspaceId: access.workspaceId,
          conversationId: req.params.id,
          actor: access.userId ? { type: 'user', id: access.userId } : { type: 'api' },
        });
        return { id: c.id, status: c.status };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/learned-answers',
      {
        schema: {
          tags: ['knowledge'],
          summary: "What the team taught: agents' replies remembered as answers (customers' details removed)",
          params: Params,
          response: { 200: z.array(LearnedOut) },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        return (await learnedAnswersOf(deps.db, access.workspaceId)).map(presentLearnedAnswer);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/learned-answers/:id',
      {
        schema: {
          tags: ['knowledge'],
          summary: 'Remove a learned answer: it is never suggested again',
          params: ConvParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        await removeLearnedAnswer(deps, {
          workspaceId: access.workspaceId,
          id: req.params.id,
          actor: access.userId ? { type: 'user', id: access.userId } : { type: 'api' },
        });
        return reply.status(204).send(null);
      },
    );
  };
