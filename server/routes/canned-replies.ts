/** Canned replies, shared by the workspace's members: list, add, change, remove, import. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createCannedReply,
  deleteCannedReply,
  importCannedReplies,
  updateCannedReply,
} from '../commands/canned-replies';
import type { Deps } from '../commands/unit';
import { requireRole } from '../http/auth';
import { CannedReplyOut, presentCannedReply } from '../presenters/canned-reply';
import { listCannedReplies } from '../queries/canned-replies';

const WsParams = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const ItemParams = WsParams.extend({ id: z.uuid('id must be a UUID') });
const fields = {
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .transform((s) => s.replace(/^\//, ''))
    .pipe(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a shortcut is 1–40 letters, digits, "-" or "_", like "shipping-times"'),
    ),
  body: z.string().trim().min(1, 'write the reply').max(4000),
};

export const cannedReplyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/canned-replies',
      {
        schema: {
          tags: ['inbox'],
          summary: "The workspace's canned replies (shared by every member)",
          params: WsParams,
          response: { 200: z.array(CannedReplyOut) },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        return (await listCannedReplies(deps.db, access.workspaceId)).map(presentCannedReply);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/canned-replies',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Add a canned reply',
          params: WsParams,
          body: z.object(fields),
          response: { 201: CannedReplyOut },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const row = await createCannedReply(deps, {
          ...req.body,
          workspaceId: access.workspaceId,
          userId: access.userId,
        });
        reply.status(201);
        return presentCannedReply(row);
      },
    );

    app.patch(
      '/api/workspaces/:workspaceId/canned-replies/:id',
      {
        schema: {
          tags: ['inbox'],
          summary: "Change a canned reply's shortcut or text",
          params: ItemParams,
          body: z.object(fields).partial(),
          response: { 200: CannedReplyOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const row = await updateCannedReply(deps, {
          ...req.body,
          id: req.params.id,
          workspaceId: access.workspaceId,
          userId: access.userId,
        });
        return presentCannedReply(row);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/canned-replies/:id',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Remove a canned reply',
          params: ItemParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        await deleteCannedReply(deps, { id: req.params.id, workspaceId: access.workspaceId, userId: access.userId });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/canned-replies/import',
      {
        schema: {
          tags: ['inbox'],
          summary: 'Import replies a browser kept locally before they were shared (bodies already there are skipped)',
          params: WsParams,
          body: z.object({ bodies: z.array(fields.body).max(100) }),
          response: { 200: z.array(CannedReplyOut) },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const rows = await importCannedReplies(deps, {
          bodies: req.body.bodies,
          workspaceId: access.workspaceId,
          userId: access.userId,
        });
        return rows.map(presentCannedReply);
      },
    );
  };
