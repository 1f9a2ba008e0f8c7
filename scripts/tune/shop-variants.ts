/**
 * The shop sets rewritten in the shapes other shops write the same content in, to measure how
 * ingestion holds up on them (the figures in engine/ingest/faq.ts and headings.ts):
 *   npx tsx scripts/tune/shop-variants.ts OUT eval/shops eval/heldout
 *   npx chatref eval shops OUT/<variant> --json
 * Variants, each a folder of shop folders:
 *   csv           the sets as they are (the baseline: Q&A CSV, real headings)
 *   csv-plain     each faq.csv with its questions only, the further phrasings (alternate_questions,
 *                 "q1|q2") dropped: what a shop's own export holds. The dev sets' CSVs carry
 *                 phrasings a shop rarely writes, and the held-out sets' none.
 *   faq-html      each faq.csv as an FAQ page of <details> accordions, with a site's nav and footer
 *   faq-md        each faq.csv as Markdown "**Q: …**" / "A: …" lines
 *   faq-pdf       each faq.csv as a PDF of question and answer paragraphs
 *   faq-docx      each faq.csv as a Word document of question and answer paragraphs
 *   bold          HTML and Markdown subheadings (h2/h3, ##/###) written as bold lines
 *   txt           Markdown files as plain text, ## headings in capitals, ### as "Label:" lines
 * Only the phrasings' first form is kept in the FAQ variants (a page shows one question).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { makeDocx, makePdf, readBlocks } from '../../eval/shops/make-files';
import { parseCsv } from '../../engine/ingest/csv';
import { shopDirs } from '../../engine/eval/shops';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The first phrasing and the answer of each row of a Q&A CSV. */
function faqPairs(csv: string): [string, string][] {
  const [header, ...rows] = parseCsv(csv);
  const q = header.findIndex((h) => /^(?:question|q)$/i.test(h.trim()));
  const a = header.findIndex((h) => /answer/i.test(h));
  return rows.filter((r) => r[q] && r[a]).map((r) => [r[q].split('|')[0].trim(), r[a].trim()]);
}

/** Files of a folder, subfolders included. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Renames a file's citations in the questions (faq.csv → faq.html). */
function renameSource(shop: string, from: string, to: string): void {
  const path = join(shop, 'questions.jsonl');
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const out = lines.map((l) => {
    const q = JSON.parse(l) as { sources?: string[] };
    if (q.sources) q.sources = q.sources.map((s) => (s === from ? to : s));
    return JSON.stringify(q);
  });
  writeFileSync(path, out.join('\n') + '\n');
}

type Rewrite = (shop: string) => Promise<void>;

/** A shop's faq.csv, its path and text; null when it has none. */
function faqCsv(shop: string): { csv: string; text: string } | null {
  const csv = join(shop, 'content', 'faq.csv');
  try {
    return { csv, text: readFileSync(csv, 'utf8') };
  } catch {
    return null;
  }
}

/** Replaces each shop's faq.csv with the FAQ written as `ext` by `write`. */
const faq =
  (ext: string, write: (pairs: [string, string][], name: string) => Promise<string | Uint8Array>): Rewrite =>
  async (shop) => {
    const found = faqCsv(shop);
    if (!found) return;
    const { csv, text } = found;
    writeFileSync(join(shop, 'content', `faq.${ext}`), await write(faqPairs(text), basename(shop)));
    rmSync(csv);
    renameSource(shop, 'faq.csv', `faq.${ext}`);
  };

/** Paragraph source (eval/shops/make-files.ts markup) of an FAQ: a title, then question and answer paragraphs. */
const faqSource = (pairs: [string, string][]) =>
  `# Frequently asked questions\n\n${pairs.map(([q, a]) => `${q}\n\n${a}\n\n`).join('')}`;
/** The standard PDF fonts hold WinAnsi only. */
const winAnsi = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');

const VARIANTS: Record<string, Rewrite> = {
  csv: async () => {},
  'csv-plain': async (shop) => {
    const found = faqCsv(shop);
    if (!found) return;
    const { csv, text } = found;
    const [header, ...rows] = parseCsv(text);
    const q = header.findIndex((h) => /^(?:question|q)$/i.test(h.trim()));
    const keep = header.map((h, i) => i).filter((i) => !/alternate/i.test(header[i]));
    const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const line = (r: string[]) =>
      keep.map((i) => cell(i === q ? (r[i] ?? '').split('|')[0].trim() : (r[i] ?? ''))).join(',');
    writeFileSync(csv, [header, ...rows.filter((r) => r.some(Boolean))].map(line).join('\n') + '\n');
  },
  'faq-html': faq('html', async (pairs) => {
    const items = pairs
      .map(([q, a]) => `<details><summary>${escapeHtml(q)}</summary><div><p>${escapeHtml(a)}</p></div></details>`)
      .join('\n');
    return `<html><head><title>FAQ</title></head><body><nav><a href="/">Home</a><a href="/faq">FAQ</a><a href="/c">Contact</a></nav><main><h1>Frequently asked questions</h1>${items}</main><footer>(c) shop</footer></body></html>`;
  }),
  'faq-md': faq(
    'md',
    async (pairs) => `# Frequently asked questions\n\n${pairs.map(([q, a]) => `**Q: ${q}**\nA: ${a}\n\n`).join('')}`,
  ),
  'faq-pdf': faq('pdf', async (pairs, name) =>
    makePdf(readBlocks(winAnsi(faqSource(pairs))), 'Frequently asked questions', name),
  ),
  'faq-docx': faq('docx', async (pairs) => makeDocx(readBlocks(faqSource(pairs)), 'Frequently asked questions')),
  bold: async (shop) => {
    for (const f of files(join(shop, 'content'))) {
      if (f.endsWith('.html'))
        writeFileSync(
          f,
          readFileSync(f, 'utf8').replace(/<h([23])[^>]*>([\s\S]*?)<\/h\1>/g, '<p><strong>$2</strong></p>'),
        );
      if (f.endsWith('.md')) writeFileSync(f, readFileSync(f, 'utf8').replace(/^#{2,3} (.*)$/gm, '**$1**'));
    }
  },
  txt: async (shop) => {
    for (const f of files(join(shop, 'content')).filter((p) => p.endsWith('.md'))) {
      const text = readFileSync(f, 'utf8')
        .split('\n')
        .map((line) => {
          const h = /^(#{1,3}) (.*)$/.exec(line);
          if (!h) return line.replace(/\*\*|__/g, '');
          const t = h[2].replace(/[*_`]/g, '').trim();
          return h[1].length <= 2 ? t.toUpperCase() : `${t}:`;
        })
        .join('\n');
      const txt = f.replace(/\.md$/, '.txt');
      writeFileSync(txt, text);
      rmSync(f);
      renameSource(shop, basename(f), basename(txt));
    }
  },
};

async function main(): Promise<void> {
  const [out, ...roots] = process.argv.slice(2);
  if (!out || !roots.length) throw new Error('usage: shop-variants.ts OUT SHOPS_ROOT...');
  for (const [name, rewrite] of Object.entries(VARIANTS)) {
    const dir = join(out, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const shop of roots.flatMap(shopDirs)) {
      const copy = join(dir, basename(shop));
      cpSync(shop, copy, { recursive: true, dereference: true });
      rmSync(join(copy, 'src'), { recursive: true, force: true });
      await rewrite(copy);
    }
    process.stdout.write(`${dir}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
