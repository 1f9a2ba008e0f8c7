import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parsePdf } from './pdf';
import type { Block } from './types';

/** One line drawn on a page: its text and baseline, in 10 pt Helvetica unless told. */
interface Drawn {
  text: string;
  y: number;
  size?: number;
  bold?: boolean;
  x?: number;
}

/** An A5 PDF, one array of lines per page. */
async function pdfOf(pages: Drawn[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const lines of pages) {
    const page = pdf.addPage([420, 595]);
    for (const l of lines)
      page.drawText(l.text, { x: l.x ?? 48, y: l.y, size: l.size ?? 10, font: l.bold ? bold : regular });
  }
  return pdf.save();
}

/** Body lines from the top of a page down, 13 pt apart. */
const body = (texts: string[], top = 520): Drawn[] => texts.map((text, i) => ({ text, y: top - 13 * i }));

const texts = (blocks: Block[]) => blocks.filter((b) => b.kind === 'text').map((b) => b.text);
const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []));

describe('parsePdf', () => {
  it('drops a running header, a footer and the page number repeated at the edges of every page', async () => {
    const furniture = (i: number): Drawn[] => [
      { text: 'Spoke & Sprocket Cycles - Terms of Sale', y: 560, size: 7 },
      { text: 'www.spokeandsprocket.co.uk', y: 30, size: 8 },
      { text: `Page ${i} of 3`, y: 30, size: 8, x: 320 },
    ];
    const bytes = await pdfOf([
      [
        ...furniture(1),
        ...body([
          'We deliver to addresses in the United Kingdom and to most countries in the',
          'European Union. Bikes are delivered by our own van within 30',
        ]),
      ],
      [...furniture(2), ...body(['miles of the shop, or by a specialist courier for £45 anywhere else.'])],
      [...furniture(3), ...body(['Returns are free within 30 days of delivery, for any unused item.'])],
    ]);
    const doc = await parsePdf(bytes, 'terms');
    const all = JSON.stringify(doc.blocks);
    for (const f of ['Terms of Sale', 'www.spokeandsprocket.co.uk', 'Page ']) expect(all).not.toContain(f);
    expect(texts(doc.blocks).join(' ')).toContain('within 30 miles of the shop');
  });

  it('drops a lone page number at the foot of a page, but keeps a line repeated mid-page and a number in the text', async () => {
    const page = (n: number): Drawn[] => [
      ...body([`Section ${n} of the guide covers one kind of bike in detail, from frame to tyres.`]),
      { text: 'Prices include VAT.', y: 300 },
      { text: `${n + 40}`, y: 290 },
      { text: `- ${n} -`, y: 28, x: 200 },
    ];
    const doc = await parsePdf(await pdfOf([page(1), page(2)]), 'guide');
    const all = texts(doc.blocks).join(' | ');
    expect(all).not.toMatch(/- \d -/);
    expect(all.match(/Prices include VAT\./g)).toHaveLength(2);
    expect(all).toContain('41');
    const single = await parsePdf(await pdfOf([[...body(['Open every day from 9am.']), { text: '1', y: 28 }]]), 'one');
    expect(texts(single.blocks)).toEqual(['Open every day from 9am.']);
  });

  it("drops a one-page document's footer that sets off its page number, and keeps a page a sentence names", async () => {
    const doc = await parsePdf(
      await pdfOf([
        [
          { text: 'Warranty - Spoke & Chain Cycles  ·  Page 1', y: 565, size: 7 },
          ...body(['Frames carry a lifetime warranty for the original owner.']),
          { text: 'Prices for crash replacement are on page 2 of the price list.', y: 40 },
          { text: 'spoke-and-chain  |  Page 1 of 1', y: 28, size: 8 },
        ],
      ]),
      'warranty',
    );
    expect(texts(doc.blocks).join(' ')).toBe(
      'Frames carry a lifetime warranty for the original owner. Prices for crash replacement are on page 2 of the price list.',
    );
  });

  it('continues a paragraph that runs over a page break mid-sentence, on its first page', async () => {
    const bytes = await pdfOf([
      body([
        'Parts and accessories go by Royal Mail Tracked 48 or by DPD, depending on size.',
        'Bikes ordered before 2pm on a',
      ]),
      body([
        'weekday are built, test ridden and dispatched the same day, in a bike box.',
        'Please check your bike for damage before you sign for the parcel, and call us.',
      ]),
    ]);
    const doc = await parsePdf(bytes, 'delivery');
    const para = doc.blocks.find((b) => b.kind === 'text' && b.text.includes('2pm'));
    expect(para).toMatchObject({ anchor: 'page=1' });
    expect(para?.kind === 'text' && para.text).toContain('Bikes ordered before 2pm on a weekday are built');
  });

  it('still ends a paragraph at a page break after a full stop, or before a heading', async () => {
    const bytes = await pdfOf([
      body(['Standard delivery takes 3 to 5 working days and costs £4.95 for any order.']),
      body(['Deliveries to the European Union take 5 to 7 working days and cost £12 each.']),
      [{ text: 'Returns', y: 540, size: 14, bold: true }, ...body(['You may return any unused item within 30 days.'])],
    ]);
    const doc = await parsePdf(bytes, 'delivery');
    expect(doc.blocks.map((b) => ('anchor' in b ? b.anchor : ''))).toEqual(['page=1', 'page=2', 'page=3', 'page=3']);
    expect(headings(doc.blocks)).toEqual(['1 Returns']);
  });

  it('keeps the hyphen of a compound broken at a line end, and joins a word the text writes whole elsewhere', async () => {
    const bytes = await pdfOf([
      body([
        'Our most popular service is the Basic tune-',
        'up, which costs £75 and covers gears, brakes and a safety check. Free deliv-',
        'ery applies to every bike; delivery of parts is £4.95, and our e-',
        'bike batteries travel by courier only and carry a 2-',
        'year warranty, like every other part we sell in the shop.',
      ]),
    ]);
    const [text] = texts((await parsePdf(bytes, 'terms')).blocks);
    expect(text).toContain('Basic tune-up, which costs £75');
    expect(text).toContain('Free delivery applies');
    expect(text).toContain('our e-bike batteries');
    expect(text).toContain('a 2-year warranty');
  });

  it('reads a short bold line set a size up as a heading (Word: 12 pt bold over 11 pt body)', async () => {
    const bytes = await pdfOf([
      [
        { text: 'Drop-off times', y: 540, size: 12, bold: true },
        { text: 'Please drop your bike off between 8:30am and 10am on the booked day.', y: 520, size: 11 },
        { text: 'Late collection', y: 496, size: 12, bold: true },
        { text: 'Bikes not collected within 7 days are charged storage at £2 per day.', y: 476, size: 11 },
        { text: 'Call us on 0161 555 0199', y: 452, size: 12 },
      ],
    ]);
    const doc = await parsePdf(bytes, 'guide');
    expect(headings(doc.blocks)).toEqual(['1 Drop-off times', '1 Late collection']);
  });

  it('joins a heading wrapped onto two lines into one heading', async () => {
    const bytes = await pdfOf([
      [
        { text: 'Workshop Guide', y: 550, size: 22, bold: true },
        { text: 'Warranty, crash replacement and repairs on bikes', y: 510, size: 16, bold: true },
        { text: 'bought from other shops', y: 490, size: 16, bold: true },
        { text: 'We happily repair bikes bought elsewhere, for a £15 admin fee.', y: 470, size: 11 },
        { text: 'Loan bikes', y: 440, size: 16, bold: true },
        { text: 'If your repair takes longer than 3 days, we lend you a city bike.', y: 420, size: 11 },
      ],
    ]);
    const doc = await parsePdf(bytes, 'guide');
    expect(headings(doc.blocks)).toEqual([
      '1 Workshop Guide',
      '2 Warranty, crash replacement and repairs on bikes bought from other shops',
      '2 Loan bikes',
    ]);
  });
});
