import { describe, expect, it } from 'vitest';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import type { Block } from './types';

/** Enough text for <main> to be taken for the page's text. */
const LEAD = '<p>A paragraph long enough that the main element is the page text.</p>';
/** The blocks of a page whose <main> holds `html`, as "text" or "# heading" lines. */
const blocks = (html: string) =>
  parseHtml(`<html><body><main><h1>Page</h1>${LEAD}${html}</main></body></html>`, 'page').blocks.slice(2).map(show);
const show = (b: Block) =>
  b.kind === 'heading' ? `${'#'.repeat(b.level)} ${b.text}` : b.kind === 'text' ? b.text : '';

describe('HTML text: what sets words apart', () => {
  it('reads a <br> as a break between words, in every kind of block and in a table cell', () => {
    expect(blocks('<p>Tracked 48: £3.95<br>Tracked 24: £5.50</p>')).toEqual(['Tracked 48: £3.95 Tracked 24: £5.50']);
    expect(blocks('<address>Arch 14, Mayfield Yard<br />Manchester M1 2QF</address>')).toEqual([
      'Arch 14, Mayfield Yard Manchester M1 2QF',
    ]);
    expect(blocks('<dl><dt>Wholesale?</dt><dd>Minimum £150<br>50% of retail</dd></dl>')).toEqual([
      'Wholesale?',
      'Minimum £150 50% of retail',
    ]);
    expect(blocks('<ul><li>Mon–Fri 9–5<br>Sat 10–2</li></ul>')).toEqual(['- Mon–Fri 9–5 Sat 10–2']);
    expect(blocks('<h2>Open<br>every day</h2>')).toEqual(['## Open every day']);
    const page = `<html><body><main><h1>Shipping &amp;<br>Returns</h1>${LEAD}</main></body></html>`;
    expect(parseHtml(page, 'page').title).toBe('Shipping & Returns');
    const table =
      '<table><tr><th>Extra</th><th>Price</th></tr><tr><td>Flea bath</td><td>£12<br><small>(book ahead)</small></td></tr></table>';
    expect(blocks(table)).toEqual(['Extra: Flea bath; Price: £12 (book ahead).']);
  });

  it("keeps a Word table cell's paragraphs apart, and inline markup inside a word joined", () => {
    // mammoth writes each paragraph of a cell as a <p>
    const table =
      '<table><tr><th>Service</th><th>Price</th></tr><tr><td><p>Basic tune-up</p><p>gears and brakes</p></td><td><p><b>$</b>75</p></td></tr></table>';
    expect(blocks(table)).toEqual(['Service: Basic tune-up gears and brakes; Price: $75.']);
    expect(blocks('<p><b>W</b>ord and <a href="/x">link</a>ed <em>un</em>changed</p>')).toEqual([
      'Word and linked unchanged',
    ]);
  });

  it('sets apart two elements side by side (a day and its hours), not a word set one span per letter', () => {
    expect(blocks('<ul><li><span>Saturday</span><span>9am–5pm</span></li></ul>')).toEqual(['- Saturday 9am–5pm']);
    expect(blocks('<h2><span>S</span><span>a</span><span>l</span><span>e</span></h2>')).toEqual(['## Sale']);
  });
});

describe('HTML text: elements outside the list of blocks', () => {
  it("reads a theme's custom element holding headings as a container, not as one run of text", () => {
    const html =
      '<product-info><h2>Care</h2><p>Machine wash at 40°C.</p><h2>Returns</h2><p>Within 30 days.</p></product-info>';
    expect(blocks(html)).toEqual(['## Care', 'Machine wash at 40°C.', '## Returns', 'Within 30 days.']);
  });

  it('reads a link wrapping a card of blocks as those blocks', () => {
    const html =
      '<a class="card" href="/book"><div>Puppy intro</div><div>A 30-minute session.</div><span>£25</span></a>';
    expect(blocks(html)).toEqual(['Puppy intro', 'A 30-minute session.', '£25']);
  });
});

