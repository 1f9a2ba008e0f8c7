/**
 * Ingesting many sources at once: each source is parsed and chunked on its own, failures become
 * per-source errors (never a failed batch), and progress is reported as it goes.
 */
import type { KnowledgeChunk } from '../retrieve/types';
import { chunkDocument } from './chunk';
import { crawlSite, type CrawlOptions } from './crawl';
import { asIngestError, type IngestError } from './errors';
import { fetchUrl, type FetchOptions } from './fetch';
import { DEFAULT_PARSE_LIMITS, tooManyChunks, type ParseLimits } from './limits';
import { parseSource } from './parse';
import type { ParsedDocument, ProgressCallback, SourceFormat, SourceInput } from './types';

export interface ReadOptions {
  sourceId: string;
  /** The document's address (a fetched page's final URL, a published file's link). */
  url?: string | null;
  maxBytes?: number;
  limits?: Partial<ParseLimits>;
}

/** What reading one source yields: its chunks, under the chunk limit. */
export interface ReadResult {
  title: string;
  format: SourceFormat;
  chunks: KnowledgeChunk[];
}

/** Parses and chunks one source; the server runs this in a worker pool (see server/bot/parser.ts). */
export type SourceReader = (input: SourceInput, opts: ReadOptions) => Promise<ReadResult>;

/** Parses and chunks one source, within the limits; every failure is an IngestError with a code. */
export const readSource: SourceReader = async (input, opts) => {
  const document = await parseSource(input, {
    url: opts.url ?? undefined,
    maxBytes: opts.maxBytes,
    limits: opts.limits,
  });
  const chunks = chunkDocument(document, { sourceId: opts.sourceId, url: opts.url ?? null });
  const max = opts.limits?.maxChunks ?? DEFAULT_PARSE_LIMITS.maxChunks;
  if (chunks.length > max) throw tooManyChunks(input.filename, chunks.length, max);
  return { title: document.title, format: document.format, chunks };
};

export interface IngestResult {
  /** The file name or URL. */
  source: string;
  sourceId: string;
  document?: ParsedDocument;
  chunks: KnowledgeChunk[];
  error?: IngestError;
}

export interface FileSource extends SourceInput {
  sourceId: string;
  /** Where readers can open the file, if it is published somewhere. */
  url?: string;
}

/** Parses and chunks each file; a bad file yields its error, the others go on. */
export async function ingestFiles(
  files: FileSource[],
  opts: { onProgress?: ProgressCallback; maxBytes?: number } = {},
): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (const [i, f] of files.entries()) {
    try {
      const document = await parseSource(f, { maxBytes: opts.maxBytes });
      out.push({
        source: f.filename,
        sourceId: f.sourceId,
        document,
        chunks: chunkDocument(document, { sourceId: f.sourceId, url: f.url ?? null }),
      });
    } catch (err) {
      out.push({ source: f.filename, sourceId: f.sourceId, chunks: [], error: asIngestError(err, f.filename) });
    }
    opts.onProgress?.({ done: i + 1, total: files.length, label: f.filename });
  }
  return out;
}

/**
 * Fetches one page or document by URL and chunks it (with `read`, e.g. in a worker pool; the
 * result then carries no `document`).
 */
export async function ingestUrl(
  url: string,
  sourceId: string,
  opts: FetchOptions & { onProgress?: ProgressCallback; read?: SourceReader } = {},
): Promise<IngestResult> {
  try {
    const src = await fetchUrl(url, opts);
    if (opts.read) {
      const { chunks } = await opts.read(src, { sourceId, url: src.url, maxBytes: opts.maxBytes });
      opts.onProgress?.({ done: 1, total: 1, label: src.url });
      return { source: url, sourceId, chunks };
    }
    const document = await parseSource(src, { url: src.url, maxBytes: opts.maxBytes });
    opts.onProgress?.({ done: 1, total: 1, label: src.url });
    return { source: url, sourceId, document, chunks: chunkDocument(document, { sourceId, url: src.url }) };
  } catch (err) {
    opts.onProgress?.({ done: 1, total: 1, label: url });
    return { source: url, sourceId, chunks: [], error: asIngestError(err, url) };
  }
}

/** Crawls a site (sitemap or links) into one source's chunks, plus each failed page's error. */
export async function ingestSite(
  startUrl: string,
  sourceId: string,
  opts: CrawlOptions = {},
): Promise<{ chunks: KnowledgeChunk[]; pages: number; errors: IngestError[]; disallowed: string[] }> {
  try {
    const crawl = await crawlSite(startUrl, opts);
    const seen = new Set<string>();
    const chunks = crawl.pages
      .flatMap((p) => chunkDocument(p.document, { sourceId, url: p.url }))
      .filter((c) => !seen.has(c.id) && seen.add(c.id));
    return { chunks, pages: crawl.pages.length, errors: crawl.errors, disallowed: crawl.disallowed };
  } catch (err) {
    return { chunks: [], pages: 0, errors: [asIngestError(err, startUrl)], disallowed: [] };
  }
}
