/**
 * HTML to blocks: the page's main text (see main-text.ts), not its menus, header and footer;
 * headings keep their ids as anchors.
 */
import { parseHTML } from './dom';
import { contentRoot, removeChrome, type DomElement } from './main-text';
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

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function hasBlockChild(el: DomNode): boolean {
  for (const c of Array.from(el.childNodes)) if (c.nodeType === 1 && BLOCKS.has(c.nodeName.toUpperCase())) return true;
  return false;
}

/** Whether every piece of text under a node is inside <strong> or <b> (a Word paragraph set in bold). */
function allBold(node: DomNode, inBold: boolean): boolean {
  if (node.nodeType === 3) return inBold || !(node.textContent ?? '').trim();
  if (node.nodeType !== 1) return true;
  const bold = inBold || /^(?:STRONG|B)$/.test(node.nodeName.toUpperCase());
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
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') {
      inline += '\n';
      return;
    }
    if (!BLOCKS.has(tag)) {
      if (tag !== 'SCRIPT' && tag !== 'STYLE') inline += ' ' + (node.textContent ?? '') + ' ';
      return;
    }
    flush();
    const h = HEADING.exec(tag);
    if (h) {
      const text = clean(node.textContent ?? '');
      const id = node.getAttribute?.('id') ?? undefined;
      if (text) blocks.push({ kind: 'heading', level: Number(h[1]), text, ...(id ? { anchor: id } : {}) });
      return;
    }
    if (tag === 'TABLE') {
      for (const text of tableText(node)) blocks.push({ kind: 'text', text });
      return;
    }
    if (LEAF_BLOCKS.has(tag) && !hasBlockChild(node)) {
      const text = clean(node.textContent ?? '');
      if (text && tag === 'P' && allBold(node, false)) blocks.push({ kind: 'text', text, bold: true });
      else if (text) blocks.push({ kind: 'text', text: tag === 'LI' ? `- ${text}` : text });
      return;
    }
    for (const c of Array.from(node.childNodes)) visit(c);
    flush();
  };
  for (const c of Array.from(root.childNodes)) visit(c);
  flush();
  return blocks;
}

/** A table's rows as sentences (after its caption); the first row is the header when it is all <th> or in <thead>. */
function tableText(table: DomNode): string[] {
  const captions: string[] = [];
  const rows: { cells: string[]; header: boolean }[] = [];
  const collect = (node: DomNode, inHead: boolean) => {
    for (const c of Array.from(node.childNodes)) {
      if (c.nodeType !== 1) continue;
      const tag = c.nodeName.toUpperCase();
      if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') collect(c, tag === 'THEAD');
      else if (tag === 'CAPTION') captions.push(clean(c.textContent ?? ''));
      else if (tag === 'TR') {
        const cells = Array.from(c.childNodes).filter((x) => x.nodeType === 1);
        rows.push({
          cells: cells.map((x) => clean(x.textContent ?? '')),
          header: inHead || (cells.length > 0 && cells.every((x) => x.nodeName.toUpperCase() === 'TH')),
        });
      }
    }
  };
  collect(table, false);
  const header = rows[0]?.header ? rows[0].cells : [];
  const body = (header.length ? rows.slice(1) : rows).map((r) => r.cells);
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
    if (firstH1) h1 = clean(firstH1.textContent ?? '');
    const root = contentRoot(body);
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
