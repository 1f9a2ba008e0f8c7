/**
 * Markdown and plain text to blocks. Markdown keeps its heading structure (ATX and setext),
 * with GitHub-style anchors; inline syntax is reduced to its readable text.
 */
import { htmlFragmentBlocks } from './html';
import { tableSentences } from './table';
import type { Block, ParsedDocument } from './types';

/** A GitHub table's delimiter row: `|---|:--:|`. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a table row: outer pipes dropped, split at unescaped pipes. */
function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => stripInline(c.replace(/\\\|/g, '|')));
}

/** GitHub-style heading slug: lowercase, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Gives repeated slugs GitHub's -1, -2 suffixes. */
export function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugify(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  };
}

/**
 * Inline Markdown reduced to plain text: links to their text (autolinks to their address),
 * emphasis, code marks and inline HTML dropped; any other tag (<br>, </td><td>) becomes a space,
 * so the texts on each side stay apart.
 */
export function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^\s>]+|[^\s<>@]+@[^\s<>@]+)>/g, '$1')
    .replace(/<\/?(?:a|abbr|b|code|em|i|kbd|mark|s|small|span|strong|sub|sup|u)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Parses Markdown into heading and text blocks; the first level-1 heading names it. */
export function parseMarkdown(source: string, fallbackTitle: string): ParsedDocument {
  let text = source.replace(/\r\n?/g, '\n');
  let title = '';
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1])?.[1] ?? '';
    text = text.slice(front[0].length);
  }
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const slug = slugger();
  let para: string[] = [];
  const flush = () => {
    const t = stripInline(para.join('\n'));
    const bold = para.length === 1 && /^\s*(\*\*|__)[^*_]+\1\s*:?\s*$/.test(para[0]);
    if (t) blocks.push({ kind: 'text', text: t, ...(bold ? { bold } : {}) });
    para = [];
  };
  const heading = (level: number, raw: string) => {
    flush();
    const t = stripInline(raw.replace(/\s+#+\s*$/, ''));
    if (!t) return;
    if (!title && level === 1) title = t;
    blocks.push({ kind: 'heading', level, text: t, anchor: slug(t) });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s{0,3}(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(fence[1]); i++) code.push(lines[i]);
      if (code.join('').trim()) blocks.push({ kind: 'text', text: code.join('\n') });
      continue;
    }
    // An HTML table (Markdown allows raw HTML) is read as a page's table is.
    if (/^\s{0,3}<table[\s>]/i.test(line)) {
      flush();
      const start = i;
      while (i < lines.length - 1 && !/<\/table>/i.test(lines[i])) i++;
      blocks.push(...htmlFragmentBlocks(lines.slice(start, i + 1).join('\n')));
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line);
    if (atx) {
      heading(atx[1].length, atx[2]);
      continue;
    }
    const next = lines[i + 1] ?? '';
    // A table: a header row, then a delimiter row of as many cells ("Total | Cost" over a setext
    // underline "---" is a heading, not a table).
    if (
      line.includes('|') &&
      next.includes('|') &&
      TABLE_DELIMITER.test(next) &&
      tableCells(next).length === tableCells(line).length
    ) {
      flush();
      const header = tableCells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i].includes('|') && lines[i].trim(); i++) rows.push(tableCells(lines[i]));
      i--;
      for (const text of tableSentences(header, rows)) blocks.push({ kind: 'text', text });
      continue;
    }
    if (para.length === 0 && line.trim() && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*([-*+]|\d+\.)\s/.test(line)) {
      heading(next.trim().startsWith('=') ? 1 : 2, line);
      i++;
      continue;
    }
    if (!line.trim() || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    para.push(line);
  }
  flush();
  return { title: title || fallbackTitle, format: 'markdown', blocks };
}

/** A line of plain text that names what follows: short, no sentence end, in capitals or ending in ":". */
function plainHeading(line: string): 'caps' | 'label' | null {
  const t = line.trim();
  if (!t || t.split(/\s+/).length > 8 || /[.,;!?]$/.test(t)) return null;
  if (/\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t) && /\p{L}{2}/u.test(t)) return 'caps';
  if (/^[^:]{2,50}:$/.test(t)) return 'label';
  return null;
}

/** Small words a title keeps in lower case. */
const MINOR = new Set('a an and as at but by for in of on or the to vs via with'.split(' '));
/** Short everyday words, not initials: "WHO YOU WILL MEET" is "Who You Will Meet". */
const SHORT_WORDS = new Set(
  (
    'all any are ask buy can day do get go had has her him his how is it its may me my new no not now ' +
    'off old one our out own pay per see set she two up use was way we who why yes you'
  ).split(' '),
);

/**
 * A heading typed in capitals as a citation shows it: "STORE POLICIES & FAQ" → "Store Policies &
 * FAQ". Short words that are not small words or everyday words stay in capitals (FAQ, USA, UK).
 */
function titleCase(text: string): string {
  return text.replace(/\p{L}[\p{L}'’]*/gu, (w, i: number) => {
    const lower = w.toLowerCase();
    if (i > 0 && MINOR.has(lower)) return lower;
    if (w.length <= 3 && !MINOR.has(lower) && !SHORT_WORDS.has(lower)) return w;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
}

/**
 * Plain text: paragraphs split at blank lines. A text file has no heading markup, but people
 * write headings anyway: a line in capitals ("SHIPPING") or a label alone on its line
 * ("Wholesale:"), with text under it; both are read as sections of the document. A first line
 * in capitals is its title.
 */
export function parsePlainText(source: string, fallbackTitle: string): ParsedDocument {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let title = '';
  let para: string[] = [];
  const flush = () => {
    const text = para
      .join('\n')
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (text) blocks.push({ kind: 'text', text });
    para = [];
  };
  // The next line with text after each line (one pass back to front: files run to many lines).
  const nextText: (string | undefined)[] = new Array(lines.length);
  for (let i = lines.length - 2; i >= 0; i--) nextText[i] = lines[i + 1].trim() ? lines[i + 1] : nextText[i + 1];
  lines.forEach((line, i) => {
    const kind = plainHeading(line);
    const next = nextText[i];
    const first = !blocks.length && !para.length;
    if (kind === 'caps' && first && next !== undefined) {
      title = titleCase(line.trim());
      blocks.push({ kind: 'heading', level: 1, text: title });
    } else if (kind && next !== undefined && !plainHeading(next)) {
      flush();
      const text = line.trim().replace(/\s*:$/, '');
      blocks.push({ kind: 'heading', level: 2, text: kind === 'caps' ? titleCase(text) : text });
    } else if (!line.trim()) flush();
    else para.push(line);
  });
  flush();
  return { title: title || fallbackTitle, format: 'text', blocks };
}
