/**
 * Everyday asks put with a word or two of the visitor's own: read as the ask they are most like
 * (ask-kinds.ts), only when the ranking alone would not answer them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { likelyAsk } from './ask-kinds';
import { answerOffline } from './offline';
import { plainDetailAsked } from './shop-details';
import { plainTopicAsked } from './shop-topics';
import { onPage } from './testkit';

describe('likelyAsk', () => {
  it.each([
    ['is there parking for my camper van', 'parking'],
    ['how long does shipping take to reach vermont', 'shipTime'],
    ['what does postage cost for a heavy parcel', 'shipCost'],
    ['what time do you open on saturdays mate', 'hours'],
  ])('reads %s as %s, which its examples do not hold', (q, kind) => {
    expect(likelyAsk(q)).toBe(kind);
  });

  it("reads a message's asking sentence, not only the whole of it", () => {
    expect(likelyAsk('Moving house soon so I need to know. What does postage cost for a heavy parcel?')).toBe(
      'shipCost',
    );
  });

  it('names no ask for other questions', () => {
    expect(likelyAsk('do you sell sourdough starter')).toBeNull();
    expect(likelyAsk('can my sister return the sweater i bought her')).toBeNull();
  });
});

describe('plain asks with words of their own', () => {
  it.each([
    ['how long does shipping take to reach vermont', 'shipTime'],
    ['what does postage cost for a heavy parcel', 'shipCost'],
    ['what time do you open on saturdays mate', 'hours'],
  ])('reads %s as %s, which the word lists alone do not', (q, asked) => {
    expect(plainDetailAsked(q, false)).toBeNull();
    expect(plainDetailAsked(q)).toBe(asked);
  });

  it('reads a topic the same way', () => {
    expect(plainTopicAsked('is there parking for my camper van', false)).toBeNull();
    expect(plainTopicAsked('is there parking for my camper van')).toBe('parking');
  });

  it('leaves something else opening', () => {
    expect(likelyAsk('what time does the farmers market open on saturday')).toBe('hours');
    expect(plainDetailAsked('what time does the farmers market open on saturday')).toBeNull();
  });

  it('leaves a discount on a condition', () => {
    expect(likelyAsk('got any discounts for a big order')).toBe('discount');
    expect(plainDetailAsked('got any discounts for a big order')).toBeNull();
  });
});

describe('answerOffline with everyday asks read by likeness', () => {
  let index: KnowledgeIndex;
  beforeAll(async () => {
    index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      onPage(
        'visit.md',
        'hours',
        ['Visit us', 'Opening hours'],
        'We are open Monday to Saturday, 9am to 6pm, and Sunday 10am to 4pm.',
      ),
      onPage(
        'cafe.md',
        'cafe',
        ['The café upstairs'],
        'Our café upstairs serves coffee, cakes and light lunches. The café opens at 8am and closes at 3pm every day.',
      ),
      onPage(
        'shipping.md',
        'shipping',
        ['Shipping'],
        'We ship anywhere in the US. Orders leave within 2 business days and arrive in 3 to 5 days. Shipping is $6, free over $50.',
      ),
    ]);
    await index.prepared();
  });

  it.each([
    ['what does postage cost for a heavy parcel', 'shipping'],
    ['wots ur opening times at the weekend', 'hours'],
  ])('answers %s from the passage holding it, where the ranking alone doubts it', (q, holder) => {
    const a = answerOffline(index, q);
    expect(a.abstained).toBe(false);
    expect(a.citations.map((c) => c.chunkId)).toEqual([holder]);
  });

  it('keeps to the ranking when it answers alone', () => {
    expect(likelyAsk('opening hours of the cafe upstairs')).toBe('hours');
    const a = answerOffline(index, 'opening hours of the cafe upstairs');
    expect(a.citations.map((c) => c.chunkId)).toEqual(['cafe']);
  });
});
