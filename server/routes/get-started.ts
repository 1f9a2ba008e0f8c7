/** Get started (the first setup's checklist) and Try your assistant (answers without a chat). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AssistantPreview, CoverageReport, GetStartedState } from '../../protocol/onboarding';
import { markAssistantTried } from '../commands/setup';
import type { Deps } from '../commands/unit';
import { requireRole } from '../http/auth';
import { checkCoverage, previewAnswer, type AssistantParts } from '../queries/assistant-preview';
import { getStartedState } from '../queries/get-started';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const Step = z.object({ done: z.boolean() });
const Citation = z.object({ chunkId: z.string(), title: z.string(), url: z.string().nullable() });

const GetStartedOut = z.object({
  done: z.boolean(),
  content: Step.extend({
    sources: z.number(),
    ready: z.number(),
    chunks: z.number(),
    ingesting: z.array(z.object({ id: z.string(), name: z.string(), progress: z.number() })),
    failed: z.array(z.object({ id: z.string(), name: z.string(), error: z.string().nullable() })),
  }),
  assistant: Step.extend({ triedAt: z.string().nullable() }),
  tags: Step.extend({ tags: z.number(), handoffTopics: z.number() }),
  widget: Step.extend({ snippet: z.string(), seen: z.array(z.object({ origin: z.string(), at: z.string() })) }),
  team: Step.extend({ members: z.number(), invitations: z.number() }),
}) satisfies z.ZodType<GetStartedState>;

const PreviewOut = z.object({
  question: z.string(),
  outcome: z.enum(['answer', 'handoff']),
  text: z.string(),
  citations: z.array(Citation),
  confidence: z.number(),
  threshold: z.number(),
  abstained: z.boolean(),
  reason: z.string().nullable(),
  topic: z.string().nullable(),
  offersPerson: z.boolean(),
  smallTalk: z.boolean(),
}) satisfies z.ZodType<AssistantPreview>;

const CoverageOut = z.object({
  asked: z.number(),
  answered: z.number(),
  gaps: z.array(
    z.object({ sourceId: z.string(), source: z.string(), title: z.string(), questions: z.array(z.string()) }),
  ),
}) satisfies z.ZodType<CoverageReport>;

export const getStartedRoutes =
  (deps: Deps, parts: AssistantParts, opts: { publicUrl: () => string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/get-started',
      {
        schema: {
          tags: ['workspace'],
          summary: "The first setup's steps, each done or not from the workspace's real state",
          params: Params,
          response: { 200: GetStartedOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        return getStartedState(deps.db, access.workspaceId, { publicUrl: opts.publicUrl(), now: deps.now() });
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/assistant/try',
      {
        schema: {
          tags: ['knowledge'],
          summary:
            'What a visitor would get for a question (answer, citations, confidence or handoff); no chat is created',
          params: Params,
          body: z.object({
            question: z.string().trim().min(1, 'type a question').max(500, 'keep the question under 500 characters'),
          }),
          response: { 200: PreviewOut },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const preview = await previewAnswer(parts, access.workspaceId, req.body.question);
        await markAssistantTried(deps, access.workspaceId);
        return preview;
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/assistant/coverage',
      {
        schema: {
          tags: ['knowledge'],
          summary:
            "Asks questions made from each document's headings; lists the pages the assistant cannot answer from yet",
          params: Params,
          response: { 200: CoverageOut },
        },
        config: { rateLimit: { max: 6, timeWindow: '1 minute' } },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        return checkCoverage(deps, parts, access.workspaceId);
      },
    );
  };
