/** The inbox over REST: list and read conversations, pick up, assign, resolve, reopen, reply. */
import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contacts, contactTags, conversations, conversationTags, messages, tags } from '../../db/schema';
import {
  getConversation,
  messagesAfter,
  moveConversation,
  routeToTeam,
  sendAgentMessage,
} from '../commands/conversations';
import { roleIn } from '../commands/accounts';
import { queuePosition } from '../queries/queue';
import { assertTeam } from '../commands/workspace';
import { setContactTag, tagConversation, untagConversation } from '../commands/tags';
import type { Deps } from '../commands/unit';
import { getWorkspace } from '../commands/workspace';
import { readSettings } from '../domain/settings';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';
import { presentMessages } from '../presenters/message';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const ConvParams = Params.extend({ id: z.uuid('id must be a UUID') });
const Status = z.enum(['bot', 'waiting', 'human', 'resolved']);

const ConversationOut = z.object({
  id: z.string(),
  status: Status,
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  handoffReason: z.string().nullable(),
  handoffCard: z.record(z.string(), z.unknown()).nullable(),
  queuePosition: z.number().nullable(),
  waitingSince: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSeq: z.number(),
  priority: z.number(),
  contact: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }),
  tags: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      color: z.string(),
      source: z.enum(['auto', 'manual', 'contact']),
      confidence: z.number().nullable(),
    }),
  ),
  preview: z.string().nullable(),
});
type ConversationOut = z.infer<typeof ConversationOut>;

export const conversationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    /** Presents conversations with their contact, tags and last message, in three queries. */
    const present = async (rows: (typeof conversations.$inferSelect)[]): Promise<ConversationOut[]> => {
      if (!rows.length) return [];
      const ids = rows.map((r) => r.id);
      const contactRows = await deps.db
        .select()
        .from(contacts)
        .where(inArray(contacts.id, [...new Set(rows.map((r) => r.contactId))]));
      const tagRows = await deps.db
        .select({
          conversationId: conversationTags.conversationId,
          id: tags.id,
          name: tags.name,
          color: tags.color,
          source: conversationTags.source,
          confidence: conversationTags.confidence,
        })
        .from(conversationTags)
        .innerJoin(tags, eq(tags.id, conversationTags.tagId))
        .where(inArray(conversationTags.conversationId, ids));
      const contactTagRows = await deps.db
        .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
        .from(contactTags)
        .innerJoin(tags, eq(tags.id, contactTags.tagId))
        .where(inArray(contactTags.contactId, [...new Set(rows.map((r) => r.contactId))]));
      // The preview: the last thing a person said (the visitor or the team), not the bot's words:
      // in the queue, what the visitor asked reads better than the bot's answer or its goodbye.
      const last = await deps.db
        .selectDistinctOn([messages.conversationId], { conversationId: messages.conversationId, body: messages.body })
        .from(messages)
        .where(and(inArray(messages.conversationId, ids), eq(messages.kind, 'text'), ne(messages.authorType, 'bot')))
        .orderBy(messages.conversationId, desc(messages.seq));
      const out: ConversationOut[] = [];
      for (const c of rows) {
        const contact = contactRows.find((x) => x.id === c.contactId);
        out.push({
          id: c.id,
          status: c.status,
          assigneeId: c.assigneeId,
          teamId: c.teamId,
          handoffReason: c.handoffReason,
          handoffCard: c.handoffCard,
          queuePosition: await queuePosition(deps.db, c),
          waitingSince: c.waitingSince?.toISOString() ?? null,
          createdAt: c.createdAt.toISOString(),
          updatedAt: c.updatedAt.toISOString(),
          lastSeq: c.lastSeq,
          priority: c.priority,
          contact: { id: c.contactId, name: contact?.name ?? null, email: contact?.email ?? null },
          tags: [
            ...contactTagRows
              .filter((t) => t.contactId === c.contactId)
              .map(({ contactId: _c, ...t }) => ({ ...t, source: 'contact' as const, confidence: null })),
            ...tagRows.filter((t) => t.conversationId === c.id).map(({ conversationId: _c, ...t }) => t),
          ],
          preview: last.find((l) => l.conversationId === c.id)?.body.slice(0, 140) ?? null,
        });
      }
      return out;
    };

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
        const { view, tagId, teamId, q, limit } = req.query;
        const where: (SQL | undefined)[] = [eq(conversations.workspaceId, access.workspaceId)];
        if (view === 'waiting') where.push(eq(conversations.status, 'waiting'));
        if (view === 'mine')
          where.push(
            and(
              eq(conversations.status, 'human'),
              eq(conversations.assigneeId, access.userId ?? '00000000-0000-0000-0000-000000000000'),
            ),
          );
        if (view === 'open') where.push(inArray(conversations.status, ['waiting', 'human']));
        if (view === 'resolved') where.push(eq(conversations.status, 'resolved'));
        if (teamId) where.push(eq(conversations.teamId, teamId));
        if (tagId)
          where.push(
            sql`exists (select 1 from ${conversationTags} ct where ct.conversation_id = ${conversations.id} and ct.tag_id = ${tagId})`,
          );
        if (q) {
          const like = `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
          where.push(
            or(
              sql`exists (select 1 from ${messages} m where m.conversation_id = ${conversations.id} and m.body ilike ${like})`,
              sql`exists (select 1 from ${contacts} c where c.id = ${conversations.contactId} and (c.name ilike ${like} or c.email ilike ${like}))`,
            ),
          );
        }
        const order =
          view === 'waiting'
            ? [desc(conversations.priority), asc(conversations.waitingSince)]
            : [desc(conversations.updatedAt)];
        const rows = await deps.db
          .select()
          .from(conversations)
          .where(and(...where))
          .orderBy(...order)
          .limit(limit);
        return present(rows);
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
        const c = await getConversation(deps.db, access.workspaceId, req.params.id);
        const rows = await messagesAfter(deps.db, {
          workspaceId: access.workspaceId,
          conversationId: c.id,
          afterSeq: 0,
          audience: 'agent',
          limit: 2000,
        });
        const botName = readSettings((await getWorkspace(deps.db, access.workspaceId)).settings).widget.botName;
        const [out] = await present([c]);
        return { ...out, messages: await presentMessages(deps.db, rows, 'agent', botName) };
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
          response: {
            200: z.object({
              id: z.string(),
              name: z.string().nullable(),
              email: z.string().nullable(),
              phone: z.string().nullable(),
              notes: z.string(),
              attributes: z.record(z.string(), z.string()),
              tags: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
              conversations: z.array(ConversationOut),
            }),
          },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const [contact] = await deps.db
          .select()
          .from(contacts)
          .where(and(eq(contacts.id, req.params.id), eq(contacts.workspaceId, access.workspaceId)));
        if (!contact) throw new AppError('not_found', 'no such contact');
        const ctags = await deps.db
          .select({ id: tags.id, name: tags.name, color: tags.color })
          .from(contactTags)
          .innerJoin(tags, eq(tags.id, contactTags.tagId))
          .where(eq(contactTags.contactId, contact.id));
        const convs = await deps.db
          .select()
          .from(conversations)
          .where(eq(conversations.contactId, contact.id))
          .orderBy(desc(conversations.createdAt))
          .limit(50);
        return {
          id: contact.id,
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          notes: contact.notes,
          attributes: contact.attributes,
          tags: ctags,
          conversations: await present(convs),
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
