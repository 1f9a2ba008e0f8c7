/** How chats are sorted: a workspace's teams (who takes which chats) and tags (what chats are about). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tag, Team } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import type { Deps } from '../commands/unit';
import { createTag, createTeam, deleteTag, deleteTeam, updateTag, updateTeam } from '../commands/workspace';
import { requireRole } from '../http/auth';
import { tagsOf, teamsOf } from '../queries/workspace';

const WsParams = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const WsItemParams = WsParams.extend({ id: z.uuid('id must be a UUID') });

const tagFields = {
  name: z.string().trim().min(1).max(60),
  description: z.string().max(500),
  examples: z.array(z.string().trim().min(1).max(300)).max(50),
  needsHuman: z.boolean(),
  kind: z.enum(['topic', 'manual']),
  routeTeamId: z.uuid().nullable(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1f6feb'),
};
const TagIn = z.object({
  ...tagFields,
  description: tagFields.description.default(''),
  examples: tagFields.examples.default([]),
  needsHuman: tagFields.needsHuman.default(false),
  kind: tagFields.kind.default('topic'),
  routeTeamId: tagFields.routeTeamId.default(null),
  /** Left out: the next colour no tag of the workspace uses. */
  color: tagFields.color.optional(),
});
/** A change carries any of the fields and leaves the others as they are (so: no defaults). */
const TagChange = z.object(tagFields).partial();
const TagOut = TagIn.extend({ id: z.string(), color: z.string() });
const TeamOut = z.object({ id: z.string(), name: z.string(), memberIds: z.array(z.string()) });
type _TagSameAsProtocol = Expect<Equal<z.infer<typeof TagOut>, Tag>>;
type _TeamSameAsProtocol = Expect<Equal<z.infer<typeof TeamOut>, Team>>;

export const tagRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/api/workspaces/:workspaceId/teams/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Rename a team and set its members',
          params: WsItemParams,
          body: z.object({ name: z.string().trim().min(1).max(60), memberIds: z.array(z.uuid()).max(100) }),
          response: { 200: TeamOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        return updateTeam(deps, {
          workspaceId: access.workspaceId,
          teamId: req.params.id,
          ...req.body,
          by: access.userId,
        });
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/teams/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Delete a team (its chats keep waiting for anyone)',
          params: WsItemParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        await deleteTeam(deps, access.workspaceId, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/teams',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Teams and their members',
          params: WsParams,
          response: { 200: z.array(TeamOut) },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'agent');
        return teamsOf(deps.db, req.params.workspaceId);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/teams',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Create a team',
          params: WsParams,
          body: z.object({ name: z.string().trim().min(1).max(60), memberIds: z.array(z.uuid()).max(100).default([]) }),
          response: { 201: TeamOut },
        },
      },
      async (req, reply) => {
        await requireRole(deps, req, req.params.workspaceId, 'admin');
        const team = await createTeam(deps, req.params.workspaceId, req.body.name, req.body.memberIds);
        reply.status(201);
        return { id: team.id, name: team.name, memberIds: team.memberIds };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/tags',
      { schema: { tags: ['workspace'], summary: 'Tags', params: WsParams, response: { 200: z.array(TagOut) } } },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'agent');
        return tagsOf(deps.db, req.params.workspaceId);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/tags',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Create a tag',
          params: WsParams,
          body: TagIn,
          response: { 201: TagOut },
        },
      },
      async (req, reply) => {
        await requireRole(deps, req, req.params.workspaceId, 'admin');
        reply.status(201);
        return createTag(deps, req.params.workspaceId, req.body);
      },
    );

    app.patch(
      '/api/workspaces/:workspaceId/tags/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Change a tag',
          params: WsItemParams,
          body: TagChange,
          response: { 200: TagOut },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'admin');
        return updateTag(deps, req.params.workspaceId, req.params.id, req.body);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/tags/:id',
      { schema: { tags: ['workspace'], summary: 'Delete a tag', params: WsItemParams, response: { 204: z.null() } } },
      async (req, reply) => {
        await requireRole(deps, req, req.params.workspaceId, 'admin');
        await deleteTag(deps, req.params.workspaceId, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