describe('HTML tables', () => {
  it('takes a first row in bold for the header, as Word and Gutenberg write one', () => {
    const html =
      '<table><tr><td><strong>Reason</strong></td><td><strong>Refund</strong></td></tr><tr><td>Changed my mind</td><td>Product price only</td></tr></table>';
    expect(blocks(html)).toEqual(['Reason: Changed my mind; Refund: Product price only.']);
    // …but not when the rows below are in bold too
    const allBold =
      '<table><tr><td><b>Mon</b></td><td><b>9–5</b></td></tr><tr><td><b>Tue</b></td><td><b>9–1</b></td></tr></table>';
    expect(blocks(allBold)).toEqual(['Mon; 9–5.', 'Tue; 9–1.']);
  });

  it('takes a first row with an empty corner over row headers for the header', () => {
    const html =
      '<table><tr><td></td><th>Small</th><th>Large</th></tr><tr><th scope="row">Short coat</th><td>£35</td><td>£50</td></tr></table>';
    expect(blocks(html)).toEqual(['Short coat; Small: £35; Large: £50.']);
  });

  it('puts each cell under its column when cells span rows or columns', () => {
    const rowspan =
      '<table><thead><tr><th>Destination</th><th>Service</th><th>Price</th></tr></thead><tbody><tr><td rowspan="2">EU</td><td>Standard</td><td>£9.95</td></tr><tr><td>Express</td><td>£16.50</td></tr></tbody></table>';
    expect(blocks(rowspan)).toEqual([
      'Destination: EU; Service: Standard; Price: £9.95.',
      'Destination: EU; Service: Express; Price: £16.50.',
    ]);
    const colspan =
      '<table><tr><th>Day</th><th>Opens</th><th>Closes</th></tr><tr><td>Sunday</td><td colspan="2">Closed</td></tr><tr><td>Monday</td><td>9am</td><td>5pm</td></tr></table>';
    expect(blocks(colspan)).toEqual(['Day: Sunday; Opens: Closed.', 'Day: Monday; Opens: 9am; Closes: 5pm.']);
  });
});

describe('HTML page whose text is mostly in one element', () => {
  it('reads a table holding most of a page without <main> as a table, and a lone paragraph as one', () => {
    const rows = ['UK standard', 'Europe', 'Rest of world']
      .map((d, i) => `<tr><td>${d}</td><td>£${i + 3}.95</td><td>${i + 2} to ${i + 4} working days</td></tr>`)
      .join('');
    const table = `<table><thead><tr><th>Destination</th><th>Price</th><th>Time</th></tr></thead><tbody>${rows}</tbody></table>`;
    const page = parseHtml(`<html><body><div><h1>Rates</h1>${table}</div></body></html>`, 'page');
    expect(page.blocks.map(show)).toContain('Destination: Europe; Price: £4.95; Time: 3 to 5 working days.');
    const lone = parseHtml(
      '<html><body><main><p><b>W</b>ord and <a href="/x">link</a>ed</p></main></body></html>',
      'p',
    );
    expect(lone.blocks.map(show)).toEqual(['Word and linked']);
  });
});

describe('HTML inside Markdown', () => {
  const md = (s: string) => parseMarkdown(s, 'doc').blocks.map(show);

  it('reads a <br> or a block tag as a break between words', () => {
    expect(md('Mon-Fri 9am-6pm<br>Sat 10am-4pm<br/>Sun closed')).toEqual(['Mon-Fri 9am-6pm Sat 10am-4pm Sun closed']);
    expect(md('<div>Click and collect</div><div>is free</div>')).toEqual(['Click and collect is free']);
    expect(md('Write to <hello@shop.example> or see <https://shop.example/faq>.')).toEqual([
      'Write to hello@shop.example or see https://shop.example/faq.',
    ]);
  });

  it('reads an HTML table as a page’s table: a sentence per row naming its columns', () => {
    const doc =
      '## Size guide\n\n<table>\n  <tr><th>Rider height</th><th>Frame</th></tr>\n  <tr><td>165-175 cm</td><td>M (54 cm)</td></tr>\n</table>\n\nAsk in store.';
    expect(md(doc)).toEqual(['## Size guide', 'Rider height: 165-175 cm; Frame: M (54 cm).', 'Ask in store.']);
  });
});
