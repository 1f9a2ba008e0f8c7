/**
 * Writes the shop sets' PDF and DOCX documents from their text sources, so the binary files in
 * `eval/shops/<shop>/content/` can be regenerated and reviewed as text:
 *   npx tsx eval/shops/make-files.ts [shop ...]   (default: every shop)
 *   npx tsx eval/shops/make-files.ts path/to/shop-folder ...   (a folder elsewhere, e.g. eval/heldout/x)
 * `<shop>/src/<name>.pdf.txt` → `<shop>/content/<name>.pdf`, `<name>.docx.txt` → `<name>.docx`.
 * The source is a tiny markup: `# `, `## `, `### ` headings, `- ` list items, `| a | b |` table
 * rows (DOCX only; a PDF gets them as lines), and paragraphs separated by blank lines.
 * PDFs use the standard Helvetica fonts, so sources stay in WinAnsi (no emoji or curly quotes).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type Block =
  { kind: 'h1' | 'h2' | 'h3' | 'p' | 'li'; text: string } | { kind: 'row'; cells: string[]; header: boolean };

/** Reads the markup into blocks (a table's first row is its header). */
export function readBlocks(src: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join(' ') });
    para = [];
  };
  for (const raw of src.split(/\r?\n/)) {
    const line = raw.trim();
    const h = /^(#{1,3}) (.*)$/.exec(line);
    if (!line) flush();
    else if (h) {
      flush();
      blocks.push({ kind: h[1].length === 1 ? 'h1' : h[1].length === 2 ? 'h2' : 'h3', text: h[2] });
    } else if (line.startsWith('- ')) {
      flush();
      blocks.push({ kind: 'li', text: line.slice(2) });
    } else if (line.startsWith('|')) {
      flush();
      const cells = line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue; // a Markdown separator row
      blocks.push({ kind: 'row', cells, header: blocks.at(-1)?.kind !== 'row' });
    } else para.push(line);
  }
  flush();
  return blocks;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A US Letter PDF: headings set larger than the body (how the PDF parser finds them). */
export async function makePdf(blocks: Block[], title: string, footer: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fixed = new Date('2026-01-01T00:00:00Z');
  doc.setTitle(title);
  doc.setProducer('pdf-lib');
  doc.setCreator('eval/shops/make-files.ts');
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  const [W, H, X, width] = [612, 792, 64, 612 - 128];
  let page!: PDFPage;
  let y = 0;
  const pages: PDFPage[] = [];
  const newPage = () => {
    page = doc.addPage([W, H]);
    pages.push(page);
    y = H - 60;
  };
  const draw = (text: string, font: PDFFont, size: number, leading: number, x = X) => {
    for (const line of wrap(text, font, size, width - (x - X))) {
      if (y - leading < 56) newPage();
      y -= leading;
      page.drawText(line, { x, y, size, font, color: rgb(0.15, 0.15, 0.15) });
    }
  };
  newPage();
  for (const b of blocks) {
    if (b.kind === 'h1') {
      y -= 8;
      draw(b.text, bold, 22, 26);
      y -= 6;
    } else if (b.kind === 'h2') {
      if (y < 120) newPage();
      y -= 10;
      draw(b.text, bold, 15, 18);
    } else if (b.kind === 'h3') {
      y -= 4;
      draw(b.text, bold, 12, 15);
    } else if (b.kind === 'p') {
      y -= 3;
      draw(b.text, regular, 10, 13);
    } else if (b.kind === 'row') draw(b.cells.join('   '), b.header ? bold : regular, 10, 13);
    else draw(`- ${b.text}`, regular, 10, 13, X + 10);
  }
  pages.forEach((p, i) => {
    p.drawText(`${footer}  |  Page ${i + 1} of ${pages.length}`, { x: X, y: 36, size: 8, font: regular });
  });
  return doc.save({ useObjectStreams: false });
}

/** A Word document with real heading styles, bullets and tables (what mammoth reads). */
export async function makeDocx(blocks: Block[], title: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const endTable = () => {
    if (rows.length) children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    rows = [];
  };
  for (const b of blocks) {
    if (b.kind === 'row') {
      rows.push(
        new TableRow({
          children: b.cells.map(
            (c) =>
              new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: b.header })] })] }),
          ),
        }),
      );
      continue;
    }
    endTable();
    if (b.kind === 'li') children.push(new Paragraph({ text: b.text, bullet: { level: 0 } }));
    else if (b.kind === 'p') children.push(new Paragraph({ text: b.text }));
    else
      children.push(
        new Paragraph({
          text: b.text,
          heading:
            b.kind === 'h1'
              ? HeadingLevel.HEADING_1
              : b.kind === 'h2'
                ? HeadingLevel.HEADING_2
                : HeadingLevel.HEADING_3,
        }),
      );
  }
  endTable();
  const doc = new Document({ title, creator: 'eval/shops/make-files.ts', sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const args = process.argv.slice(2);
  const folders = args.filter((a) => a.includes('/'));
  const only = args.filter((a) => !a.includes('/'));
  const shops = folders.length
    ? folders.map((f) => ({ root: dirname(resolve(f)), name: basename(resolve(f)) }))
    : readdirSync(here, { withFileTypes: true })
        .filter((d) => d.isDirectory() && (!only.length || only.includes(d.name)))
        .map((d) => ({ root: here, name: d.name }));
  for (const shop of shops) {
    const root = shop.root;
    const src = join(root, shop.name, 'src');
    let files: string[];
    try {
      files = readdirSync(src).filter((f) => /\.(pdf|docx)\.txt$/.test(f));
    } catch {
      continue;
    }
    for (const f of files) {
      const blocks = readBlocks(readFileSync(join(src, f), 'utf8'));
      const title = blocks.find((b) => b.kind === 'h1');
      const name = title && 'text' in title ? title.text : f;
      const out = join(root, shop.name, 'content', f.replace(/\.txt$/, ''));
      const bytes = f.endsWith('.pdf.txt') ? await makePdf(blocks, name, shop.name) : await makeDocx(blocks, name);
      writeFileSync(out, bytes);
      process.stdout.write(`wrote ${join(shop.name, 'content', f.replace(/\.txt$/, ''))} (${bytes.length} bytes)\n`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
