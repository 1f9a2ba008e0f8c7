import { describe, expect, it } from 'vitest';
import { parseQaCsv } from './csv';
import type { Block } from './types';

const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });
const t = (text: string): Block => ({ kind: 'text', text });

/** A table CSV's blocks after its title. */
const rowsOf = (csv: string) => parseQaCsv(csv, 'f').blocks.slice(1);

describe('a table CSV', () => {
  it('keeps a yes/no or 0/1 cell: under its column it is a fact ("In stock: No", "Stock: 0")', () => {
    expect(rowsOf('Product name,Price,In stock,Stock\nMini pump,£19.99,No,0\nBell,£6.99,Yes,1\n')).toEqual([
      h2('Mini pump'),
      t('Price: £19.99; In stock: No; Stock: 0.'),
      h2('Bell'),
      t('Price: £6.99; In stock: Yes; Stock: 1.'),
    ]);
  });

  it('drops placeholder and link cells', () => {
    expect(rowsOf('Item,Price,Size,Colour,Page\nBell,£6.99,-,N/A,https://shop.example/bell\n')).toEqual([
      h2('Bell'),
      t('Price: £6.99.'),
    ]);
  });

  it("leaves out a platform export's flag columns by their names", () => {
    const shopify =
      'Handle,Title,Vendor,Published,Variant Price,Variant Requires Shipping,Variant Taxable,Gift Card,Included / United Kingdom\n' +
      'bell,Bell,Acme,TRUE,6.99,TRUE,TRUE,FALSE,TRUE\n';
    expect(rowsOf(shopify)).toEqual([h2('Bell'), t('Vendor: Acme.'), t('Price: 6.99.')]);
    const woo =
      'ID,Type,SKU,Name,Published,Is featured?,Visibility in catalog,In stock?,Stock,Sold individually?,Allow customer reviews?,Regular price\n' +
      '12,simple,BEL-1,Bell,1,0,visible,1,4,0,1,6.99\n';
    expect(rowsOf(woo)).toEqual([h2('Bell'), t('Type: simple; In stock: 1; Stock: 4; Regular price: 6.99.')]);
  });

  it('keeps a column named by its unit ("Weight (grams)"), drops ids and timestamps', () => {
    const csv =
      'Product ID,Product name,Weight (grams),Created at,updated_at\n' +
      '991,Trail Pro helmet,310,2026-01-02T10:00:00Z,2026-02-03T10:00:00Z\n';
    expect(rowsOf(csv)).toEqual([h2('Trail Pro helmet'), t('Weight (grams): 310.')]);
  });

  it('reads a header whose label asks ("Available?") as a header, its label without the "?"', () => {
    expect(rowsOf('Item,Price,Available?\nBell,£6.99,Yes\nRear light,£24.00,No\n')).toEqual([
      h2('Bell'),
      t('Price: £6.99; Available: Yes.'),
      h2('Rear light'),
      t('Price: £24.00; Available: No.'),
    ]);
  });

  it('still reads a header-less Q&A file as Q&A when its first question is short', () => {
    const doc = parseQaCsv('Open Sundays?,No,sunday hours,Hours\nDo you deliver?,Yes,delivery,Shipping\n', 'f');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['qa', 'qa']);
  });

  it('does not read a product table with a "Variant" or "Response time" column as Q&A', () => {
    expect(rowsOf('Service,Variant,Price,Response time\nCallout,Standard,$80,4 hours\n')).toEqual([
      h2('Callout'),
      t('Variant: Standard; Price: $80; Response time: 4 hours.'),
    ]);
  });
});

describe('a Q&A CSV header', () => {
  it('finds question, answer and category columns by the words in their names', () => {
    const doc = parseQaCsv(
      '"Customer question","Our reply","Topic"\n"Do you sell gift vouchers?","Yes","Gifts"\n"Do you buy used bikes?","No","Sales"\n',
      'f',
    );
    expect(doc.blocks).toEqual([
      { kind: 'qa', questions: ['Do you sell gift vouchers?'], answer: 'Yes', category: 'Gifts' },
      { kind: 'qa', questions: ['Do you buy used bikes?'], answer: 'No', category: 'Sales' },
    ]);
  });

  it('is not an entry of its own ("faq,response")', () => {
    const doc = parseQaCsv('faq,response\nDo you price match?,"Yes, on the identical bike."\n', 'f');
    expect(doc.blocks).toEqual([
      { kind: 'qa', questions: ['Do you price match?'], answer: 'Yes, on the identical bike.' },
    ]);
  });

  it('reads Q / A, numbered and alternate phrasing columns, and not a question id as a phrasing', () => {
    expect(parseQaCsv('Q,A\nOpen Sundays?,No.\n', 'f').blocks).toEqual([
      { kind: 'qa', questions: ['Open Sundays?'], answer: 'No.' },
    ]);
    const doc = parseQaCsv(
      'Question ID,FAQ question,Other phrasings,answer_en,FAQ category\n17,Open Sundays?,sunday hours,No.,Hours\n',
      'f',
    );
    expect(doc.blocks).toEqual([
      { kind: 'qa', questions: ['Open Sundays?', 'sunday hours'], answer: 'No.', category: 'Hours' },
    ]);
  });
});
