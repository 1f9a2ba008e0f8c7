/**
 * HTML to blocks: the page's main text (see main-text.ts), not its menus, header and footer;
 * headings keep their ids as anchors.
 */
import { parseHTML } from './dom';
import { clean, contentRoot, removeChrome, type DomElement } from './main-text';
import { tableSentences } from './table';
import type { Block, ParsedDocument } from './types';

const HEADING = /^H([1-6])$/;
/** Elements whose text is one block when they hold no other block. */
const LEAF_BLOCKS = new Set([
  'P',
  'PRE',
  'LI',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'CAPTION',
  'ADDRESS',
  'SUMMARY',
]);
/** Elements that start a new block. */
const BLOCKS = new Set([
  ...LEAF_BLOCKS,
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'FIGURE',
  'DETAILS',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'FORM',
  'HR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
]);
/** Minimal DOM surface used here (linkedom's nodes satisfy it). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const tagOf = (node: DomNode) => node.nodeName.toUpperCase();
const isSkipped = (tag: string) => tag === 'SCRIPT' || tag === 'STYLE';

function hasBlockChild(el: DomNode): boolean {
  for (const c of Array.from(el.childNodes)) if (c.nodeType === 1 && BLOCKS.has(tagOf(c))) return true;
  return false;
}

const blockInside = new WeakMap<DomNode, boolean>();
/** Whether a block-level element is anywhere inside (a theme's <product-info> or a card's <a> wrapping headings). */
function hasBlockInside(el: DomNode): boolean {
  // Remembered: it is asked of every element on the way down, which would be quadratic in the nesting.
  let has = blockInside.get(el);
  if (has === undefined) {
    has = Array.from(el.childNodes).some((c) => c.nodeType === 1 && (BLOCKS.has(tagOf(c)) || hasBlockInside(c)));
    blockInside.set(el, has);
  }
  return has;
}

/** Elements whose text stands apart from the text around them: line breaks, blocks, table cells. */
const APART = new Set([...BLOCKS, 'BR', 'TD', 'TH']);

/** Two elements side by side with nothing between are two items (a day and its hours in two spans),
 * unless one holds a single character (a word set one span per letter, for an animation). */
const sideBySide = (prev: DomNode | undefined, node: DomNode) =>
  prev?.nodeType === 1 && [prev, node].every((n) => clean(n.textContent ?? '').length > 1);

/**
 * A node's text on one line: a line break, a block inside (a Word table cell's paragraphs) and
 * side-by-side elements are set apart by a space; inline markup is not ("<b>W</b>ord" is one word).
 */
function textOf(node: DomNode): string {
  let out = '';
  const walk = (n: DomNode) => {
    let prev: DomNode | undefined;
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) out += c.textContent ?? '';
      else if (c.nodeType === 1 && !isSkipped(tagOf(c))) {
        const apart = APART.has(tagOf(c)) || sideBySide(prev, c);
        if (apart) out += ' ';
        walk(c);
        if (apart) out += ' ';
      }
      prev = c;
    }
  };
  walk(node);
  return clean(out);
}

/** Whether every piece of text under a node is inside <strong> or <b> (a Word paragraph set in bold). */
function allBold(node: DomNode, inBold: boolean): boolean {
  if (node.nodeType === 3) return inBold || !(node.textContent ?? '').trim();
  if (node.nodeType !== 1) return true;
  const bold = inBold || /^(?:STRONG|B)$/.test(tagOf(node));
  return Array.from(node.childNodes).every((c) => allBold(c, bold));
}

/** Walks a content tree into blocks, in document order. */
export function domToBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let inline = '';
  const flush = () => {
    const t = clean(inline);
    if (t) blocks.push({ kind: 'text', text: t });
    inline = '';
  };
  const visit = (node: DomNode) => {
    if (node.nodeType === 3) {
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = tagOf(node);
    if (isSkipped(tag)) return;
    // An inline element (a <br> too) is text set apart by spaces, unless blocks are inside it (a
    // theme's custom element, a card's <a>): then it is a container like a <div>.
    if (!BLOCKS.has(tag) && !hasBlockInside(node)) {
      inline += ' ' + textOf(node) + ' ';
      return;
    }
    flush();
    const h = HEADING.exec(tag);
    if (h) {
      const text = textOf(node);
      const id = node.getAttribute?.('id') ?? undefined;
      if (text) blocks.push({ kind: 'heading', level: Number(h[1]), text, ...(id ? { anchor: id } : {}) });
      return;
    }
    if (tag === 'TABLE') {
      for (const text of tableText(node)) blocks.push({ kind: 'text', text });
      return;
    }
    if (LEAF_BLOCKS.has(tag) && !hasBlockChild(node)) {
      const text = textOf(node);
      if (text && tag === 'P' && allBold(node, false)) blocks.push({ kind: 'text', text, bold: true });
      else if (text) blocks.push({ kind: 'text', text: tag === 'LI' ? `- ${text}` : text });
      return;
    }
    for (const c of Array.from(node.childNodes)) visit(c);
    flush();
  };
  // The root itself, not only its children: the content root can be one paragraph or table.
  visit(root);
  flush();
  return blocks;
}

