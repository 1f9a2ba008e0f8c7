/**
 * CSV to blocks. The parser follows RFC 4180 (quoted fields with commas, doubled quotes and line
 * breaks; CRLF or LF; a UTF-8 BOM) and sniffs `;` or tab delimiters.
 *
 * A CSV of questions and answers becomes Q&A blocks. Column roles come from the words of the
 * header when there is one (question / answer / alternates / category / url: "Customer question",
 * "Our reply", "Topic"), otherwise: question, answer, then alternate phrasings. Phrasings inside
 * one cell may be separated by `|` or line breaks.
 *
 * Any other table with a header (a product list, a price list, a shop platform's export) is what
 * it says: one section per row, titled by its name column, its other cells as a sentence each
 * after its column's name ("Price: $24; Weight: 250 g."), so "how much is the Kenya AA?" finds
 * the row. Read as questions and answers, a product export was its slugs asking for its titles.
 */
import { IngestError } from './errors';
import { tableSentences } from './table';
import type { Block, ParsedDocument } from './types';

/** Parses CSV text into rows of fields. */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const d = delimiter ?? sniffDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
    } else if (ch === d) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new IngestError('INVALID_CSV', 'The CSV has a quoted field that never ends (a missing closing ")');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The delimiter among , ; and tab that splits the first line most. */
