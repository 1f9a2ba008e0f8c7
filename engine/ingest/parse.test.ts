import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from './batch';
import { chunkDocument } from './chunk';
import { decodeText, parseSource } from './parse';
import { enc, errorOf, makeDocx, makePdf, SHOP_PAGE_HTML } from './testfiles';

describe('parseSource on real files', () => {
  it('reads a PDF, finding headings by type size and linking each chunk to its page', async () => {
    const doc = await parseSource({ filename: 'warranty.pdf', bytes: await makePdf() });
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('Warranty Guide');
    const chunks = chunkDocument(doc, { sourceId: 'w', url: 'https://shop.example/warranty.pdf' });
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ['Warranty Guide'],
      ['Warranty Guide', 'Amplifiers'],
      ['Warranty Guide', 'Drums'],
    ]);
    expect(chunks[2]).toMatchObject({
      title: 'Drums',
      url: 'https://shop.example/warranty.pdf#page=2',
      text: 'Drum heads wear out and are not covered by the warranty.',
    });
  });

  it("keeps a space between texts set apart on one line of a PDF (a footer's page number and address)", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Trade-ins are valued at the counter in a few minutes.', { x: 50, y: 700, size: 12, font });
    page.drawText('Page 1 of 2', { x: 480, y: 40, size: 8, font });
    page.drawText('1820 SE Hawthorne Blvd, Portland', { x: 50, y: 40, size: 8, font });
    page.drawText('Prices', { x: 50, y: 20, size: 8, font });
    page.drawText('from $15', { x: 80, y: 20, size: 8, font });
    const doc = await parseSource({ filename: 'p.pdf', bytes: await pdf.save() });
    const text = doc.blocks.map((b) => (b.kind === 'text' ? b.text : '')).join(' ');
    expect(text).toContain('Page 1 of 2 1820 SE Hawthorne Blvd, Portland');
    expect(text).toContain('Prices from $15');
  });

  it('reads a DOCX with its Word headings and lists', async () => {
    const doc = await parseSource({ filename: 'care.docx', bytes: await makeDocx() });
    expect(doc).toMatchObject({ format: 'docx', title: 'Care Guide' });
    const chunks = chunkDocument(doc, { sourceId: 'c' });
    expect(chunks.map((c) => c.headingPath)).toEqual([['Care Guide'], ['Care Guide', 'Strings']]);
    expect(chunks[1].text).toBe(
      'Change strings every three months, or sooner if you play daily.\n\n- Keep spare sets in a dry place',
    );
  });

  it('keeps an HTML page’s content, not its header, menu, aside or footer', async () => {
    const doc = await parseSource(
      { filename: 'shipping', bytes: enc(SHOP_PAGE_HTML), contentType: 'text/html; charset=utf-8' },
      { url: 'https://shop.example/shipping' },
    );
    const all = JSON.stringify(doc.blocks);
    expect(doc.title).toBe('Shipping');
    expect(all).toContain('Customs duties are paid by the buyer');
    for (const chrome of ['Cart (0)', 'Up to 50% off', 'newsletter', 'Careers']) expect(all).not.toContain(chrome);
    const chunks = chunkDocument(doc, { sourceId: 'web' });
    expect(chunks[1]).toMatchObject({
      headingPath: ['Shipping', 'International'],
      url: 'https://shop.example/shipping#international',
    });
    expect(chunks[1].text).toContain('- Tracked courier service\n- Guitars travel in a hard case');
  });

  it('reads Markdown and plain text', async () => {
    const md = await parseSource({
      filename: 'faq.md',
      bytes: enc('# Store\n\nWe are on **Main Street**.\n\n## Hours\n\nOpen [every day](/hours).'),
    });
    expect(md.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Store', anchor: 'store' },
      { kind: 'text', text: 'We are on Main Street.' },
      { kind: 'heading', level: 2, text: 'Hours', anchor: 'hours' },
      { kind: 'text', text: 'Open every day.' },
    ]);
    const txt = await parseSource({ filename: 'notes', bytes: enc('First paragraph.\n\nSecond one.') });
    // A document that names no title is titled by its file's name, as a person would write it.
    expect(txt).toMatchObject({ format: 'text', title: 'Notes' });
    expect(txt.blocks).toHaveLength(2);
  });

  it('turns each table row into a sentence that names its columns, in Markdown and HTML', async () => {
    const md = await parseSource({
      filename: 'rates.md',
      bytes: enc(
        'Rates below.\n\n| Order subtotal | Cost |\n|:---|---:|\n| Under $99 | **$7.95** |\n| Pipe \\| in cell | Free |\nAfter.',
      ),
    });
    expect(md.blocks.map((b) => (b.kind === 'text' ? b.text : ''))).toEqual([
      'Rates below.',
      'Order subtotal: Under $99; Cost: $7.95.',
      'Order subtotal: Pipe | in cell; Cost: Free.',
      'After.',
    ]);
    const html = await parseSource({
      filename: 'rates.html',
      bytes: enc(
        '<html><body><main><h1>Rates</h1><p>Our delivery rates for every kind of order, updated each season.</p>' +
          '<table><caption>Delivery</caption><tr><th>Service</th><th>Cost</th></tr>' +
          '<tr><td>2-Day</td><td>$19.95</td></tr><tr><td>Overnight</td><td></td></tr></table></main></body></html>',
      ),
    });
    expect(html.blocks.map((b) => (b.kind === 'text' ? b.text : '')).slice(-3)).toEqual([
      'Delivery',
      'Service: 2-Day; Cost: $19.95.',
      'Service: Overnight.',
    ]);
  });

  it('keeps a setext heading with a pipe in it, and the text of a table of a header alone', async () => {
    const md = await parseSource({
      filename: 'edge.md',
      bytes: enc('Sizes | colours\n---\n\nBody text here.\n\n| Only | Header |\n|---|---|\n\nEnd.'),
    });
    expect(md.blocks.map((b) => (b.kind === 'qa' ? '' : b.text))).toEqual([
      'Sizes | colours',
      'Body text here.',
      'Only; Header.',
      'End.',
    ]);
    expect(md.blocks[0].kind).toBe('heading');
    const html = await parseSource({
      filename: 'edge.html',
      bytes: enc(
        '<html><body><main><h1>Hours</h1><p>Our opening hours for the whole week, holidays included.</p>' +
          '<table><tr><th>Day</th><th>Open</th></tr></table></main></body></html>',
      ),
    });
    expect(html.blocks.map((b) => (b.kind === 'qa' ? '' : b.text))).toContain('Day; Open.');
  });

  it('reads a CSV of questions and answers into Q&A chunks', async () => {
    const csv =
      'question,answer,alt 1,category\n"How long is delivery?|When will it arrive","2 to 5 days, tracked.",delivery time,Shipping\n';
    const doc = await parseSource({ filename: 'faq.csv', bytes: enc(csv) });
    const [chunk] = chunkDocument(doc, { sourceId: 'qa' });
    expect(chunk).toMatchObject({
      questions: ['How long is delivery?', 'When will it arrive', 'delivery time'],
      answer: '2 to 5 days, tracked.',
      headingPath: ['Shipping'],
      title: 'How long is delivery?',
    });
  });

  it("reads any other table CSV as a section per row: a shop platform's product export", async () => {
    const csv = [
      'Handle,Title,Body (HTML),Vendor,Type,Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Compare At Price,Image Src,Cost per item',
      'kenya-aa,Kenya AA Kiambu,"<p>Bright, with <strong>blackcurrant</strong>.</p><ul><li>Light roast</li><li>Kiambu &amp; Nyeri</li></ul>",Tidewater,Coffee,TRUE,Size,250 g,KEN-250,16.00,18.00,https://cdn.example/k.jpg,6.10',
      'kenya-aa,,,,,,,1 kg,KEN-1000,52.00,,,21.00',
      'decaf,House Decaf,<p>Swiss Water decaf.</p>,Tidewater,Coffee,TRUE,Title,Default Title,DEC-250,14.00,,,5.00',
    ].join('\n');
    const doc = await parseSource({ filename: 'products.csv', bytes: enc(csv) });
    const chunks = chunkDocument(doc, { sourceId: 'p' }).map((c) => ({ path: c.headingPath, text: c.text }));
    // The description first, in sentences; each variant as its options and price, not as the
    // export's column names; what the coffee cost the shop nowhere.
    expect(chunks).toEqual([
      {
        path: ['Products', 'Kenya AA Kiambu'],
        text:
          'Bright, with blackcurrant. Light roast. Kiambu & Nyeri.\n\nVendor: Tidewater; Type: Coffee.\n\n' +
          'Size: 250 g; Price: 16.00; Regular price: 18.00.\n\nSize: 1 kg; Price: 52.00.',
      },
      {
        path: ['Products', 'House Decaf'],
        text: 'Swiss Water decaf.\n\nVendor: Tidewater; Type: Coffee.\n\nPrice: 14.00.',
      },
    ]);
  });

  it("joins a table row's cells into one sentence without a full stop inside it", async () => {
    const doc = await parseSource({
      filename: 'menu.csv',
      bytes: enc('Item,Price,Notes,Size\nLatte,$4.50,Oat milk is 50c extra.,12 oz\n'),
    });
    expect(doc.blocks).toContainEqual({
      kind: 'text',
      text: 'Price: $4.50; Notes: Oat milk is 50c extra; Size: 12 oz.',
    });
  });

  it('reads a two-column price list as a table, and a header-less Q&A file still as Q&A', async () => {
    const prices = await parseSource({ filename: 'prices.csv', bytes: enc('Item,Price\nLatte,$4.50\n') });
    expect(prices.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Prices' },
      { kind: 'heading', level: 2, text: 'Latte' },
      { kind: 'text', text: 'Price: $4.50.' },
    ]);
    const qa = await parseSource({
      filename: 'qa.csv',
      bytes: enc('shipping cost,$5 flat\nreturns,Within 30 days.\n'),
    });
    expect(qa.blocks).toEqual([
      { kind: 'qa', questions: ['shipping cost'], answer: '$5 flat' },
      { kind: 'qa', questions: ['returns'], answer: 'Within 30 days.' },
    ]);
  });
});

