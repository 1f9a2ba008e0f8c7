/**
 * CSV of questions and answers to Q&A blocks. The parser follows RFC 4180 (quoted fields with
 * commas, doubled quotes and line breaks; CRLF or LF; a UTF-8 BOM) and sniffs `;` or tab
 * delimiters. Column roles come from the header when there is one (question / answer /
 * alternates / category / url), otherwise: question, answer, then alternate phrasings.
 * Phrasings inside one cell may be separated by `|` or line breaks.
 */
import { IngestError } from './errors';
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

function roleOf(header: string): Role {
  const h = header.trim().toLowerCase();
  if (/^(answer|answers|a|response|reply)$|answer/.test(h)) return 'answer';
  if (/^(question|questions|q|query|prompt)$/.test(h)) return 'question';
  if (/question|phrasing|alt|variant|synonym|paraphrase|^q\d+$/.test(h) || h === '') return 'alternate';
  if (/categor|topic|section|group/.test(h)) return 'category';
  if (/^(url|link|source|href)$/.test(h)) return 'url';
  return 'ignore';
}

function phrasings(cell: string): string[] {
  return cell
    .split(/\||\r?\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Parses a Q&A CSV into Q&A blocks; throws INVALID_CSV when no row has a question and an answer. */
export function parseQaCsv(text: string, fallbackTitle: string): ParsedDocument {
  const rows = parseCsv(text);
  if (!rows.length) throw new IngestError('EMPTY_CONTENT', 'The CSV file is empty');
  const headerRoles = rows[0].map(roleOf);
  const hasHeader =
    headerRoles.includes('answer') && (headerRoles.includes('question') || headerRoles.includes('alternate'));
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
