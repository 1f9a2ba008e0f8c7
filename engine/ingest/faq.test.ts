import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chunkDocument } from './chunk';
import { faqSections } from './faq';
import { parseSource } from './parse';
import { enc } from './testfiles';
import type { Block } from './types';

const t = (text: string): Block => ({ kind: 'text', text });

/** Each chunk as "heading path: text". */
async function sections(filename: string, bytes: Uint8Array): Promise<string[]> {
  const doc = await parseSource({ filename, bytes });
  return chunkDocument(doc, { sourceId: filename }).map((c) => `${c.headingPath.join(' > ')}: ${c.text}`);
}

describe('faqSections', () => {
  it('makes a section of each question of a run, under the heading above it', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'Delivery' },
      t('We deliver across the county.'),
      t('Do you deliver on Sundays?'),
      t('No. We deliver Monday to Saturday.'),
      t('Q: How much is delivery?'),
      t('A: $12 within 10 miles.'),
      t('Further out it is $20.'),
    ];
    expect(faqSections(blocks)).toEqual([
      { kind: 'heading', level: 2, text: 'Delivery' },
      t('We deliver across the county.'),
      { kind: 'heading', level: 3, text: 'Do you deliver on Sundays?' },
      t('No. We deliver Monday to Saturday.'),
      { kind: 'heading', level: 3, text: 'How much is delivery?' },
      t('$12 within 10 miles.'),
      t('Further out it is $20.'),
    ]);
  });

  it("keeps a PDF page's anchor on the question's section and its answer", () => {
    const out = faqSections([
      { kind: 'text', text: 'Do you ship abroad?', anchor: 'page=3' },
      { kind: 'text', text: 'No, only within the US.', anchor: 'page=3' },
      { kind: 'text', text: 'Q: Can I pick up? A: Yes, at the roastery.', anchor: 'page=4' },
    ]);
    expect(out).toEqual([
      { kind: 'heading', level: 2, text: 'Do you ship abroad?', anchor: 'page=3' },
      { kind: 'text', text: 'No, only within the US.', anchor: 'page=3' },
      { kind: 'heading', level: 2, text: 'Can I pick up?', anchor: 'page=4' },
      { kind: 'text', text: 'Yes, at the roastery.', anchor: 'page=4' },
    ]);
  });

  it('reads "Q: … A: …" written in one paragraph', () => {
    const out = faqSections([
      t('Q: Are your flowers local?\nA: From May to October.'),
      t('Q: Do you have a store? A: Yes.'),
    ]);
    expect(out).toEqual([
      { kind: 'heading', level: 2, text: 'Are your flowers local?' },
      t('From May to October.'),
      { kind: 'heading', level: 2, text: 'Do you have a store?' },
      t('Yes.'),
    ]);
  });

  it('leaves prose that asks one question, a paragraph ending in a question and list items alone', () => {
    const prose: Block[] = [
      { kind: 'text', text: 'Between two sizes?', anchor: 'page=2' },
      { kind: 'text', text: 'A. Take the larger one: our jackets run small.', anchor: 'page=2' },
      t('We ship every weekday. Any questions?'),
      t('Email us.'),
      t('- Is it waterproof?'),
      t('- Yes.'),
    ];
    expect(faqSections(prose)).toEqual(prose);
  });
});