describe('parseSource on text as shops save it', () => {
  const utf16 = (text: string, bigEndian = false) => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out.set(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8], 2 + i * 2);
    }
    return out;
  };

  it.each([
    ['UTF-16 with its mark (Notepad "Unicode")', 'hours.txt', utf16('Café hours: open 8 to 4, closed Mondays.')],
    ['UTF-16 big-endian', 'hours.txt', utf16('Café hours: open 8 to 4, closed Mondays.', true)],
    ['UTF-16 Markdown', 'hours.md', utf16('# Hours\n\nCafé hours: open 8 to 4, closed Mondays.')],
    // "Café … €4.50" as Windows-1252 bytes (é = 0xe9, € = 0x80): not valid UTF-8.
    [
      'Windows-1252',
      'menu.txt',
      Uint8Array.from([...enc('Caf'), 0xe9, ...enc(' latte '), 0x80, ...enc('4.50, open Mondays.')]),
    ],
  ])('reads %s without NULs or replacement characters', async (_, filename, bytes) => {
    const doc = await parseSource({ filename, bytes });
    const text = chunkDocument(doc, { sourceId: 's' })
      .map((c) => c.text)
      .join(' ');
    expect(text).toMatch(/Café/);
    expect(text).toMatch(/Mondays/);
    expect([...text].filter((c) => c === '\u0000' || c === '\ufffd')).toEqual([]);
  });

  it('reads Windows-1252 as such, euro sign included', async () => {
    const bytes = Uint8Array.from([...enc('Latte '), 0x80, ...enc('4.50')]);
    expect(decodeText(bytes)).toBe('Latte €4.50');
  });
});

