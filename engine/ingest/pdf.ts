/**
 * PDF to blocks with unpdf (PDF.js). PDFs carry no heading markup, so headings are read from
 * type size: short lines set clearly larger than the body text, or a little larger and in a font
 * of their own. Page furniture (running headers, footers, page numbers) is dropped, and a
 * paragraph runs on over a page break. Every block links to its page (#page=N, which browsers'
 * PDF viewers follow).
 */
import { getDocumentProxy, getMeta } from 'unpdf';
import { IngestError } from './errors';
import { DEFAULT_PARSE_LIMITS, tooManyPages } from './limits';
import type { Block, ParsedDocument } from './types';

interface Line {
  text: string;
  /** The largest and the smallest type size on the line. */
  size: number;
  low: number;
  /** The font (PDF.js's name for it) most of the line's characters are set in. */
  font: string;
  page: number;
  /** Baseline height on the page (from the bottom), of the line's first text. */
  y: number;
}

/** A PDF.js text item. */
interface Item {
  str: string;
  fontSize: number;
  fontName: string;
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
}

/** A page's text items and the heights of its bottom and top edges. */
interface Page {
  items: Item[];
  bottom: number;
  top: number;
}

/** Every page's text items, with the font of each (unpdf's `extractTextItems` leaves it out). */
async function readPages(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<Page[]> {
  const pages: Page[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { items } = await page.getTextContent();
    const [, y0, , y1] = page.view;
    pages.push({
      bottom: Math.min(y0, y1),
      top: Math.max(y0, y1),
      items: items.flatMap((it) =>
        'str' in it
          ? [
              {
                str: it.str,
                fontSize: Math.hypot(it.transform[2], it.transform[3]),
                fontName: it.fontName,
                hasEOL: it.hasEOL,
                x: it.transform[4],
                y: it.transform[5],
                width: it.width,
              },
            ]
          : [],
      ),
    });
  }
  return pages;
}

/**
 * Lines of each page, with the line's largest and smallest type size and its main font. Items of one line are joined with a
 * space where there is room between them or the next starts back to the left (a footer's page
 * number and its address are two items on one baseline); an item on another baseline starts a
 * line even without an end-of-line mark.
 */
function linesOf(pages: Item[][]): Line[] {
  const lines: Line[] = [];
  pages.forEach((items, p) => {
    let text = '';
    let size = 0;
    let low = Infinity;
    let y = NaN;
    let right = NaN;
    const fonts = new Map<string, number>();
    const end = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      const font = [...fonts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      if (t) lines.push({ text: t, size, low, font, page: p + 1, y });
      text = '';
      size = 0;
      low = Infinity;
      y = NaN;
      fonts.clear();
    };
    for (const it of items) {
      const inked = it.str.trim() !== '';
      if (inked && !Number.isNaN(y) && Math.abs(it.y - y) > Math.max(2, it.fontSize / 2)) end();
      const apart = it.x > right + it.fontSize * 0.15 || it.x < right - 1;
      if (inked && text && !/\s$/.test(text) && !/^\s/.test(it.str) && apart) text += ' ';
      text += it.str;
      if (inked) {
        size = Math.max(size, it.fontSize);
        low = Math.min(low, it.fontSize);
        fonts.set(it.fontName, (fonts.get(it.fontName) ?? 0) + it.str.length);
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

/** Page furniture sits in this share of the page's height at its top or bottom edge. */
const EDGE_BAND = 0.1;

/** A line that is only a page number: "3", "- 3 -", "Page 3", "3 of 12", "3/12". */
const PAGE_NUMBER = /^[-–—\s]*(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\s]*$/i;

/**
 * A page number set off from the rest of its line, as a footer writes it ("Spoke & Chain | Page
 * 1 of 1", "Confidential · Page 3"), not one a sentence mentions ("see page 3 for prices").
 */
const PAGE_MARK = /(?:^|[|•·–—]|\s-)\s*page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*(?:$|[|•·–—]|-\s)/i;

/**
 * The lines without page furniture: a line at a page's top or bottom edge that recurs at that
 * edge on at least half the pages (two at least; digits compared as one, so "Page 1 of 3" and
 * "Page 2 of 3" match; half, as books alternate left- and right-hand headers), then a lone page
 * number outermost at an edge, and a line at an edge that sets a page number off from the rest
 * (PAGE_MARK: a one-page document's footer recurs nowhere). Furniture breaks into a paragraph
 * running over a page and would repeat in every page's chunk.
 */
function dropFurniture(lines: Line[], pages: Page[]): Line[] {
  const edgeOf = (l: Line): 'top' | 'bottom' | null => {
    const { bottom, top } = pages[l.page - 1];
    const band = (top - bottom) * EDGE_BAND;
    return l.y >= top - band ? 'top' : l.y <= bottom + band ? 'bottom' : null;
  };
  const key = (l: Line) => `${edgeOf(l)} ${l.text.toLowerCase().replace(/\d+/g, '0')}`;
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!edgeOf(l)) continue;
    const set = pagesOf.get(key(l)) ?? new Set<number>();
    pagesOf.set(key(l), set.add(l.page));
  }
  const need = Math.max(2, pages.length / 2);
  const kept = lines.filter((l) => !edgeOf(l) || (pagesOf.get(key(l))?.size ?? 0) < need);
  return kept.filter((l) => {
    const edge = edgeOf(l);
    if (edge && PAGE_MARK.test(l.text)) return false;
    if (!edge || !PAGE_NUMBER.test(l.text)) return true;
    return kept.some((o) => o.page === l.page && (edge === 'top' ? o.y > l.y : o.y < l.y));
  });
}

/** Lowercase words of the text, hyphenated compounds whole ("tune-up"). */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/‐/g, '-')
    .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];

/**
 * Joins a line to the text before it. A word broken at a hyphen keeps the hyphen ("tune-" +
 * "up" is "tune-up"), unless the document writes the word whole elsewhere and never with the
 * hyphen ("deliv-" + "ery" is "delivery"), or the hyphen is a soft one. Keeping it is the safer
 * default: Word and Google Docs do not hyphenate words on their own, so at a line end in a
 * shop's document the hyphen is usually the word's own; a syllable break kept by mistake costs
 * one word to search, as a compound joined by mistake ("tuneup") does.
 */
function joinLine(text: string, line: string, words: ReadonlySet<string>): string {
  if (!text) return line;
  if (text.endsWith('\u00ad')) return text.slice(0, -1) + line;
  const a = /([\p{L}\p{N}]+)[-‐]$/u.exec(text)?.[1];
  const b = /^[\p{L}\p{N}]+/u.exec(line)?.[0];
  if (!a || !b) return `${text} ${line}`;
  const whole = `${a}${b}`.toLowerCase();
  if (words.has(whole) && !words.has(`${a}-${b}`.toLowerCase())) return text.slice(0, -1) + line;
  return text + line;
}

/** A line that ends a sentence (or a lead-in to a list). */
const endsSentence = (text: string) => /[.!?:]["'”’)]*$/.test(text);

/** Two wrapped lines of one heading: the same size and font, one under the other on a page. */
const sameHeading = (a: Line, b: Line) =>
  a.page === b.page &&
  Math.round(a.size) === Math.round(b.size) &&
  a.font === b.font &&
  a.y > b.y &&
  a.y - b.y <= a.size * 1.5;

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
    const count = pdf.numPages;
    if (count > maxPages) {
      await pdf.destroy();
      throw tooManyPages(filename, count, maxPages);
    }
    const pages = await readPages(pdf);
    lines = dropFurniture(linesOf(pages.map((p) => p.items)), pages);
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
  // Body size: the size most of the characters are set in; body font: the font most of the
  // body-size characters are set in.
  const tally = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const most = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const bySize = new Map<number, number>();
  for (const l of lines) tally(bySize, Math.round(l.size), l.text.length);
  const body = most(bySize) ?? 0;
  const byFont = new Map<string, number>();
  for (const l of lines) if (Math.round(l.size) === body) tally(byFont, l.font, l.text.length);
  const bodyFont = most(byFont) ?? '';
  const wordCount = (l: Line) => l.text.split(' ').length;
  // A heading is a short line set clearly larger than the body, or (Word's Heading 3: 12 pt bold
  // over 11 pt) a little larger throughout and in a font of its own, ending no sentence.
  const isHeading = (l: Line) =>
    body > 0 &&
    ((l.size >= body * 1.15 && wordCount(l) <= 14 && !/[.,;]$/.test(l.text)) ||
      (l.low >= body * 1.05 && l.font !== bodyFont && wordCount(l) <= 10 && !/[.,;:!?]$/.test(l.text)));
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
  const words = new Set(lines.flatMap((l) => wordsOf(l.text)));
  const blocks: Block[] = [];
  let para = '';
  let paraPage = 1;
  let last: Line | null = null;
  let lastHeading: Line | null = null;
  const flush = () => {
    if (para) blocks.push({ kind: 'text', text: para, anchor: `page=${paraPage}` });
    para = '';
  };
  for (const l of lines) {
    if (isHeading(l)) {
      const prev = blocks.at(-1);
      if (!para && prev?.kind === 'heading' && lastHeading && sameHeading(lastHeading, l))
        prev.text = joinLine(prev.text, l.text, words);
      else {
        flush();
        blocks.push({
          kind: 'heading',
          level: Math.min(6, headingSizes.indexOf(Math.round(l.size)) + 1),
          text: l.text,
          anchor: `page=${l.page}`,
        });
      }
      lastHeading = l;
      continue;
    }
    lastHeading = null;
    // A question set apart from the text above starts a paragraph (an FAQ's next question under
    // the last, long line of an answer).
    const apart = pitch > 0 && last !== null && last.y - l.y > PARAGRAPH_GAP * pitch;
    // So does a question set in a size of its own, or under a line that ends a sentence: an FAQ
    // whose answers each fit on one line has no wrapped lines to measure the line pitch by.
    const ownSize = last !== null && Math.round(last.size) !== Math.round(l.size);
    const afterSentence = last !== null && endsSentence(last.text);
    const question = /\?["'”’)]*$/.test(l.text);
    // A paragraph runs on over a page break unless its last line ends a sentence.
    const newPage = last !== null && l.page !== last.page && afterSentence;
    if (para && (newPage || (question && (apart || ownSize || afterSentence)))) flush();
    if (!para) paraPage = l.page;
    last = l;
    para = joinLine(para, l.text, words);
    // A line ending a sentence and shorter than its neighbours usually ends a paragraph.
    if (/[.!?:]$/.test(l.text) && l.text.length < 60) flush();
  }
  flush();
  const firstH1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const title = metaTitle || (firstH1 && firstH1.kind === 'heading' ? firstH1.text : '') || fallbackTitle;
  return { title, format: 'pdf', blocks };
}
