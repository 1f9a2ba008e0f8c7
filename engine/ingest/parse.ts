/**
 * One entry point for every file type: detects the format (magic bytes, then content type, then
 * extension, then a look at the text) and hands the bytes to the right parser.
 */
import { titleFromFilename } from './title';
import { parseQaCsv } from './csv';
import { parseDocx } from './docx';
import { IngestError } from './errors';
import { faqSections } from './faq';
import { boldHeadings } from './headings';
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

/**
 * Decodes text as a shop's files come: the charset the content type names, else a byte-order
 * mark (Notepad's "Unicode" is UTF-16), else UTF-8, else Windows-1252 (older editors and
 * exports; the web's own fallback). NUL characters are dropped: no text holds them, and the
 * database refuses them.
 */
export function decodeText(bytes: Uint8Array, contentType?: string): string {
  const named = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const decode = (label: string, fatal = false) => new TextDecoder(label, { fatal }).decode(bytes);
  let text: string | undefined;
  if (named)
    try {
      text = decode(named);
    } catch {
      // An unknown label: read the bytes as if none were named.
    }
  if (text === undefined) {
    if (startsWith(bytes, [0xff, 0xfe])) text = decode('utf-16le');
    else if (startsWith(bytes, [0xfe, 0xff])) text = decode('utf-16be');
    else
      try {
        text = decode('utf-8', true);
      } catch {
        text = windows1252(bytes);
      }
  }
  return text.replaceAll('\u0000', '');
}

/** Windows-1252's characters for the bytes 0x80–0x9f, where it differs from Latin-1 (its five unused bytes stay as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 by hand: Node's TextDecoder reads that label as Latin-1 (the euro sign and quotes are lost). */
function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

/** Formats people upload by mistake, by their first bytes or name: refused with what to do instead. */
const NOT_TEXT: { magic?: number[]; ext: string[]; what: string }[] = [
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], ext: ['rtf'], what: 'a Rich Text (RTF) file; save it as .docx or .txt' }, // {\rtf
  { magic: [0x89, 0x50, 0x4e, 0x47], ext: ['png'], what: 'an image' },
  { magic: [0xff, 0xd8, 0xff], ext: ['jpg', 'jpeg'], what: 'an image' },
  { magic: [0x47, 0x49, 0x46, 0x38], ext: ['gif'], what: 'an image' }, // GIF8
  { ext: ['webp', 'bmp', 'ico', 'heic', 'tif', 'tiff', 'avif'], what: 'an image' },
  { ext: ['mp3', 'mp4', 'mov', 'wav', 'm4a', 'avi', 'webm'], what: 'a sound or video file' },
  { ext: ['xls', 'ppt', 'odt', 'ods', 'odp', 'pages', 'numbers', 'key'], what: 'an office file Chatref cannot read' },
  { ext: ['exe', 'dmg', 'apk', 'bin', 'dll'], what: 'a program' },
];

/** A decoded text that is mostly not text (control characters, undecodable bytes): binary. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (!sample) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Control characters other than tab, line breaks and form feed; undecodable bytes.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0xfffd) odd++;
  }
  return odd / sample.length > 0.02;
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
  const wrong = NOT_TEXT.find((f) => (f.magic && startsWith(bytes, f.magic)) || f.ext.includes(ext));
  if (wrong)
    throw new IngestError(
      'UNSUPPORTED_TYPE',
      `${filename} is ${wrong.what}; upload Markdown, text, HTML, PDF, DOCX or CSV`,
      filename,
    );
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
  // Unknown name and type: accept text, refuse binary (UTF-16 text has NUL bytes; its mark says so).
  const head = bytes.subarray(0, 4096);
  const unicode = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!unicode && head.includes(0))
    throw new IngestError('UNSUPPORTED_TYPE', `${filename} is not a supported file type`, filename);
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
  const decoded = () => {
    const t = decodeText(bytes, input.contentType);
    if (looksBinary(t))
      throw new IngestError(
        'UNSUPPORTED_TYPE',
        `${filename} does not look like text; upload Markdown, text, HTML, PDF, DOCX or CSV`,
        filename,
      );
    return t;
  };
  const text = () => {
    const t = decoded();
    checkChars(filename, t.length, limits.maxChars);
    return t;
  };
  const base = titleFromFilename(
    filename
      .split(/[\\/]/)
      .pop()!
      .replace(/\.[a-z0-9]+$/i, '') || filename,
  );
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
        doc = parseHtml(decoded(), base, opts.url);
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
    if (format !== 'csv') doc = { ...doc, blocks: faqSections(boldHeadings(doc.blocks)) };
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