describe('parseSource on bad input', () => {
  it.each([
    [
      'a corrupt PDF',
      { filename: 'broken.pdf', bytes: enc('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref') },
      'CORRUPT_FILE',
    ],
    ['a PDF that is not one', { filename: 'fake.pdf', bytes: enc('hello, not a pdf') }, 'CORRUPT_FILE'],
    ['an empty file', { filename: 'empty.md', bytes: new Uint8Array() }, 'EMPTY_CONTENT'],
    [
      'a page with no text',
      { filename: 'blank.html', bytes: enc('<html><body><nav>Menu</nav></body></html>') },
      'EMPTY_CONTENT',
    ],
    [
      'a binary file',
      { filename: 'photo.jpg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0, 1, 2, 3]) },
      'UNSUPPORTED_TYPE',
    ],
    [
      'a spreadsheet',
      { filename: 'prices.xlsx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) },
      'UNSUPPORTED_TYPE',
    ],
    ['an old .doc', { filename: 'old.doc', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]) }, 'UNSUPPORTED_TYPE'],
    ['a CSV without answers', { filename: 'q.csv', bytes: enc('question,answer\nhello,\n') }, 'INVALID_CSV'],
    [
      'an RTF file',
      { filename: 'giftcards.rtf', bytes: enc('{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Arial;}} Gift cards}') },
      'UNSUPPORTED_TYPE',
    ],
    [
      'RTF named .txt',
      { filename: 'giftcards.txt', bytes: enc('{\\rtf1\\ansi Gift cards never expire.}') },
      'UNSUPPORTED_TYPE',
    ],
    [
      'an image with no zero byte',
      { filename: 'logo.png', bytes: enc('not really a picture, but named as one') },
      'UNSUPPORTED_TYPE',
    ],
    [
      'binary named .txt',
      {
        filename: 'notes.txt',
        bytes: Uint8Array.from({ length: 600 }, (_, i) => [0x01, 0x02, 0x8d, 0x90, 0x41][i % 5]),
      },
      'UNSUPPORTED_TYPE',
    ],
  ])('rejects %s with a coded error naming the file', async (_, input, code) => {
    const err = await errorOf(parseSource(input));
    expect(err.code).toBe(code);
    expect(err.source).toBe(input.filename);
    expect(err.message.length).toBeGreaterThan(10);
  });

  it('rejects a file over the size limit', async () => {
    const err = await errorOf(
      parseSource({ filename: 'big.txt', bytes: new Uint8Array(2048).fill(65) }, { maxBytes: 1024 }),
    );
    expect(err.code).toBe('TOO_LARGE');
  });

  it('keeps a batch going past a bad file and reports progress', async () => {
    const progress: number[] = [];
    const results = await ingestFiles(
      [
        { sourceId: 'a', filename: 'broken.pdf', bytes: enc('%PDF-1.4 broken') },
        { sourceId: 'b', filename: 'ok.md', bytes: enc('# Hours\n\nOpen daily.') },
      ],
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(results[0].error?.code).toBe('CORRUPT_FILE');
    expect(results[1].chunks[0]).toMatchObject({ sourceId: 'b', text: 'Open daily.' });
    expect(progress).toEqual([1, 2]);
  });
});
