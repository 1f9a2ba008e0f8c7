/** The workspace's knowledge sources: upload files, add a page or a site, type Q&A, re-sync, remove. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Outbound } from '../../net/outbound';
import type { Knowledge } from '../bot/knowledge';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';
import { presentSource, SourceOut } from '../presenters/knowledge-source';
import { sourcesOf } from '../queries/knowledge';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const SourceParams = Params.extend({ id: z.uuid('id must be a UUID') });
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** How to send a file, for a request that sent one some other way (a form, JSON). */
const HOW_TO_UPLOAD =
  "send the file's own bytes as the request body, with its type (e.g. text/csv, application/pdf) or application/octet-stream, and its name as ?name=; form uploads and JSON are not read";

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
    // Any other type (a multipart form, an image) is refused saying what to send instead.
    app.addContentTypeParser('*', (req, _payload, done) =>
      done(
        new AppError(
          'unsupported_type',
          req.url.includes('/knowledge/files') ? HOW_TO_UPLOAD : 'send a JSON body (Content-Type: application/json)',
        ),
      ),
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
        const rows = await sourcesOf(deps.db, access.workspaceId);
        return rows.map(presentSource);
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
        // JSON arrives parsed: stored, it was the text "[object Object]".
        if (req.body !== undefined && !Buffer.isBuffer(req.body) && typeof req.body !== 'string')
          throw new AppError('unsupported_type', HOW_TO_UPLOAD);
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
        return presentSource(source);
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
        const source = await knowledge.addWebSource(access.workspaceId, {
          url: req.body.url,
          crawl,
          maxPages: req.body.maxPages,
        });
        reply.status(202);
        return presentSource(source);
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
        return presentSource(await knowledge.addSource(access.workspaceId, { kind: 'qa', ...req.body }));
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
        return presentSource(source);
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
