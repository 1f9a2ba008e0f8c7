/** A workspace's settings, members, invitations, presence and API keys (teams and tags: tags.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_KEY_SCOPES } from '../../protocol/scopes';
import {
  changeMember,
  createApiKey,
  inviteMember,
  removeMember,
  revokeApiKey,
  withdrawInvitation,
} from '../commands/accounts';
import type { Deps } from '../commands/unit';
import { updateSettings } from '../commands/workspace';
import { invitationUrl } from '../processors/notify';
import { requireRole } from '../http/auth';
import { AppError } from '../errors';
import { ApiKeyOut, presentApiKey } from '../presenters/api-key';
import { presentWorkspace, WorkspaceOut } from '../presenters/workspace';
import { roleIn } from '../queries/accounts';
import { apiKeysOf, getWorkspace, membersOf, pendingInvitations, presenceOf } from '../queries/workspace';

const WsParams = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const WsItemParams = WsParams.extend({ id: z.uuid('id must be a UUID') });
const Role = z.enum(['owner', 'admin', 'agent']);

export const workspaceRoutes =
  (deps: Deps, opts: { publicUrl: () => string; emailsInvitations?: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId',
      {
        schema: {
          tags: ['workspace'],
          summary: 'The workspace and its settings',
          params: WsParams,
          response: { 200: WorkspaceOut },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'agent');
        return presentWorkspace(await getWorkspace(deps.db, req.params.workspaceId));
      },
    );

    app.patch(
      '/api/workspaces/:workspaceId/settings',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Change settings (handoff mode and thresholds, routing, widget, business hours); sections merge',
          params: WsParams,
          // Partial: a section not sent is kept as it is (an enum-keyed z.record lists every key).
          body: z.partialRecord(
            z.enum([
              'handoff',
              'routing',
              'widget',
              'businessHours',
              'notifications',
              'satisfaction',
              'transcript',
              'targets',
            ]),
            z.unknown(),
          ),
          response: { 200: WorkspaceOut },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'admin');
        return presentWorkspace(await updateSettings(deps, req.params.workspaceId, req.body));
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/members',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Members and their roles',
          params: WsParams,
          response: { 200: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: Role })) },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'agent');
        return membersOf(deps.db, req.params.workspaceId);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/invitations',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Invite a member; the link is returned once (and mailed to them when SMTP is configured)',
          params: WsParams,
          body: z.object({ email: z.email(), role: z.enum(['admin', 'agent']).default('agent') }),
          response: {
            201: z.object({
              id: z.string(),
              email: z.string(),
              role: Role,
              url: z.string(),
              createdAt: z.string(),
              expiresAt: z.string(),
              emailed: z.boolean(),
            }),
          },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        const { invitation, token } = await inviteMember(deps, {
          ...req.body,
          workspaceId: access.workspaceId,
          invitedBy: access.userId,
        });
        reply.status(201);
        return {
          id: invitation.id,
          email: invitation.email,
          role: invitation.role,
          url: invitationUrl(opts.publicUrl(), token),
          createdAt: invitation.createdAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
          emailed: opts.emailsInvitations ?? false,
        };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/presence',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Who is online, with their open chats and cap',
          params: WsParams,
          response: {
            200: z.array(
              z.object({
                userId: z.string(),
                status: z.enum(['online', 'away', 'offline']),
                capacity: z.number(),
                open: z.number(),
              }),
            ),
          },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'agent');
        return presenceOf(deps.db, req.params.workspaceId);
      },
    );

    app.patch(
      '/api/workspaces/:workspaceId/members/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: "Change a member's role or chat cap",
          params: WsItemParams,
          body: z.object({
            role: z.enum(['admin', 'agent']).optional(),
            capacity: z.number().int().min(1).max(50).optional(),
          }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        const target = await roleIn(deps.db, access.workspaceId, req.params.id);
        if (!target) throw new AppError('not_found', 'no such member');
        if (target === 'owner' && req.body.role) throw new AppError('forbidden', "the owner's role cannot be changed");
        await changeMember(deps, {
          workspaceId: access.workspaceId,
          userId: req.params.id,
          ...req.body,
          changedBy: access.userId,
        });
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/members/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Remove a member (not the owner)',
          params: WsItemParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        const target = await roleIn(deps.db, access.workspaceId, req.params.id);
        if (!target) throw new AppError('not_found', 'no such member');
        if (target === 'owner') throw new AppError('forbidden', 'the owner cannot be removed');
        await removeMember(deps, { workspaceId: access.workspaceId, userId: req.params.id, removedBy: access.userId });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/invitations',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Pending invitations',
          params: WsParams,
          response: {
            200: z.array(
              z.object({ id: z.string(), email: z.string(), role: Role, createdAt: z.string(), expiresAt: z.string() }),
            ),
          },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        const rows = await pendingInvitations(deps.db, access.workspaceId, deps.now());
        return rows.map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          createdAt: i.createdAt.toISOString(),
          expiresAt: i.expiresAt.toISOString(),
        }));
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/invitations/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Withdraw an invitation',
          params: WsItemParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        await withdrawInvitation(deps, {
          workspaceId: access.workspaceId,
          invitationId: req.params.id,
          withdrawnBy: access.userId,
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/api-keys',
      {
        schema: {
          tags: ['workspace'],
          summary: 'API keys (without their secret)',
          params: WsParams,
          response: { 200: z.array(ApiKeyOut) },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'admin');
        const rows = await apiKeysOf(deps.db, req.params.workspaceId);
        return rows.map(presentApiKey);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/api-keys',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Create an API key with the scopes it may use (default: read); the key is shown once',
          params: WsParams,
          body: z.object({
            name: z.string().trim().min(1).max(60),
            scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'choose at least one scope').default(['read']),
          }),
          response: { 201: ApiKeyOut.extend({ key: z.string() }) },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        if (!access.userId) throw new AppError('forbidden', 'API keys cannot create API keys');
        const { key, apiKey } = await createApiKey(deps, {
          workspaceId: access.workspaceId,
          name: req.body.name,
          createdBy: access.userId,
          scopes: req.body.scopes,
        });
        reply.status(201);
        return { ...presentApiKey(apiKey), key };
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/api-keys/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Revoke an API key',
          params: WsItemParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        await revokeApiKey(deps, access.workspaceId, req.params.id, access.userId);
        return reply.status(204).send(null);
      },
    );
  };
