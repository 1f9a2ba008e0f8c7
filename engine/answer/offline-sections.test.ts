import { describe, expect, it } from 'vitest';
import { answerOffline } from './offline';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk } from '../retrieve/types';
import { passage } from './testkit';

/**
 * Which section of a page an answer quotes: the general one or a subsection, never an
 * introduction that says nothing asked.
 */
/** An index, with word vectors, of passages on the pages `sourceOf` puts them on. */
async function indexOf(chunks: KnowledgeChunk[], sourceOf: (c: KnowledgeChunk) => string): Promise<KnowledgeIndex> {
  const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  index.upsert(chunks.map((c) => ({ ...c, sourceId: sourceOf(c) })));
  await index.prepared();
  return index;
}

describe('answerOffline: the section quoted', () => {
  it('quotes the general section for a general question, a subsection when the question names it', async () => {
    const page = ['Store Hours and Location'];
    const hours = await indexOf(
      [
        passage('intro', page, 'Riff & Rhythm is an independent music store on Hawthorne Boulevard.'),
        passage(
          'regular',
          [...page, 'Regular Store Hours'],
          'Monday to Saturday 10:00 am – 7:00 pm. Sunday 12:00 pm – 5:00 pm.',
        ),
        passage(
          'repair',
          [...page, 'Regular Store Hours', 'Repair Desk Hours'],
          'The repair desk is staffed Tuesday to Saturday, 10:00 am – 5:00 pm.',
        ),
        passage(
          'lesson',
          [...page, 'Regular Store Hours', 'Lesson Hours'],
          'Lessons run Monday to Friday from 2:00 pm to 9:00 pm.',
        ),
        passage('parking', ['Parking'], 'Free parking behind the store after 6 pm.'),
      ],
      (c) => (c.id === 'parking' ? 'parking' : 'hours'),
    );
    const quoted = (q: string) => answerOffline(hours, q, { threshold: 0 }).citations[0]?.chunkId;
    expect(quoted('what are your hours')).toBe('regular');
    expect(quoted('when are you open on sunday')).toBe('regular');
    expect(quoted('what are your lesson hours')).toBe('lesson');
    expect(quoted('repair desk hours')).toBe('repair');
  });

  it('keeps the subsection whose text says what the question asks and its parent does not', async () => {
    const shipping = await indexOf(
      [
        passage(
          'lead',
          ['Shipping & Delivery'],
          'Every candle is hand-poured, so allow a little time before it ships.',
        ),
        passage('uk', ['Shipping & Delivery', 'UK delivery'], 'Royal Mail Tracked 48: £3.95. DPD next day: £7.50.'),
        passage(
          'world',
          ['Shipping & Delivery', 'International delivery'],
          'We ship to Ireland, the EU, the USA and Canada. Customs duties are the customer’s to pay.',
        ),
      ],
      () => 'shipping',
    );
    expect(answerOffline(shipping, 'do you ship to canada', { threshold: 0 }).citations[0]?.chunkId).toBe('world');
  });

  it("keeps the subsection headed with what is asked, which its page's introduction only mentions", async () => {
    const page = ['Custom Cakes'];
    const cakes = await indexOf(
      [
        passage(
          'intro',
          page,
          'Birthday and celebration cakes made to order, in our own flavours and decorated by hand.',
        ),
        passage(
          'flavours',
          [...page, 'Flavours'],
          'Vanilla bean, chocolate stout, lemon olive oil and carrot cake, with buttercream or cream cheese frosting.',
        ),
        passage(
          'sizes',
          [...page, 'Sizes and prices'],
          'A 6 inch cake serves 8 and costs $45; an 8 inch serves 14 for $60.',
        ),
      ],
      () => 'custom-cakes',
    );
    const a = answerOffline(cakes, 'what cake flavours do you have', { threshold: 0 });
    expect(a.citations[0]?.chunkId).toBe('flavours');
    expect(a.text).toMatch(/Vanilla bean/);
  });

  it("quotes a section, not its page's introduction that matched on the page's heading alone", async () => {
    const page = ['Shipping & Returns'];
    const returns = await indexOf(
      [
        passage(
          'intro',
          page,
          'Northbound is an online-only store: we have no retail shops. Every order ships from our warehouse in Denver.',
        ),
        passage(
          'us',
          [...page, 'Shipping in the US'],
          'Standard shipping takes 3 to 6 business days and is free over $99, otherwise $7.',
        ),
        passage(
          'returns',
          [...page, 'Returns'],
          'Return anything unworn, unwashed and with its tags within 60 days for a full refund. Returns are free in the US: print a label from your order page.',
        ),
      ],
      () => 'shipping-returns',
    );
    const a = answerOffline(returns, 'what is your return policy', { threshold: 0 });
    expect(a.citations[0]?.chunkId).toBe('returns');
    expect(a.text).toMatch(/within 60 days/);
  });

  it("quotes a section, not a page's introduction that only says what the page covers", async () => {
    const page = ['Returns & Exchanges'];
    const returns = await indexOf(
      [
        passage('intro', page, "We want you to love every skein. If something isn't right, here is how returns work."),
        passage('yarn', [...page, 'Yarn'], 'Unused yarn in its original bands can be returned within 30 days.'),
        passage(
          'start',
          [...page, 'How to start a return'],
          'Email us with your order number and the items you are sending back. Refunds take 5 business days.',
        ),
        passage('club', ['Yarn club'], 'The yarn club ships a new colourway every month.'),
      ],
      (c) => (c.id === 'club' ? 'club' : 'returns'),
    );
    const a = answerOffline(returns, 'how do returns work', { threshold: 0 });
    expect(['yarn', 'start']).toContain(a.citations[0]?.chunkId);
    expect(a.text).not.toMatch(/love every skein/);
  });
});
