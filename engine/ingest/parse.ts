/**
 * One entry point for every file type: detects the format (magic bytes, then content type, then
 * extension, then a look at the text) and hands the bytes to the right parser.
 */
import { parseQaCsv } from './csv';
import { parseDocx } from './docx';
import { IngestError } from './errors';
import { parseHtml } from './html';
import { checkChars, DEFAULT_PARSE_LIMITS, textLength, type ParseLimits } from './limits';
import { parseMarkdown, parsePlainText } from './markdown';
import { parsePdf } from './pdf';
import type { ParsedDocument, SourceFormat, SourceInput } from './types';

/** Largest source accepted by default (bytes). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ParseOptions {
  maxBytes?: number;
  /** The page's URL, for HTML fetched from the web. */
  url?: string;
  /** Bounds on pages, text and unpacked size (defaults: DEFAULT_PARSE_LIMITS). */
  limits?: Partial<ParseLimits>;
}

const BY_EXTENSION: Record<string, SourceFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  csv: 'csv',
  tsv: 'csv',
  pdf: 'pdf',
  docx: 'docx',
};

const BY_TYPE: Record<string, SourceFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

function extensionOf(filename: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename.split(/[?#]/)[0]);
  return m ? m[1].toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Decodes text with the charset named in the content type (UTF-8 by default). */
export function decodeText(bytes: Uint8Array, contentType?: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Which parser a source needs; throws UNSUPPORTED_TYPE for anything else. */
export function detectFormat(input: SourceInput): SourceFormat {
  const { bytes, filename } = input;
  const ext = extensionOf(filename);
  const type = (input.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'docx' || BY_TYPE[type] === 'docx') return 'docx';
    throw new IngestError(
      'UNSUPPORTED_TYPE',
      `${filename} is an archive (zip, xlsx, pptx…); upload Markdown, text, HTML, PDF, DOCX or CSV`,
      filename,
    );
  }
  if (ext === 'doc' || type === 'application/msword')
    throw new IngestError(
      'UNSUPPORTED_TYPE',
      `${filename} is an old Word .doc file; save it as .docx and upload again`,
      filename,
    );
  const declared =
    BY_TYPE[type] ?? (type === 'text/plain' ? (BY_EXTENSION[ext] ?? 'text') : undefined) ?? BY_EXTENSION[ext];
  if (declared === 'pdf' || declared === 'docx') {
    throw new IngestError(
      'CORRUPT_FILE',
      `${filename} does not look like a ${declared.toUpperCase()} file (its first bytes are wrong)`,
      filename,
    );
  }
  if (declared) return declared;
  // Unknown name and type: accept text, refuse binary.
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) throw new IngestError('UNSUPPORTED_TYPE', `${filename} is not a supported file type`, filename);
  const text = decodeText(head).trimStart().toLowerCase();
  return text.startsWith('<!doctype html') || text.startsWith('<html') ? 'html' : 'text';
}

function hasContent(doc: ParsedDocument): boolean {
  return doc.blocks.some((b) => (b.kind === 'text' ? b.text.trim().length > 0 : b.kind === 'qa'));
}

/** Parses one source into a document; every failure is an IngestError with a code. */
export async function parseSource(input: SourceInput, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const { filename, bytes } = input;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) {
    throw new IngestError(
      'TOO_LARGE',
      `${filename} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${(max / 1048576).toFixed(0)} MB`,
      filename,
    );
  }
  if (!bytes.length) throw new IngestError('EMPTY_CONTENT', `${filename} is empty`, filename);
  const format = detectFormat(input);
  const limits = { ...DEFAULT_PARSE_LIMITS, ...opts.limits };
  // Plain text, Markdown and CSV are measured before any parsing; the others once their text is out.
  const text = () => {
    const t = decodeText(bytes, input.contentType);
    checkChars(filename, t.length, limits.maxChars);
    return t;
  };
  const base =
    filename
      .split(/[\\/]/)
      .pop()!
      .replace(/\.[a-z0-9]+$/i, '') || filename;
  let doc: ParsedDocument;
  try {
    switch (format) {
      case 'pdf':
        doc = await parsePdf(bytes, base, filename, limits.maxPages);
        break;
      case 'docx':
        doc = await parseDocx(bytes, base, filename, limits.maxInflatedBytes);
        break;
      case 'html':
        doc = parseHtml(decodeText(bytes, input.contentType), base, opts.url);
        break;
      case 'csv':
        doc = parseQaCsv(text(), base);
        break;
      case 'markdown':
        doc = parseMarkdown(text(), base);
        break;
      case 'text':
        doc = parsePlainText(text(), base);
        break;
    }
    checkChars(filename, textLength(doc), limits.maxChars);
  } catch (err) {
    if (err instanceof IngestError)
      throw err.source ? err : new IngestError(err.code, err.message, filename, { cause: err });
    throw new IngestError(
      'CORRUPT_FILE',
      `Could not read ${filename}: ${err instanceof Error ? err.message : String(err)}`,
      filename,
      { cause: err },
    );
  }
  if (!hasContent(doc)) {
    throw new IngestError(
      'EMPTY_CONTENT',
      `${filename} has no readable text${format === 'pdf' ? ' (a scanned PDF needs OCR first)' : ''}`,
      filename,
    );
  }
  return opts.url && !doc.url ? { ...doc, url: opts.url } : doc;
}
