/**
 * Heading-aware chunking: each chunk is a run of text under one heading path (never a heading
 * without its text, unless the heading states a fact itself), a few hundred words at most, split
 * at paragraph and then sentence bounds.
 * Q&A blocks become one chunk each. Chunks repeating content already seen are dropped.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeChunk } from '../retrieve/types';
import type { ParsedDocument } from './types';

export interface ChunkOptions {
  sourceId: string;
  /** The document's address; chunk links add the heading's #anchor to it. */
  url?: string | null;
  /** Aim for chunks of about this many words… */
  targetWords?: number;
  /** …and never more than this (a longer paragraph is split at sentences). */
  maxWords?: number;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Short stable content hash (hex). */
export function contentHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/** Splits one over-long paragraph into pieces of at most `max` words, at sentence bounds when possible. */
function splitParagraph(p: string, max: number): string[] {
  if (words(p) <= max) return [p];
  const sentences = p.split(/(?<=[.!?])\s+/);
  const out: string[] = [];
  let cur: string[] = [];
  let n = 0;
  const pushCur = () => {
    if (cur.length) out.push(cur.join(' '));
    cur = [];
    n = 0;
  };
  for (const s of sentences) {
    const w = words(s);
    if (w > max) {
      // A "sentence" longer than a chunk (a table dump, a list without stops): cut by words.
      pushCur();
      const toks = s.split(/\s+/).filter(Boolean);
      for (let i = 0; i < toks.length; i += max) out.push(toks.slice(i, i + max).join(' '));
      continue;
    }
    if (n + w > max) pushCur();
    cur.push(s);
    n += w;
  }
  if (cur.length) out.push(cur.join(' '));
  return out;
}

function withAnchor(base: string | null, anchor: string | undefined): string | null {
  if (!base) return null;
  if (!anchor) return base;
  try {
    const u = new URL(base);
    u.hash = anchor;
    return u.toString();
  } catch {
    return `${base.split('#')[0]}#${anchor}`;
  }
}

/** Cuts a parsed document into knowledge chunks. */
export function chunkDocument(doc: ParsedDocument, opts: ChunkOptions): KnowledgeChunk[] {
  const target = opts.targetWords ?? 220;
  const max = Math.max(target, opts.maxWords ?? 380);
  const base = opts.url ?? doc.url ?? null;
  const chunks: KnowledgeChunk[] = [];
  const seen = new Set<string>();
  /** The open headings; `filled` once text or a subsection came under one. */
  const stack: { level: number; text: string; anchor?: string; filled?: boolean }[] = [];
  let paras: string[] = [];
  let sectionAnchor: string | undefined;

  const path = (): string[] => {
    const p = stack.map((h) => h.text);
    const title = doc.title.trim();
    if (title && (stack[0]?.level !== 1 || !stack.length) && p[0] !== title) p.unshift(title);
    return p;
  };
  const push = (c: Omit<KnowledgeChunk, 'id' | 'sourceId'>) => {
    const key = contentHash(`${c.questions.join('\n')}\n${c.text}`);
    if (seen.has(key)) return;
    seen.add(key);
    chunks.push({
      id: `${opts.sourceId}:${contentHash(`${c.headingPath.join('/')}\n${key}`)}`,
      sourceId: opts.sourceId,
      ...c,
    });
  };
  const emit = (texts: string[]) => {
    // List items stay on consecutive lines; paragraphs are separated by a blank line.
    const text = texts
      .map((t, i) => (i === 0 ? t : (t.startsWith('- ') && texts[i - 1].startsWith('- ') ? '\n' : '\n\n') + t))
      .join('')
      .trim();
    if (!text) return;
    const headingPath = path();
    push({
      title: headingPath[headingPath.length - 1] ?? doc.title,
      headingPath,
      url: withAnchor(base, stack[stack.length - 1]?.anchor ?? sectionAnchor),
      text,
      questions: [],
    });
  };
  const flush = () => {
    // Greedy packing of paragraphs up to the target; a paragraph over the max is split first.
    let cur: string[] = [];
    let n = 0;
    for (const p of paras.flatMap((p) => splitParagraph(p, max))) {
      const w = words(p);
      if (cur.length && n + w > target) {
        emit(cur);
        cur = [];
        n = 0;
      }
      cur.push(p);
      n += w;
    }
    emit(cur);
    paras = [];
    sectionAnchor = undefined;
  };

  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      flush();
      while (stack.length && stack[stack.length - 1].level >= b.level) {
        const done = stack[stack.length - 1];
        // A heading that is itself the fact ("Taster class: £45 per person", "Open 9–5"), with no
        // text or subsection of its own, is kept as the text of its section, not dropped.
        if (!done.filled && /\d/.test(done.text)) emit([done.text]);
        stack.pop();
      }
      for (const h of stack) h.filled = true;
      stack.push({ level: b.level, text: b.text, anchor: b.anchor });
    } else if (b.kind === 'text') {
      if (!paras.length) sectionAnchor = b.anchor;
      else if (b.anchor && b.anchor !== sectionAnchor && !stack.length) {
        // Page-anchored text without headings (PDF): start a chunk per page so links stay exact.
        flush();
        sectionAnchor = b.anchor;
      }
      paras.push(b.text);
      for (const h of stack) h.filled = true;
    } else {
      flush();
      for (const h of stack) h.filled = true;
      const headingPath = b.category ? [b.category] : path();
      push({
        title: b.questions[0],
        headingPath,
        url: b.url ?? base,
        text: b.answer,
        questions: b.questions,
        answer: b.answer,
      });
    }
  }
  flush();
  const last = stack[stack.length - 1];
  if (last && !last.filled && /\d/.test(last.text)) emit([last.text]);
  return chunks;
}
