/** Ingestion: files, pages and sites into knowledge chunks. */
export { parseSource, detectFormat, DEFAULT_MAX_BYTES, type ParseOptions } from './parse';
export { chunkDocument, contentHash, type ChunkOptions } from './chunk';
export { fetchUrl, fetchDocument, USER_AGENT, type FetchLike, type FetchOptions, type FetchedSource } from './fetch';
export { crawlSite, parseSitemap, type CrawlOptions, type CrawlResult } from './crawl';
export { parseRobots, type Robots } from './robots';
export { parseCsv, parseQaCsv } from './csv';
export {
  ingestFiles,
  ingestUrl,
  ingestSite,
  readSource,
  type FileSource,
  type IngestResult,
  type ReadOptions,
  type ReadResult,
  type SourceReader,
} from './batch';
export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits';
export { IngestError, INGEST_ERROR_CODES, asIngestError, type IngestErrorCode } from './errors';
export type { Block, ParsedDocument, Progress, ProgressCallback, SourceFormat, SourceInput } from './types';
