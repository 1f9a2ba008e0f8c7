/**
 * Ingesting many sources at once: each source is parsed and chunked on its own, failures become
 * per-source errors (never a failed batch), and progress is reported as it goes.
 */
import type { KnowledgeChunk } from '../retrieve/types';
import { chunkDocument } from './chunk';
import { crawlSite, type CrawlOptions } from './crawl';
import { asIngestError, type IngestError } from './errors';
import { fetchUrl, type FetchOptions } from './fetch';
import { parseSource } from './parse';
import type { ParsedDocument, ProgressCallback, SourceInput } from './types';

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

/** Fetches one page or document by URL and chunks it. */
export async function ingestUrl(
  url: string,
  sourceId: string,
  opts: FetchOptions & { onProgress?: ProgressCallback } = {},
): Promise<IngestResult> {
  try {
    const src = await fetchUrl(url, opts);
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