/** Columns one cell may span: real tables span a few, and a hostile one would grow the grid by it. */
const MAX_COLSPAN = 20;

/** A span attribute (rowspan, colspan) as a count, within bounds. */
function span(cell: DomNode, name: string, max: number): number {
  const n = Number.parseInt(cell.getAttribute?.(name) ?? '', 10);
  // rowspan="0" spans the rest of the table.
  return Math.min(max, n > 0 ? n : n === 0 && name === 'rowspan' ? max : 1);
}

/**
 * A table's rows as sentences (after its caption). Cells spanning rows or columns are first laid
 * out on a grid, so each cell sits under its column's name. The first row is the header when it
 * is in <thead>, or when each of its cells is empty (a corner), a <th>, or in bold (as Word and
 * Gutenberg make a header).
 */
function tableText(table: DomNode): string[] {
  const captions: string[] = [];
  const rows: { cells: DomNode[]; inHead: boolean }[] = [];
  const collect = (node: DomNode, inHead: boolean) => {
    for (const c of Array.from(node.childNodes)) {
      if (c.nodeType !== 1) continue;
      const tag = tagOf(c);
      if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') collect(c, tag === 'THEAD');
      else if (tag === 'CAPTION') captions.push(textOf(c));
      else if (tag === 'TR') rows.push({ cells: Array.from(c.childNodes).filter((x) => x.nodeType === 1), inHead });
    }
  };
  collect(table, false);
  // The grid: a cell spanning rows fills its column in the rows below; spanning columns, the next columns.
  const grid: (DomNode | undefined)[][] = rows.map(() => []);
  rows.forEach(({ cells }, r) => {
    let col = 0;
    for (const cell of cells) {
      while (grid[r][col]) col++;
      const down = span(cell, 'rowspan', rows.length - r);
      const across = span(cell, 'colspan', MAX_COLSPAN);
      for (let i = 0; i < down; i++) for (let j = 0; j < across; j++) grid[r + i][col + j] = cell;
      col += across;
    }
  });
  const texts = new Map<DomNode, string>();
  const text = (cell: DomNode | undefined) => {
    if (cell && !texts.has(cell)) texts.set(cell, textOf(cell));
    return cell ? texts.get(cell)! : '';
  };
  const bold = (cell: DomNode) => !text(cell) || allBold(cell, false);
  // Bold marks a header only over a row that is not in bold too.
  const boldIsHeader = !rows[1]?.cells.every(bold);
  const first = rows[0]?.cells ?? [];
  const isHeader =
    !!rows[0]?.inHead ||
    (first.some(text) && first.every((c) => !text(c) || tagOf(c) === 'TH' || (boldIsHeader && bold(c))));
  const header = isHeader ? Array.from(grid[0], text) : [];
  // A body cell spanning columns is said once, under its first column's name.
  const body = (isHeader ? grid.slice(1) : grid).map((row) =>
    Array.from(row, (cell, i) => (i > 0 && cell === row[i - 1] ? '' : text(cell))),
  );
  return [...captions.filter(Boolean), ...tableSentences(header, body)];
}

/** Parses an HTML page into its main content's blocks. */
export function parseHtml(html: string, fallbackTitle: string, url?: string): ParsedDocument {
  const { document } = parseHTML(html);
  const pageTitle = clean(document.querySelector('title')?.textContent ?? '');
  let h1 = clean(document.querySelector('h1')?.textContent ?? '');
  const body = document.body as unknown as DomElement | null;
  let blocks: Block[] = [];
  if (body) {
    removeChrome(body);
    // The title is the first h1 of the page's text (a logo in the header can be an h1 too).
    const firstH1 = body.querySelectorAll('h1')[0];
    if (firstH1) h1 = textOf(firstH1);
    let root = contentRoot(body);
    // A table is read whole (its header names each row's cells), even when its body holds most of the page's text.
    while (/^(?:THEAD|TBODY|TFOOT|TR)$/i.test(root.nodeName) && root.parentNode) root = root.parentNode;
    blocks = domToBlocks(root);
    // The page's title heading sometimes sits above the content's container: keep it first.
    if (h1 && !blocks.some((b) => b.kind === 'heading' && b.level === 1)) {
      const id = firstH1?.getAttribute('id');
      blocks.unshift({ kind: 'heading', level: 1, text: h1, ...(id ? { anchor: id } : {}) });
    }
  }
  const title = h1 || pageTitle.split(/\s+[|–—-]\s+/)[0] || fallbackTitle;
  return { title, format: 'html', blocks, ...(url ? { url } : {}) };
}

/** The blocks of an HTML fragment (raw HTML inside Markdown), read as a page's content is. */
export function htmlFragmentBlocks(html: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body ? domToBlocks(document.body as unknown as DomNode) : [];
}

/** Links of a page (absolute, fragment-free), for crawling. */
export function extractLinks(html: string, baseUrl: string): string[] {
  const { document } = parseHTML(html);
  const out = new Set<string>();
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (/^(mailto|tel|javascript|data):/i.test(href)) continue;
    try {
      const u = new URL(href, baseUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      u.hash = '';
      out.add(u.toString());
    } catch {
      // an unparseable href is not a link
    }
  }
  return [...out];
}
