/** The inbox over REST: list and read conversations, pick up, assign, resolve, reopen, reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { moveConversation, routeToTeam, sendAgentMessage, type Conversation } from '../commands/conversations';
import { setContactTag, tagConversation, untagConversation } from '../commands/tags';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';
import { ContactDetailOut, presentContact } from '../presenters/contact';
import { ConversationOut, presentConversation } from '../presenters/conversation';
import { presentMessages } from '../presenters/message';
import { roleIn } from '../queries/accounts';
import { getConversation } from '../queries/conversation';
import { contactWithConversations, inbox, withDetails } from '../queries/inbox';
import { assertTeam } from '../queries/workspace';
import { conversationThread } from '../queries/thread';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const ConvParams = Params.extend({ id: z.uuid('id must be a UUID') });

export const conversationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    /** Presents conversations as the inbox lists them. */
    const present = async (rows: Conversation[]) => (await withDetails(deps.db, rows)).map(presentConversation);

    app.get(
      '/api/workspaces/:workspaceId/conversations',
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Conversations by view: waiting (oldest first), mine, open, resolved, all; filter by tag, team, search',
          params: Params,
          querystring: z.object({
            view: z.enum(['waiting', 'mine', 'open', 'resolved', 'all']).default('open'),
            tagId: z.uuid().optional(),
            teamId: z.uuid().optional(),
            q: z.string().trim().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.array(ConversationOut) },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const rows = await inbox(deps.db, { workspaceId: access.workspaceId, userId: access.userId, ...req.query });
        return rows.map(presentConversation);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/conversations/:id',
      {
        schema: {
          tags: ['inbox'],
          summary: 'One conversation with its whole thread (notes and events included)',
          params: ConvParams,
          response: { 200: ConversationOut.extend({ messages: z.array(z.any()) }) },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const t = await conversationThread(deps.db, access.workspaceId, req.params.id);
        return {
          ...presentConversation(t.conversation),
          messages: await presentMessages(deps.db, t.messages, 'agent', t.botName),
        };
      },
    );

    const move = (
      path: string,
      summary: string,
      mv: 'assign' | 'resolve' | 'reopen' | 'unassign',
      opts: { expect?: 'waiting' } = {},
    ) =>
      app.post(
        `/api/workspaces/:workspaceId/conversations/:id/${path}`,
        {
          schema: {
            tags: ['inbox'],
            summary,
            params: ConvParams,
            body: z.object({ assigneeId: z.uuid().optional(), teamId: z.uuid().nullable().optional() }).default({}),
            response: { 200: ConversationOut },
          },
        },
        async (req) => {
          const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
          const actor = access.userId ? { type: 'user' as const, id: access.userId } : { type: 'api' as const };
          if (req.body.teamId) await assertTeam(deps.db, access.workspaceId, req.body.teamId);
          if (path === 'assign' && !req.body.assigneeId && req.body.teamId !== undefined) {
            // To a team only: the chat waits in that team's queue.
            const routed = await routeToTeam(deps, {
              workspaceId: access.workspaceId,
              conversationId: req.params.id,
              teamId: req.body.teamId,
              actor,
            });
            const [out] = await present([routed]);
            return out;
          }
          if (req.body.assigneeId && !(await roleIn(deps.db, access.workspaceId, req.body.assigneeId))) {
            throw new AppError('invalid_input', 'assigneeId: not a member of this workspace');
          }
          if (!access.userId && mv !== 'resolve' && mv !== 'unassign' && !req.body.assigneeId)
            throw new AppError('invalid_input', 'assigneeId is required with an API key');
          const updated = await moveConversation(deps, {
            workspaceId: access.workspaceId,
            conversationId: req.params.id,
            move: mv,
            actor,
            assigneeId: req.body.assigneeId ?? access.userId,
            ...(req.body.teamId !== undefined ? { teamId: req.body.teamId } : {}),
            ...(opts.expect ? { expectStatus: opts.expect } : {}),
          });
          const [out] = await present([updated]);
          return out;
        },
      );
    move('pickup', 'Pick up a waiting chat (atomic: if someone else got it first, 409 already_claimed)', 'assign', {
      expect: 'waiting',
    });
    move(
      'assign',
      "Assign or reassign to a member (assigneeId, default: you), or send to a team's queue (teamId alone)",
      'assign',
    );
    move('unassign', 'Hand the chat back to the queue', 'unassign');
    move('resolve', 'Resolve; the AI answers new questions again', 'resolve');
    move('reopen', 'Reopen a resolved chat and own it', 'reopen');

    app.post(
      '/api/workspaces/:workspaceId/conversations/:id/tags',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Add a tag (a topic tag added by hand teaches the tagger)',
          params: ConvParams,
          body: z.object({ tagId: z.uuid() }),
          response: { 200: ConversationOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        await tagConversation(deps, {
          workspaceId: access.workspaceId,
          conversationId: req.params.id,
          tagId: req.body.tagId,
          userId: access.userId,
        });
        const [out] = await present([await getConversation(deps.db, access.workspaceId, req.params.id)]);
        return out;
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/conversations/:id/tags/:tagId',
      {
        schema: {
          tags: ['inbox'],
          summary: "Remove a tag (removing the AI's tag teaches the tagger)",
          params: ConvParams.extend({ tagId: z.uuid() }),
          response: { 200: ConversationOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        await untagConversation(deps, {
          workspaceId: access.workspaceId,
          conversationId: req.params.id,
          tagId: req.params.tagId,
          userId: access.userId,
        });
        const [out] = await present([await getConversation(deps.db, access.workspaceId, req.params.id)]);
        return out;
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/contacts/:id',
      {
        schema: {
          tags: ['inbox'],
          summary: "A contact's details, tags and past conversations",
          params: ConvParams,
          response: { 200: ContactDetailOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const { contact, tags, conversations } = await contactWithConversations(
          deps.db,
          access.workspaceId,
          req.params.id,
        );
        return {
          ...presentContact(contact),
          tags,
          conversations: conversations.map(presentConversation),
        };
      },
    );

    for (const on of [true, false]) {
      const route = on
        ? '/api/workspaces/:workspaceId/contacts/:id/tags'
        : '/api/workspaces/:workspaceId/contacts/:id/tags/:tagId';
      app.route({
        method: on ? 'POST' : 'DELETE',
        url: route,
        schema: {
          tags: ['inbox'],
          summary: on
            ? 'Tag a contact (VIP, high-value): shown on all their chats, raises queue priority'
            : 'Remove a contact tag',
          params: on ? ConvParams : ConvParams.extend({ tagId: z.uuid() }),
          ...(on ? { body: z.object({ tagId: z.uuid() }) } : {}),
          response: { 204: z.null() },
        },
        handler: async (req, reply) => {
          const params = req.params as { workspaceId: string; id: string; tagId?: string };
          const access = await requireRole(deps, req, params.workspaceId, 'agent');
          const tagId = on ? (req.body as { tagId: string }).tagId : params.tagId!;
          await setContactTag(deps, {
            workspaceId: access.workspaceId,
            contactId: params.id,
            tagId,
            on,
            userId: access.userId,
          });
          return reply.status(204).send(null);
        },
      });
    }

    app.post(
      '/api/workspaces/:workspaceId/conversations/:id/messages',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Reply to the visitor, or add an internal note (note: true, never shown to the visitor)',
          params: ConvParams,
          body: z.object({
            body: z.string().trim().min(1).max(4000),
            note: z.boolean().default(false),
            clientId: z.string().min(1).max(64).optional(),
          }),
          response: { 201: z.any() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        if (!access.userId) throw new AppError('forbidden', 'replies are written by a signed-in member');
        const { message } = await sendAgentMessage(deps, {
          workspaceId: access.workspaceId,
          conversationId: req.params.id,
          userId: access.userId,
          clientId: req.body.clientId ?? `rest:${crypto.randomUUID()}`,
          body: req.body.body,
          note: req.body.note,
        });
        reply.status(201);
        const [wire] = await presentMessages(deps.db, [message], 'agent', '');
        return wire;
      },
    );
  };
