/**
 * PDF to blocks with unpdf (PDF.js). PDFs carry no heading markup, so headings are read from
 * type size: short lines set clearly larger than the body text. Every block links to its page
 * (#page=N, which browsers' PDF viewers follow).
 */
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { IngestError } from './errors';
import { DEFAULT_PARSE_LIMITS, tooManyPages } from './limits';
import type { Block, ParsedDocument } from './types';

interface Line {
  text: string;
  size: number;
  page: number;
  /** Baseline height on the page (from the bottom), of the line's first text. */
  y: number;
}

/** A PDF.js text item, as unpdf gives it. */
interface Item {
  str: string;
  fontSize: number;
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
}

/**
 * Lines of each page, with the largest font size on the line. Items of one line are joined with a
 * space where there is room between them or the next starts back to the left (a footer's page
 * number and its address are two items on one baseline); an item on another baseline starts a
 * line even without an end-of-line mark.
 */
function linesOf(pages: Item[][]): Line[] {
  const lines: Line[] = [];
  pages.forEach((items, p) => {
    let text = '';
    let size = 0;
    let y = NaN;
    let right = NaN;
    const end = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (t) lines.push({ text: t, size, page: p + 1, y });
      text = '';
      size = 0;
      y = NaN;
    };
    for (const it of items) {
      const inked = it.str.trim() !== '';
      if (inked && !Number.isNaN(y) && Math.abs(it.y - y) > Math.max(2, it.fontSize / 2)) end();
      const apart = it.x > right + it.fontSize * 0.15 || it.x < right - 1;
      if (inked && text && !/\s$/.test(text) && !/^\s/.test(it.str) && apart) text += ' ';
      text += it.str;
      if (inked) {
        size = Math.max(size, it.fontSize);
        if (Number.isNaN(y)) y = it.y;
        right = it.x + it.width;
      }
      if (it.hasEOL) end();
    }
    end();
  });
  return lines;
}

/** The smallest value that at least `count` values lie within 1 of (0 when none). */
function commonLeast(values: number[], count: number): number {
  const v = [...values].sort((a, b) => a - b);
  let lo = 0;
  let hi = 0;
  for (const d of v) {
    while (v[lo] < d - 1) lo++;
    while (hi < v.length && v[hi] <= d + 1) hi++;
    if (hi - lo >= count) return d;
  }
  return 0;
}

/** A drop this many times the usual line pitch ends a paragraph. */
const PARAGRAPH_GAP = 1.15;

/**
 * Parses a PDF; throws CORRUPT_FILE when PDF.js cannot read it, TOO_MANY_PAGES (before reading
 * any page) when it has more than `maxPages`.
 */
export async function parsePdf(
  bytes: Uint8Array,
  fallbackTitle: string,
  filename = fallbackTitle,
  maxPages = DEFAULT_PARSE_LIMITS.maxPages,
): Promise<ParsedDocument> {
  let lines: Line[];
  let metaTitle = '';
  try {
    // PDF.js detaches the buffer it is given: pass a copy so the caller's bytes survive.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const pages = pdf.numPages;
    if (pages > maxPages) {
      await pdf.destroy();
      throw tooManyPages(filename, pages, maxPages);
    }
    const { items } = await extractTextItems(pdf);
    lines = linesOf(items);
    const meta = await getMeta(pdf).catch(() => null);
    const t: unknown = meta?.info?.Title;
    metaTitle = typeof t === 'string' ? t.trim() : '';
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(
      'CORRUPT_FILE',
      `${filename} is not a readable PDF (${err instanceof Error ? err.message : String(err)})`,
      filename,
      { cause: err },
    );
  }
  // Body size: the size most of the characters are set in.
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(Math.round(l.size), (bySize.get(Math.round(l.size)) ?? 0) + l.text.length);
  const body = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const isHeading = (l: Line) =>
    body > 0 && l.size >= body * 1.15 && l.text.split(' ').length <= 14 && !/[.,;]$/.test(l.text);
  const headingSizes = [...new Set(lines.filter(isHeading).map((l) => Math.round(l.size)))].sort((a, b) => b - a);
  // Line pitch: the drop from one body line to the next within a paragraph, the smallest drop
  // that is common (a tenth of the drops, at least two: a short FAQ has more paragraph breaks
  // than wrapped lines). A wider drop is space between paragraphs.
  const drops: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.page === b.page && Math.round(a.size) === body && Math.round(b.size) === body && a.y > b.y)
      drops.push(a.y - b.y);
  }
  const pitch = commonLeast(drops, Math.max(2, drops.length / 10));
  const blocks: Block[] = [];
  let para: string[] = [];
  let paraPage = 1;
  let last: Line | null = null;
  const flush = () => {
    if (para.length)
      blocks.push({ kind: 'text', text: para.join(' ').replace(/(\w)- (\w)/g, '$1$2'), anchor: `page=${paraPage}` });
    para = [];
  };
  for (const l of lines) {
    if (isHeading(l)) {
      flush();
      blocks.push({
        kind: 'heading',
        level: Math.min(6, headingSizes.indexOf(Math.round(l.size)) + 1),
        text: l.text,
        anchor: `page=${l.page}`,
      });
      continue;
    }
    // A question set apart from the text above starts a paragraph (an FAQ's next question under
    // the last, long line of an answer).
    const apart = pitch > 0 && last !== null && last.y - l.y > PARAGRAPH_GAP * pitch;
    // So does a question set in a size of its own, or under a line that ends a sentence: an FAQ
    // whose answers each fit on one line has no wrapped lines to measure the line pitch by.
    const ownSize = last !== null && Math.round(last.size) !== Math.round(l.size);
    const afterSentence = last !== null && /[.!?]["'”’)]*$/.test(last.text);
    const question = /\?["'”’)]*$/.test(l.text);
    if (para.length && (l.page !== paraPage || (question && (apart || ownSize || afterSentence)))) flush();
    if (!para.length) paraPage = l.page;
    last = l;
    para.push(l.text);
    // A line ending a sentence and shorter than its neighbours usually ends a paragraph.
    if (/[.!?:]$/.test(l.text) && l.text.length < 60) flush();
  }
  flush();
  const firstH1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const title = metaTitle || (firstH1 && firstH1.kind === 'heading' ? firstH1.text : '') || fallbackTitle;
  return { title, format: 'pdf', blocks };
}