describe('an FAQ page becomes one section per question', () => {
  it('reads <details> accordions, definition lists and a toggle over a hidden answer', async () => {
    const page = `<html><head><title>FAQ | Bloom</title></head><body>
      <header><nav><a href="/">Home</a><a href="/shop">Shop</a><a href="/faq">FAQ</a></nav></header>
      <main><h1>Frequently asked questions</h1>
        <details><summary>Do you deliver on Sundays?</summary><div><p>No, Monday to Saturday only.</p></div></details>
        <div class="faq-item"><button class="faq-question">Can I add a card message?</button>
          <div class="faq-answer" hidden><p>Yes, at checkout, up to 200 characters.</p></div></div>
        <dl><dt>Do you do funeral flowers?</dt><dd>Yes, we deliver to funeral homes in town.</dd></dl>
      </main><footer>© Bloom</footer></body></html>`;
    expect(await sections('faq.html', enc(page))).toEqual([
      'Frequently asked questions > Do you deliver on Sundays?: No, Monday to Saturday only.',
      'Frequently asked questions > Can I add a card message?: Yes, at checkout, up to 200 characters.',
      'Frequently asked questions > Do you do funeral flowers?: Yes, we deliver to funeral homes in town.',
    ]);
  });

  it("keeps the ARIA accordion's heading buttons and hidden panels, not a menu toggle or a hidden popup", async () => {
    const page = `<html><body>
      <header><button aria-expanded="false" aria-controls="menu">Menu</button>
        <div id="menu" hidden><ul><li><a href="/a">Shop</a></li><li><a href="/b">About</a></li><li><a href="/c">Contact</a></li></ul></div></header>
      <main><h1>Help</h1><p>Answers about our candles.</p>
        <h3><button aria-expanded="false" aria-controls="p1">How long do your candles burn?</button></h3>
        <div id="p1" role="region" hidden><p>About 45 hours for an 8 oz candle.</p></div>
        <h3><button aria-expanded="false" aria-controls="p2">Are the wicks lead free?</button></h3>
        <div id="p2" role="region" hidden><p>Yes, cotton and lead free.</p></div>
        <button class="add-to-cart">Add to cart</button>
        <div class="popup" hidden><p>Sign up for our newsletter and get 10% off your first order.</p></div>
      </main></body></html>`;
    expect(await sections('help.html', enc(page))).toEqual([
      'Help: Answers about our candles.',
      'Help > How long do your candles burn?: About 45 hours for an 8 oz candle.',
      'Help > Are the wicks lead free?: Yes, cotton and lead free.',
    ]);
  });

  it('reads "**Q:** … A: …" in Markdown', async () => {
    const md =
      '# FAQ\n\n**Q: Are your flowers locally grown?**\nA: From May to October.\n\n**Q: Do you have a store?**\nA: Yes, at 12 Elm Street.\n';
    expect(await sections('faq.md', enc(md))).toEqual([
      'FAQ > Are your flowers locally grown?: From May to October.',
      'FAQ > Do you have a store?: Yes, at 12 Elm Street.',
    ]);
  });

  it("splits a PDF's question from the long last line of the answer above it (by the space between)", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const lines: [string, number, number][] = [
      ['Questions', 780, 20],
      ['Do you sell gift cards?', 740, 10],
      ['Yes, for any amount or for a specific class, in the studio or online, valid for two years.', 724, 10],
      ['Is the studio wheelchair accessible?', 708, 10],
      ['Yes. The studio is on the ground floor with a step-free entrance and a wheel at seated', 692, 10],
      ['height. Tell us when you book.', 679, 10],
      ['Are your glazes food safe?', 663, 10],
      ['All our studio glazes are lead-free and food safe once fired, inside and outside the piece,', 647, 10],
      ['for plates, bowls and mugs alike.', 634, 10],
    ];
    for (const [text, y, size] of lines) page.drawText(text, { x: 50, y, size, font });
    expect(await sections('faq.pdf', await pdf.save())).toEqual([
      'Questions > Do you sell gift cards?: Yes, for any amount or for a specific class, in the studio or online, valid for two years.',
      'Questions > Is the studio wheelchair accessible?: Yes. The studio is on the ground floor with a step-free entrance and a wheel at seated height. Tell us when you book.',
      'Questions > Are your glazes food safe?: All our studio glazes are lead-free and food safe once fired, inside and outside the piece, for plates, bowls and mugs alike.',
    ]);
  });

  it("splits a PDF's questions from one-line answers above them when there is no line pitch to read", async () => {
    // Questions a size up in bold, each answer one line: no answer wraps, so the space between
    // lines says nothing, and the answers are too long to end a paragraph by their length.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const page = pdf.addPage([612, 792]);
    const lines: [string, number, number, typeof font][] = [
      ['Subscription FAQ', 740, 15, bold],
      ['Can I change the coffee in my subscription?', 710, 12, bold],
      ['Yes, you can swap to any coffee in our shop before your next renewal date.', 691, 11, font],
      ['When will I be charged?', 665, 12, bold],
      ['Your card is charged on the renewal date, and your coffee ships within 2 days.', 646, 11, font],
      ['Do you offer a student discount?', 620, 12, bold],
      ['Students get 15% off with a valid .edu email address. Contact us for a code.', 601, 11, font],
    ];
    for (const [text, y, size, f] of lines) page.drawText(text, { x: 56, y, size, font: f });
    expect(await sections('subscriptions.pdf', await pdf.save())).toEqual([
      'Subscription FAQ > Can I change the coffee in my subscription?: Yes, you can swap to any coffee in our shop before your next renewal date.',
      'Subscription FAQ > When will I be charged?: Your card is charged on the renewal date, and your coffee ships within 2 days.',
      'Subscription FAQ > Do you offer a student discount?: Students get 15% off with a valid .edu email address. Contact us for a code.',
    ]);
  });
});
