/** The workspace's knowledge sources: upload files, add a page or a site, type Q&A, re-sync, remove. */
import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { knowledgeSources } from '../../db/schema';
import type { Outbound } from '../../net/outbound';
import type { Knowledge, Source } from '../bot/knowledge';
import type { KnowledgeSource } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const SourceParams = Params.extend({ id: z.uuid('id must be a UUID') });
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const SourceOut = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  uri: z.string().nullable(),
  status: z.enum(['pending', 'ingesting', 'ready', 'error']),
  error: z.string().nullable(),
  progress: z.number(),
  chunkCount: z.number(),
  createdAt: z.string(),
  syncedAt: z.string().nullable(),
});
type _SameAsProtocol = Expect<Equal<z.infer<typeof SourceOut>, KnowledgeSource>>;
const present = (s: Source): z.infer<typeof SourceOut> => ({
  id: s.id,
  kind: s.kind,
  name: s.name,
  uri: s.uri,
  status: s.status,
  error: s.error,
  progress: s.progress,
  chunkCount: s.chunkCount,
  createdAt: s.createdAt.toISOString(),
  syncedAt: s.syncedAt?.toISOString() ?? null,
});

const HttpUrl = z.url({ protocol: /^https?$/, error: 'use an http(s) URL' }).max(2000);

export const knowledgeRoutes =
  (deps: Deps, knowledge: Knowledge, outbound: Pick<Outbound, 'refusal'>): FastifyPluginAsyncZod =>
  async (app) => {
    // Uploads arrive as the file's raw bytes (the dashboard sends the File as the body).
    app.addContentTypeParser(
      [
        'application/octet-stream',
        'application/pdf',
        'text/markdown',
        'text/plain',
        'text/html',
        'text/csv',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/api/workspaces/:workspaceId/knowledge/sources',
      {
        schema: {
          tags: ['knowledge'],
          summary: 'Sources with status, progress, chunk count and errors',
          params: Params,
          response: { 200: z.array(SourceOut) },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const rows = await deps.db
          .select()
          .from(knowledgeSources)
          .where(eq(knowledgeSources.workspaceId, access.workspaceId))
          .orderBy(desc(knowledgeSources.createdAt));
        return rows.map(present);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/knowledge/files',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ['knowledge'],
          summary:
            'Upload a file (Markdown, text, HTML, PDF, DOCX, Q&A CSV) as the raw request body; ?name= gives its file name',
          params: Params,
          querystring: z.object({ name: z.string().trim().min(1).max(200) }),
          response: { 201: SourceOut },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        // A view of the body, not a copy (up to 20 MB on the server's thread).
        const bytes = Buffer.isBuffer(req.body)
          ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.length)
          : new TextEncoder().encode(String(req.body ?? ''));
        const source = await knowledge.addSource(access.workspaceId, {
          kind: 'file',
          name: req.query.name,
          bytes,
          contentType: req.headers['content-type'],
        });
        reply.status(201);
        return present(source);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/knowledge/web',
      {
        schema: {
          tags: ['knowledge'],
          summary:
            'Add a web page, or a whole site (crawl: true, or a sitemap URL): same host, robots.txt respected, bounded',
          params: Params,
          body: z.object({
            url: HttpUrl,
            crawl: z.boolean().default(false),
            maxPages: z.number().int().min(1).max(500).default(50),
          }),
          response: { 202: SourceOut },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        // Refused now when the host is internal; fetching checks every hop again (redirects, DNS).
        const refused = await outbound.refusal(req.body.url);
        if (refused) throw new AppError('blocked_address', refused);
        const crawl = req.body.crawl || /sitemap[^/]*\.xml$/i.test(req.body.url);
        const [source] = await deps.db
          .insert(knowledgeSources)
          .values({
            workspaceId: access.workspaceId,
            kind: crawl ? 'crawl' : 'url',
            name: req.body.url,
            uri: req.body.url,
            status: 'ingesting',
          })
          .returning();
        // Sites take a while: ingest in the background; the source's status and progress tell how far.
        void knowledge.ingest(
          source,
          crawl
            ? { kind: 'crawl', url: req.body.url, maxPages: req.body.maxPages }
            : { kind: 'url', url: req.body.url },
        );
        reply.status(202);
        return present(source);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/knowledge/qa',
      {
        schema: {
          tags: ['knowledge'],
          summary: 'Add a Q&A entry (with other ways to ask it)',
          params: Params,
          body: z.object({
            question: z.string().trim().min(3).max(500),
            answer: z.string().trim().min(1).max(5000),
            alternates: z.array(z.string().trim().min(3).max(500)).max(30).default([]),
          }),
          response: { 201: SourceOut },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        reply.status(201);
        return present(await knowledge.addSource(access.workspaceId, { kind: 'qa', ...req.body }));
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/knowledge/sources/:id/resync',
      {
        schema: {
          tags: ['knowledge'],
          summary: 'Re-read a web source (in the background: watch its status and progress)',
          params: SourceParams,
          response: { 202: SourceOut },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        const { source } = await knowledge.resync(access.workspaceId, req.params.id);
        reply.status(202);
        return present(source);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/knowledge/sources/:id',
      {
        schema: {
          tags: ['knowledge'],
          summary: 'Remove a source and its chunks',
          params: SourceParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        await knowledge.removeSource(access.workspaceId, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
