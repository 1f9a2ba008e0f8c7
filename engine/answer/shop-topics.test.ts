import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { answerOffline } from './offline';
import { plainTopicAsked, topicHolder } from './shop-topics';
import { faq, onPage, rankedShop, searchHit } from './testkit';

const on = onPage;

describe('plainTopicAsked', () => {
  it('reads a plain ask for returns, gift cards or parking however it is typed', () => {
    expect(plainTopicAsked('whats ur returns policy')).toBe('returns');
    expect(plainTopicAsked('is it possible to get a refnd')).toBe('returns');
    expect(plainTopicAsked("Hi, I bought something that doesn't fit - what's your policy on returns?")).toBe('returns');
    expect(plainTopicAsked("opened the earl grey and i don't like it, can i send it back")).toBe('returns');
    expect(plainTopicAsked('can i still return it without the original packaging')).toBe('returns');
    expect(plainTopicAsked('do you have gift vouchers')).toBe('giftCards');
    expect(plainTopicAsked('can i get a giftcard for $50')).toBe('giftCards');
    expect(plainTopicAsked("Hi, I'm driving over later - is there somewhere I can park near the shop?")).toBe(
      'parking',
    );
  });

  it('reads a question on bringing a pet, by whatever the visitor calls it', () => {
    expect(plainTopicAsked('can i bring my dog in the shop')).toBe('pets');
    expect(plainTopicAsked('dog friendly?')).toBe('pets');
    expect(plainTopicAsked('can i bring my golden retriever on the paddleboard')).toBe('pets');
    // Goods for pets are no pet brought along.
    expect(plainTopicAsked('do you sell dog beds')).toBeNull();
    expect(plainTopicAsked('do you make dog treats')).toBeNull();
    expect(plainTopicAsked('is the cat litter ok to ship')).toBeNull();
    expect(plainTopicAsked('is the film lab ok to drop off at on sunday')).toBeNull();
  });

  it('leaves a question that asks anything more to the usual answer', () => {
    expect(plainTopicAsked('can i return a fish that died after 2 days')).toBeNull();
    expect(plainTopicAsked('can i pay with a gift card')).toBeNull();
    // Unless the tagger of everyday asks reads it as one, with a word or two of its own (ask-kinds.ts).
    expect(plainTopicAsked('is there parking for a bus', false)).toBeNull();
    expect(plainTopicAsked('how much is shipping')).toBeNull();
    expect(plainTopicAsked('do you do sale or return for shops')).toBeNull();
  });
});

describe('topicHolder', () => {
  const shop = [
    on('wholesale.md', 'terms', ['Wholesale', 'Returns'], 'Wholesale orders are final; damaged cases are credited.'),
    on('index.html', 'about', ['Home', 'About us'], 'A family shop since 1998.'),
    on('shipping.html', 'returns', ['Shipping and returns', 'Returns'], 'Return unopened items within 30 days.'),
    on('index.html', 'footer', ['Home', 'Visit'], '12 Mill Lane. Free parking behind the shop.'),
    faq('gift', ['Do you sell gift cards?'], 'Yes, from $25, in the shop or online.'),
  ];
  const index = new KnowledgeIndex();
  index.upsert(shop);
  const ranked = (...ids: string[]) =>
    ids.map((id, i) =>
      searchHit(
        shop.find((c) => c.id === id)!,
        0.5 / (i + 1),
      ),
    );

  it('finds the best-ranked of the first few hits on the topic, not a page for wholesale customers', () => {
    expect(topicHolder(index, 'whats ur returns policy', ranked('terms', 'about', 'returns'))?.chunk.id).toBe(
      'returns',
    );
    // Its own heading before its page's: "Rates" on the "Shipping and returns" page is not returns.
    const rates = on('shipping.html', 'rates', ['Shipping and returns', 'Rates'], 'Standard shipping is $6.');
    const pageFirst = [searchHit(rates, 0.6), ...ranked('returns')];
    expect(topicHolder(index, 'can i get a refund', pageFirst)?.chunk.id).toBe('returns');
    expect(topicHolder(index, 'whats ur returns policy', ranked('terms', 'about'))).toBeUndefined();
  });

  it("reads parking and gift cards in a passage's text, and a Q&A entry by its question", () => {
    expect(topicHolder(index, 'where can i park', ranked('about', 'footer'))?.chunk.id).toBe('footer');
    expect(topicHolder(index, 'do you have gift vouchers', ranked('about', 'gift'))?.chunk.id).toBe('gift');
    // Searched for when the first hits lack it; returns are not (the ranking finds a returns page).
    expect(topicHolder(index, 'do you have gift vouchers', ranked('about'))?.chunk.id).toBe('gift');
  });
});

describe('topicHolder, asked about bringing a pet', () => {
  const shop = [
    on('sell.docx', 'sell', ['Selling Your Books to Dog-Eared', 'When to bring them'], 'Bring books on Wednesdays.'),
    on('safety.pdf', 'safety', ['Skin Safety', 'Pregnancy, babies and pets'], "Please don't wash pets with our bars."),
    on('visit.html', 'dogs', ['Visit', 'Dogs'], 'Leashed dogs are welcome in the bookshop, not in the cafe.'),
  ];
  const { index, ranked } = rankedShop(shop);

  it("answers from a passage that states the shop's rule on pets, not a heading that only names one", () => {
    expect(topicHolder(index, 'can i bring my golden retriever in with me', ranked)?.chunk.id).toBe('dogs');
    expect(topicHolder(index, 'can i bring my dog', ranked.slice(0, 2))?.chunk.id).toBe('dogs');
  });

  it('abstains when the shop never says whether pets may come', async () => {
    const bare = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    bare.upsert([
      faq('kids', ['Can I bring my kids?'], 'Yes, children are welcome in the shop with an adult.'),
      on('visit.md', 'hours', ['Visit', 'Hours'], 'Open Tuesday to Sunday, 10 to 6.'),
    ]);
    expect(answerOffline(bare, 'can i bring my dog in the shop', { threshold: 0.5 }).abstained).toBe(true);
  });
});

describe('answerOffline, asked for an everyday policy', () => {
  it('answers a plain ask for the returns policy from the section the ranking found', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on('care.md', 'care', ['Care', 'Washing'], 'Hand wash in cold water and dry flat.'),
      on('shipping.html', 'returns', ['Shipping and returns', 'Returns'], 'Return unworn items within 30 days.'),
      on('shipping.html', 'rates', ['Shipping and returns', 'Rates'], 'Standard shipping is $6, free over $75.'),
    ]);
    const a = answerOffline(index, 'is it possible to get a refnd', { threshold: 0.85 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/within 30 days/);
  });

  it('answers gift vouchers with the yes of a Q&A entry on gift certificates', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on('care.md', 'care', ['Care', 'Washing'], 'Hand wash in cold water and dry flat.'),
      faq('gift', ['Do you sell gift certificates?'], 'Yes. Gift certificates come in any amount from $25.'),
    ]);
    const a = answerOffline(index, 'do you have gift vouchers', { threshold: 0.5 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/from \$25/);
  });
});
