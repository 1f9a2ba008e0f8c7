/**
 * Ingestion failures as values with stable codes: each source of a batch fails on its own, with
 * a message an admin can act on, and never takes the batch down.
 */

export const INGEST_ERROR_CODES = [
  'UNSUPPORTED_TYPE',
  'EMPTY_CONTENT',
  'TOO_LARGE',
  'CORRUPT_FILE',
  'INVALID_CSV',
  'INVALID_URL',
  'FETCH_FAILED',
  'FETCH_TIMEOUT',
  'HTTP_ERROR',
  'ROBOTS_DISALLOWED',
  'BLOCKED_ADDRESS',
  'TOO_MANY_PAGES',
  'TOO_MUCH_TEXT',
  'TOO_LARGE_UNPACKED',
  'TOO_MANY_CHUNKS',
  'PARSE_TIMEOUT',
  'PARSE_OUT_OF_MEMORY',
] as const;

export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    /** The file name or URL the error is about. */
    readonly source?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IngestError';
  }

  toJSON(): { code: IngestErrorCode; message: string; source?: string } {
    return { code: this.code, message: this.message, ...(this.source ? { source: this.source } : {}) };
  }
}

/** Any thrown value as an IngestError (unknown failures become CORRUPT_FILE for `source`). */
export function asIngestError(err: unknown, source?: string): IngestError {
  if (err instanceof IngestError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new IngestError('CORRUPT_FILE', `Could not read ${source ?? 'the source'}: ${detail}`, source, { cause: err });
}
