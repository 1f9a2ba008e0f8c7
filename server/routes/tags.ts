/** How chats are sorted: a workspace's teams (who takes which chats) and tags (what chats are about). */
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberships, tags, teamMembers, teams } from '../../db/schema';
import type { Tag, Team } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import type { Deps } from '../commands/unit';
import { assertTeam, changeConfig, createTag, createTeam, deleteTag, updateTag } from '../commands/workspace';
import { requireRole } from '../http/auth';

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
        await assertTeam(deps.db, access.workspaceId, req.params.id);
        const members = await deps.db
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(eq(memberships.workspaceId, access.workspaceId));
        const allowed = new Set(members.map((m) => m.userId));
        const memberIds = req.body.memberIds.filter((id) => allowed.has(id));
        await deps.db.transaction(async (tx) => {
          await tx.update(teams).set({ name: req.body.name }).where(eq(teams.id, req.params.id));
          await tx.delete(teamMembers).where(eq(teamMembers.teamId, req.params.id));
          if (memberIds.length)
            await tx.insert(teamMembers).values(memberIds.map((userId) => ({ teamId: req.params.id, userId })));
        });
        return { id: req.params.id, name: req.body.name, memberIds };
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
        // Tags that routed to the team stop routing: a change of the tags for their caches.
        await changeConfig(deps, access.workspaceId, 'tags', (tx) =>
          tx.delete(teams).where(and(eq(teams.id, req.params.id), eq(teams.workspaceId, access.workspaceId))),
        );
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
        const rows = await deps.db
          .select({ id: teams.id, name: teams.name, userId: teamMembers.userId })
          .from(teams)
          .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
          .where(eq(teams.workspaceId, req.params.workspaceId))
          .orderBy(teams.name);
        const byId = new Map<string, z.infer<typeof TeamOut>>();
        for (const r of rows) {
          const t = byId.get(r.id) ?? { id: r.id, name: r.name, memberIds: [] };
          if (r.userId) t.memberIds.push(r.userId);
          byId.set(r.id, t);
        }
        return [...byId.values()];
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
        const members = req.body.memberIds.length
          ? await deps.db
              .select({ userId: memberships.userId })
              .from(memberships)
              .where(eq(memberships.workspaceId, req.params.workspaceId))
          : [];
        const allowed = new Set(members.map((m) => m.userId));
        const memberIds = req.body.memberIds.filter((id) => allowed.has(id));
        const team = await createTeam(deps, req.params.workspaceId, req.body.name, memberIds);
        reply.status(201);
        return { id: team.id, name: team.name, memberIds };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/tags',
      { schema: { tags: ['workspace'], summary: 'Tags', params: WsParams, response: { 200: z.array(TagOut) } } },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'agent');
        return deps.db.select().from(tags).where(eq(tags.workspaceId, req.params.workspaceId)).orderBy(tags.name);
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