function sniffDelimiter(src: string): string {
  const first = src.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

type Role = 'question' | 'alternate' | 'answer' | 'category' | 'url' | 'ignore';

/** A header's words, in lower case, without a note in brackets ("Answer (HTML)", "customerQuestion"). */
function labelWords(header: string): string[] {
  return header
    .replace(/\([^)]*\)/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const QUESTION_WORD = /^(?:questions?|faqs?|quer(?:y|ies)|prompts?)$/;
const ANSWER_WORD = /^(?:answers?|repl(?:y|ies)|responses?)$/;
const ALTERNATE_WORD = /^(?:alts?|alternates?|alternatives?|variants?|phrasings?|synonyms?|paraphrases?)$/;
/** Words before "questions" that make them further phrasings ("Other questions", "alternate_questions"). */
const ALTERNATE_MODIFIER = /^(?:alts?|alternate|alternative|other|more|similar|additional|extra)$/;
const CATEGORY_WORD = /^(?:categor(?:y|ies)|topics?|sections?|groups?)$/;
const URL_WORD = /^(?:url|uri|link|source|href)s?$/;
/** Words after a label's head that do not change what it is ("Answer text", "Question 2", "answer_en"). */
const QUALIFIER = /^(?:\d+|text|body|content|html|markdown|name|title|label|value|string|en|fr|de|es|it|nl|pt)$/;

/**
 * A column's role, from the head word of its header (its last, past a qualifier): "Our reply" is
 * an answer and "Customer question" a question, while "Response time" or "Question ID" is neither.
 */
function roleOf(header: string): Role {
  if (header.trim() === '') return 'alternate';
  const words = labelWords(header);
  if (!words.length || words.length > 5) return 'ignore';
  if (words.length === 1 && words[0] === 'a') return 'answer';
  if (words.length === 1 && /^q\d*$/.test(words[0])) return words[0] === 'q' ? 'question' : 'alternate';
  let end = words.length;
  while (end > 1 && QUALIFIER.test(words[end - 1])) end--;
  const head = words[end - 1];
  if (ANSWER_WORD.test(head)) return 'answer';
  if (QUESTION_WORD.test(head)) {
    const numbered = words.slice(end).some((w) => /^\d+$/.test(w));
    return numbered || words.slice(0, end - 1).some((w) => ALTERNATE_MODIFIER.test(w)) ? 'alternate' : 'question';
  }
  if (ALTERNATE_WORD.test(head)) return 'alternate';
  if (CATEGORY_WORD.test(head)) return 'category';
  if (URL_WORD.test(head)) return 'url';
  return 'ignore';
}

function phrasings(cell: string): string[] {
  return cell
    .split(/\||\r?\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const hasQaHeader = (roles: Role[]) =>
  roles.includes('answer') && (roles.includes('question') || roles.includes('alternate'));

/** Words a table's header names its columns with (a two-column table needs one of them). */
const TABLE_LABEL =
  /\b(?:name|title|product|item|sku|price|cost|fee|rate|size|weight|description|service|type|colou?r|stock|vendor|brand)s?\b/i;

const asks = (cell: string) => /\?$/.test(cell.trim());

/**
 * A header cell that asks ("Available?", "In stock?") is a label when it is short and the cells
 * below it answer rather than ask; a header-less Q&A file's first question has questions below it.
 */
function asksAsLabel(cell: string, below: string[]): boolean {
  return cell.length <= 24 && cell.split(/\s+/).length <= 3 && below.some(Boolean) && !below.some(asks);
}

/**
 * Whether a first row reads as a table's header rather than a first entry: labels, not sentences,
 * questions, prices or amounts; three columns or more, or two with a label among them ("Item,
 * Price"), so a header-less Q&A file ("shipping cost,$5 flat") stays Q&A.
 */
function isTableHeader(rows: string[][]): boolean {
  const cells = rows[0].map((c) => c.trim());
  const filled = cells.filter(Boolean);
  if (filled.length < 2 || filled.every(asks)) return false;
  const column = (i: number) => rows.slice(1).map((r) => (r[i] ?? '').trim());
  const label = (c: string, i: number) =>
    c.length <= 40 && !/^[$€£]?\s*\d/.test(c) && !/[.!]$/.test(c) && (!asks(c) || asksAsLabel(c, column(i)));
  if (!cells.every(label)) return false;
  if (hasQaHeader(cells.map(roleOf))) return false;
  return cells.length >= 3 || cells.some((c) => TABLE_LABEL.test(c));
}

/** Closing a block of a cell's HTML (a paragraph, a list item, a line break) ends a line. */
const BLOCK_END = /<\/(?:p|li|div|h[1-6]|tr|blockquote)\s*>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** An HTML entity's character ("&amp;", "&#8217;"); one it does not know stays as written. */
function decodeEntity(entity: string, name: string): string {
  if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
  const hex = /^#x/i.test(name);
  const code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/**
 * Text of a cell, markup dropped (platform exports hold HTML descriptions): each paragraph or
 * list item a sentence of its own, inline tags gone without a space ("<em>lemon</em>." stays
 * "lemon.").
 */
function cellText(cell: string): string {
  return cell
    .replace(BLOCK_END, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((line, i, lines) => (i < lines.length - 1 && !/[.!?:;,]$/.test(line) ? `${line}.` : line))
    .join(' ');
}

/**
 * A cell that says nothing to a customer: a link, an image, a placeholder for nothing. A yes/no or
 * 0/1 cell stays: under its column it is a fact ("In stock: No"); an export's flags go by column.
 */
const NOISE_CELL = /^(?:https?:\/\/\S+|[-–—]+|n\/?a|#n\/a|null|nil|undefined)$/i;

/**
 * A shop platform export's columns for machines or for the shop alone (ids, stock codes, images,
 * timestamps, search tags for ads, what an item cost the shop, Shopify's and WooCommerce's
 * TRUE/FALSE and 1/0 flags), matched on the header with `_` read as a space; not a unit ("grams").
 */
const EXPORT_COLUMN = new RegExp(
  [
    /^(?:handle|sku|barcode|gtin|mpn|ean|upc|published|status)$/,
    /\b(?:ids?|uuid|guid|sku|barcode|images?|url|seo|google|inventory|fulfil+ment|taxable|tax code)\b/,
    /\b(?:(?:created|updated|modified|deleted)(?: at| on| date)?|timestamp|date (?:created|modified))\b/,
    /\b(?:variant grams|weight unit|cost per item|requires shipping|gift card|included \/)/,
    /\b(?:is featured|visibility in catalog|tax status|tax class|sold individually|allow customer reviews)\b/,
    /\b(?:backorders allowed|low stock amount|download (?:limit|expiry)|button text|meta:)/,
    /^attribute \d+ (?:visible|global)$/,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);

/** A product's description column: its text is the section's first sentence, without a label. */
const DESCRIPTION = /^(?:body|description|product description)$/i;
/** Shopify's variant options: "Option1 Name" (Size) over "Option1 Value" (12 oz) on each variant's row. */
const OPTION = /^option\s*(\d+)\s*(name|value)$/i;
/** A variant's own columns ("Variant Price"): what changes from one size or colour to the next. */
const VARIANT = /^variant\s+/i;
/** The option of a product without variants (Shopify's "Title: Default Title"). */
const NO_OPTION = /^default title$/i;

/** A variant column's name as a reply says it: "Variant Price" is the price. */
function variantLabel(h: string): string {
  const bare = h.replace(VARIANT, '');
  return /^compare[- ]at price$/i.test(bare) ? 'Regular price' : bare.charAt(0).toUpperCase() + bare.slice(1);
}

/**
 * A table CSV as one section per row, under the file's title. A row without a name continues
 * the row above: a platform export's further variants of one product ("2 lb", its price), each
 * read as its options and price ("Size: 2 lb; Price: 38.00."), not as the export's column names.
 */
function tableDocument(rows: string[][], fallbackTitle: string): ParsedDocument {
  const header = rows[0].map((c) =>
    c
      .replace(/\s*\(html\)/i, '')
      .replace(/\s*\?$/, '')
      .trim(),
  );
  const kept = header.map((h) => !EXPORT_COLUMN.test(h.replace(/_+/g, ' ')));
  const nameColumn = Math.max(
    0,
    header.findIndex((h, i) => kept[i] && /\b(?:name|title|product|item|service)\b/i.test(h) && !OPTION.test(h)),
  );
  const option = header.map((h) => OPTION.exec(h));
  const variant = header.map((h, i) => VARIANT.test(h) || option[i] !== null);
  /** The current product's option names, by number (set on its first row, blank on the others). */
  let optionNames = new Map<string, string>();
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: fallbackTitle }];
  for (const row of rows.slice(1)) {
    const cells = header.map((_, i) =>
      kept[i] && !NOISE_CELL.test(cellText(row[i] ?? '')) ? cellText(row[i] ?? '') : '',
    );
    const name = cells[nameColumn];
    if (name) optionNames = new Map();
    option.forEach((m, i) => {
      if (m && m[2].toLowerCase() === 'name' && cells[i]) optionNames.set(m[1], cells[i]);
    });
    const description = cells.filter((c, i) => c && i !== nameColumn && DESCRIPTION.test(header[i])).join(' ');
    const own = cells.map((c, i) => (i === nameColumn || variant[i] || DESCRIPTION.test(header[i]) ? '' : c));
    const [sentence] = tableSentences(header, [own]);
    const variantParts: string[] = [];
    option.forEach((m, i) => {
      if (!m || m[2].toLowerCase() !== 'value' || !cells[i] || NO_OPTION.test(cells[i])) return;
      const label = optionNames.get(m[1]);
      variantParts.push(label && !/^title$/i.test(label) ? `${label}: ${cells[i]}` : cells[i]);
    });
    header.forEach((h, i) => {
      if (variant[i] && !option[i] && cells[i]) variantParts.push(`${variantLabel(h)}: ${cells[i]}`);
    });
    const [variantSentence] = tableSentences([], [variantParts]);
    if (!name && !description && !sentence && !variantSentence) continue;
    if (name) blocks.push({ kind: 'heading', level: 2, text: name });
    if (description) blocks.push({ kind: 'text', text: /[.!?]$/.test(description) ? description : `${description}.` });
    if (sentence) blocks.push({ kind: 'text', text: sentence });
    if (variantSentence) blocks.push({ kind: 'text', text: variantSentence });
  }
  if (blocks.length === 1) throw new IngestError('EMPTY_CONTENT', 'The CSV has a header and no rows');
  return { title: fallbackTitle, format: 'csv', blocks };
}

/**
 * Parses a CSV: Q&A blocks for questions and answers, a section per row for any other table with
 * a header; throws INVALID_CSV when a Q&A file has no row with both a question and an answer.
 */
export function parseQaCsv(text: string, fallbackTitle: string): ParsedDocument {
  const rows = parseCsv(text);
  if (!rows.length) throw new IngestError('EMPTY_CONTENT', 'The CSV file is empty');
  if (isTableHeader(rows)) return tableDocument(rows, fallbackTitle);
  const headerRoles = rows[0].map(roleOf);
  const hasHeader = hasQaHeader(headerRoles);
  const roles: Role[] = hasHeader
    ? headerRoles.map((r, i) =>
        r === 'alternate' && !headerRoles.includes('question') && i === headerRoles.indexOf('alternate')
          ? 'question'
          : r,
      )
    : rows[0].map((_, i) => (i === 0 ? 'question' : i === 1 ? 'answer' : 'alternate'));
  if (!roles.includes('answer') || !roles.includes('question')) {
    throw new IngestError(
      'INVALID_CSV',
      'The CSV needs a question column and an answer column (e.g. a header "question,answer")',
    );
  }
  const blocks: Block[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const qs: string[] = [];
    let answer = '';
    let category: string | undefined;
    let url: string | undefined;
    row.forEach((cell, i) => {
      const role = roles[i] ?? 'alternate';
      if (role === 'question') qs.unshift(...phrasings(cell));
      else if (role === 'alternate') qs.push(...phrasings(cell));
      else if (role === 'answer' && !answer) answer = cell.trim();
      else if (role === 'category' && cell.trim()) category = cell.trim();
      else if (role === 'url' && /^https?:\/\//.test(cell.trim())) url = cell.trim();
    });
    const unique = [...new Set(qs)];
    if (!unique.length || !answer) continue;
    blocks.push({ kind: 'qa', questions: unique, answer, ...(category ? { category } : {}), ...(url ? { url } : {}) });
  }
  if (!blocks.length) throw new IngestError('INVALID_CSV', 'No row of the CSV has both a question and an answer');
  return { title: fallbackTitle, format: 'csv', blocks };
}
