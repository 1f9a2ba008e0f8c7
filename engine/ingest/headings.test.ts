import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk';
import { boldHeadings } from './headings';
import { parseSource } from './parse';
import { enc } from './testfiles';

/** Each chunk as "heading path: text". */
async function sections(filename: string, bytes: Uint8Array): Promise<string[]> {
  const doc = await parseSource({ filename, bytes });
  return chunkDocument(doc, { sourceId: filename }).map((c) => `${c.headingPath.join(' > ')}: ${c.text}`);
}

describe('headings written as bold text', () => {
  it('reads a Word document whose headings are bold lines', async () => {
    const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
    const doc = new Document({
      sections: [
        {
          children: [
            para('Wholesale', true),
            para('We roast for cafés and offices in the county.'),
            para('Pricing', true),
            para('Wholesale prices start at $14 a pound for 10 pounds or more.'),
            para('Delivery:', true),
            para('Free delivery every Tuesday within 20 miles.'),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(await sections('wholesale.docx', bytes)).toEqual([
      // The file's name is its title ("Wholesale"), the same as its first bold line.
      'Wholesale: We roast for cafés and offices in the county.',
      'Wholesale > Pricing: Wholesale prices start at $14 a pound for 10 pounds or more.',
      'Wholesale > Delivery: Free delivery every Tuesday within 20 miles.',
    ]);
  });

  it('reads <p><strong> lines of a page and **bold** lines of Markdown under the real heading above', async () => {
    const page = `<html><body><main><h1>Shipping &amp; returns</h1>
      <p><strong>Shipping</strong></p><p>We ship within the US only.</p>
      <p><b>Returns</b></p><p>Unopened items within 30 days.</p>
      <p><strong>Local pickup:</strong> free at the roastery.</p></main></body></html>`;
    expect(await sections('policies.html', enc(page))).toEqual([
      'Shipping & returns > Shipping: We ship within the US only.',
      'Shipping & returns > Returns: Unopened items within 30 days.\n\nLocal pickup: free at the roastery.',
    ]);
    const md =
      '# Policies\n\n**Shipping**\n\nWe ship within the US only.\n\n__Returns__\n\nUnopened items within 30 days.\n';
    expect(await sections('policies.md', enc(md))).toEqual([
      'Policies > Shipping: We ship within the US only.',
      'Policies > Returns: Unopened items within 30 days.',
    ]);
  });

  it('keeps bold emphasis as text: a sentence, a long line, a line with nothing under it', () => {
    const blocks = boldHeadings([
      { kind: 'text', text: 'Free shipping over $50!', bold: true },
      {
        kind: 'text',
        text: 'Every order ships from our roastery in Maine within two business days of roasting',
        bold: true,
      },
      { kind: 'text', text: 'Roasted to order' },
      { kind: 'text', text: 'Gift wrapping', bold: true },
    ]);
    expect(blocks).toEqual([
      { kind: 'text', text: 'Free shipping over $50!' },
      { kind: 'text', text: 'Every order ships from our roastery in Maine within two business days of roasting' },
      { kind: 'text', text: 'Roasted to order' },
      { kind: 'text', text: 'Gift wrapping' },
    ]);
  });
});

describe('headings in plain text', () => {
  it('reads a first line in capitals as the title, and capitals or "Label:" lines over text as sections, in title case', async () => {
    const txt =
      'TIDEWATER COFFEE POLICIES\n\nSHIPPING\nWe ship within the US only.\nStandard shipping is $6.95.\n\n' +
      'RETURNS\nUnopened bags within 30 days.\n\nWholesale:\nPrices start at $14 a pound.\n\n' +
      'WHO YOU WILL MEET AT THE UK SHOP\nOur roasters.\n';
    const doc = await parseSource({ filename: 'policies.txt', bytes: enc(txt) });
    expect(doc.title).toBe('Tidewater Coffee Policies');
    expect(await sections('policies.txt', enc(txt))).toEqual([
      'Tidewater Coffee Policies > Shipping: We ship within the US only.\nStandard shipping is $6.95.',
      'Tidewater Coffee Policies > Returns: Unopened bags within 30 days.',
      'Tidewater Coffee Policies > Wholesale: Prices start at $14 a pound.',
      // Short everyday words in title case, initials as typed.
      'Tidewater Coffee Policies > Who You Will Meet at the UK Shop: Our roasters.',
    ]);
  });

  it('keeps a sentence, a shouted sentence and a label with nothing under it as text', async () => {
    const txt = 'Thanks for shopping with us.\n\nWE SHIP EVERY DAY!\nEven Sundays.\n\nNote:\n';
    expect(await sections('notes.txt', enc(txt))).toEqual([
      'Notes: Thanks for shopping with us.\n\nWE SHIP EVERY DAY!\nEven Sundays.\n\nNote:',
    ]);
  });
});
