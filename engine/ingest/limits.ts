/**
 * Bounds on what one source may cost to read: a hostile or merely huge file is refused with a
 * coded error naming the limit, before it can take the memory or time of a whole server.
 */
import { IngestError } from './errors';
import type { ParsedDocument } from './types';

export interface ParseLimits {
  /** Pages of a PDF. */
  maxPages: number;
  /** Characters of text extracted from one source. */
  maxChars: number;
  /** Bytes a DOCX (a zip) may inflate to, all entries together. */
  maxInflatedBytes: number;
  /** Chunks one source may produce. */
  maxChunks: number;
}

/**
 * Defaults sized for a small shop's real documents with room to spare: a 200-page catalogue
 * (about 0.6 M characters, 1,000 chunks) passes five times over; a 10,000-page PDF does not.
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxPages: 1000,
  maxChars: 5_000_000,
  maxInflatedBytes: 100 * 1024 * 1024,
  maxChunks: 5000,
};

const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

export function tooManyPages(filename: string, pages: number, limit: number): IngestError {
  return new IngestError('TOO_MANY_PAGES', `PDF has ${fmt(pages)} pages; the limit is ${fmt(limit)}`, filename);
}

/** Throws TOO_MUCH_TEXT when `chars` is over the limit. */
export function checkChars(filename: string, chars: number, limit: number): void {
  if (chars > limit)
    throw new IngestError(
      'TOO_MUCH_TEXT',
      `${filename} has ${fmt(chars)} characters of text; the limit is ${fmt(limit)} (split it into several files)`,
      filename,
    );
}

export function tooLargeUnpacked(filename: string, bytes: number, limit: number, exact: boolean): IngestError {
  return new IngestError(
    'TOO_LARGE_UNPACKED',
    `${filename} unpacks to ${exact ? '' : 'more than '}${mb(bytes)}; the limit is ${mb(limit)}`,
    filename,
  );
}

export function tooManyChunks(filename: string, chunks: number, limit: number): IngestError {
  return new IngestError(
    'TOO_MANY_CHUNKS',
    `${filename} makes ${fmt(chunks)} passages; the limit is ${fmt(limit)} (split it into several files)`,
    filename,
  );
}

/** Characters of text in a parsed document. */
export function textLength(doc: ParsedDocument): number {
  let n = 0;
  for (const b of doc.blocks) n += b.kind === 'qa' ? b.answer.length + b.questions.join('').length : b.text.length;
  return n;
}
