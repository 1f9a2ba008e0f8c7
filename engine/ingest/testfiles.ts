/** Real test files, generated: a PDF (pdf-lib), a DOCX (docx), HTML with chrome around the content. */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { IngestError } from './errors';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A two-page PDF: a 24 pt title, 18 pt section headings, 12 pt body text. */
export async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Warranty Guide');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  page.drawText('Warranty Guide', { x: 50, y: 780, size: 24, font: bold });
  page.drawText('Every instrument comes with a two year warranty.', { x: 50, y: 740, size: 12, font });
  page.drawText('Keep your receipt to claim it.', { x: 50, y: 724, size: 12, font });
  page.drawText('Amplifiers', { x: 50, y: 690, size: 18, font: bold });
  page.drawText('Amplifiers are covered for three years, tubes for six months.', { x: 50, y: 660, size: 12, font });
  page = pdf.addPage([595, 842]);
  page.drawText('Drums', { x: 50, y: 780, size: 18, font: bold });
  page.drawText('Drum heads wear out and are not covered by the warranty.', { x: 50, y: 750, size: 12, font });
  return pdf.save();
}

/** A Word document with a Heading 1, a Heading 2 and a bulleted list. */
export async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Care Guide', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Wipe your guitar with a dry cloth after playing.'),
          new Paragraph({ text: 'Strings', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Change strings every three months, or sooner if you play daily.'),
          new Paragraph({ text: 'Keep spare sets in a dry place', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A shop page: header, nav and footer around an article with headings. */
export const SHOP_PAGE_HTML = `<!doctype html>
<html><head><title>Shipping | Riff &amp; Rhythm</title></head>
<body>
  <header><a href="/">Riff &amp; Rhythm</a> <a href="/cart">Cart (0)</a></header>
  <nav><ul><li><a href="/guitars">Guitars</a></li><li><a href="/drums">Drums</a></li><li><a href="/sale">Sale! Up to 50% off</a></li></ul></nav>
  <main><article>
    <h1>Shipping</h1>
    <p>We ship every order from our warehouse within one business day, with tracking, insured for its full value.</p>
    <h2 id="international">International</h2>
    <p>International orders take 7 to 14 days. Customs duties are paid by the buyer on delivery, as the carrier collects them.</p>
    <ul><li>Tracked courier service</li><li>Guitars travel in a hard case</li></ul>
    <h2 id="returns">Returns</h2>
    <p>You can return any item within 30 days of delivery for a full refund, shipping paid by us when the item is faulty.</p>
  </article></main>
  <aside>Join our newsletter for weekly deals!</aside>
  <footer>© 2024 Riff &amp; Rhythm · Privacy · Terms · Careers</footer>
</body></html>`;

export const enc = (s: string) => new TextEncoder().encode(s);

/** The IngestError a promise rejects with (any other outcome fails the test). */
export async function errorOf(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected an IngestError');
}
