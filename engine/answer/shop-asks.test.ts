/**
 * Plain asks for the shop's details and everyday policies as more customers type them (from the
 * phrasings in eval/everyday), and the passages that hold them where a page's words mislead.
 */
import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { detailHolder, plainDetailAsked } from './shop-details';
import { plainTopicAsked, topicHolder } from './shop-topics';
import { onPage, rankedShop, searchHit } from './testkit';

const on = onPage;

describe('plain asks, as customers type them', () => {
  it.each([
    ['Do you accept EFTPOS?', 'payment'],
    ['I was wondering whether you accept Afterpay or any buy-now-pay-later options.', 'payment'],
    ['Hello, which ways I can pay? Is possible bank transfer?', 'payment'],
    ['afterpay?', 'payment'],
    ['cash or card?', 'payment'],
    ['do you do klarna', 'payment'],
    ['got apple pay?', 'payment'],
    ['do you take paypal', 'payment'],
    ['What are your postage and packing charges?', 'shipCost'],
    ['Please how much money is the shipping? I want to know the total price.', 'shipCost'],
    ['Before I check out, can you tell me what the shipping will be?', 'shipCost'],
    ["What's the typical turnaround for posting an order out? Cheers", 'shipTime'],
    ['do u do next day delivery', 'shipTime'],
    ['if i order today when will it come', 'shipTime'],
    ['do you send orders outside the US', 'abroad'],
    ['international delivery available? thx', 'abroad'],
    ["What's the shop's landline?", 'phone'],
    ['tel no pls', 'phone'],
    ['Is there a number I can ring to place an order?', 'phone'],
    ['Need to ask you something. How do I get hold of you?', 'contact'],
    ['Do you do a student discount?', 'discount'],
    ['Is there a discount if I buy in bulk?', 'discount'],
    ["Is there a VIP club or members' programme?", 'loyalty'],
    ['I was wondering whether you have any sales or special offers on at the moment.', 'discount'],
    ['store hrs pls', 'hours'],
    ['wheres the shop at', 'place'],
    ['Please can you tell me where is your shop?', 'place'],
    ['shiping price', 'shipCost'],
    ['when will i recieve my order', 'shipTime'],
    ['will it get here by friday', 'shipTime'],
    ['are you guys open on the 4th of July', 'holiday'],
    ['Open Boxing Day? Cheers', 'holiday'],
    ['are you open on christmas', 'holiday'],
    ['I was wondering whether you close over the Christmas and New Year period.', 'holiday'],
    ["We've got family visiting over Thanksgiving weekend and I'd love to bring them by. Will you be open?", 'holiday'],
  ])('reads %s', (q, asked) => {
    expect(plainDetailAsked(q)).toBe(asked);
  });

  it.each([
    ['can i exchange stuff if it doesnt fit', 'returns'],
    ["What's the process for sending something back?", 'returns'],
    ['how do i send an item back', 'returns'],
    ['retrun policy pls', 'returns'],
    ['Can I get my money back if I change my mind?', 'returns'],
    ['can i get a voucher for the shop for xmas', 'giftCards'],
    ['I was wondering whether you sell vouchers, and what amounts they come in.', 'giftCards'],
    ['Hello, I come with car, there is place for park the car?', 'parking'],
  ])('reads %s', (q, asked) => {
    expect(plainTopicAsked(q)).toBe(asked);
  });

  it('leaves what asks something else', () => {
    expect(plainDetailAsked('where do i find my order number')).toBeNull();
    expect(plainDetailAsked('do you have cards', false)).toBeNull();
    expect(plainDetailAsked('is there a coupon code for my first order')).toBeNull();
    expect(plainDetailAsked('when will my refund come')).toBeNull();
    expect(plainTopicAsked('can i swap my propane tank')).toBeNull();
  });
});

describe('the passage that holds it', () => {
  it("answers how to pay from the shop's own ways, not a page on selling to it or a corporate one", () => {
    const shop = [
      on('sell.html', 'payout', ['Sell your gear', 'Getting paid'], 'We pay sellers by cash or bank transfer.'),
      on(
        'corporate.docx',
        'invoices',
        ['Corporate gifts', 'Paying'],
        'Company cards, bank transfer or a purchase order.',
      ),
      on('policies.md', 'paying', ['Policies', 'Paying'], 'We take Visa, Mastercard, Amex, Apple Pay and cash.'),
    ];
    const { index, ranked } = rankedShop(shop);
    expect(detailHolder(index, 'can i pay by bank transfer', ranked)?.chunk.id).toBe('paying');
    expect(detailHolder(index, 'what payment methods do you accept', ranked)?.chunk.id).toBe('paying');
    // A purchase order is how businesses pay: their page answers it.
    expect(detailHolder(index, 'do you accept purchase orders', ranked)?.chunk.id).toBe('invoices');
  });

  it('answers how to reach the shop from a passage with its number and email, not an email in passing', () => {
    const shop = [
      on('policies.md', 'privacy', ['Policies', 'Privacy'], 'To get a copy of your data, email hello@kiln.example.'),
      on('shipping.md', 'lost', ['Shipping', 'Lost parcels'], 'Email hello@kiln.example with your order number.'),
      on('index.html', 'visit', ['Home', 'Visit us'], 'Phone: (503) 555-0142 Email: hello@kiln.example'),
      on('classes.md', 'book', ['Classes'], 'Call (503) 555-0142 to book.'),
    ];
    const index = new KnowledgeIndex();
    index.upsert(shop);
    // The footer with both is not among the best hits: it is searched for.
    const ranked = [searchHit(shop[0], 0.6), searchHit(shop[1], 0.5)];
    expect(detailHolder(index, 'how do I contact you', ranked)?.chunk.id).toBe('visit');
  });

  it('answers a discount for a group only from a passage that names the group', () => {
    const shop = [on('faq.csv', 'deals', ['Do you have discounts?'], 'Seniors get 10% off on Tuesdays.')];
    const index = new KnowledgeIndex();
    index.upsert(shop);
    const ranked = [searchHit(shop[0], 0.6)];
    expect(detailHolder(index, 'do you have a senior discount', ranked)?.chunk.id).toBe('deals');
    expect(detailHolder(index, 'Do you do a student discount?', ranked)).toBeUndefined();
  });

  it("answers what shipping costs from the shipping rates, not a return's postage", () => {
    const shop = [
      on('returns.md', 'postage', ['Returns', 'Return shipping costs'], 'Changed your mind? A prepaid label is $9.95.'),
      on('shipping.md', 'rates', ['Shipping', 'Rates'], 'Standard shipping is $6.95, free over $75.'),
    ];
    const { index, ranked } = rankedShop(shop);
    expect(detailHolder(index, 'What are your postage and packing charges?', ranked)?.chunk.id).toBe('rates');
  });

  it('answers what shipping costs from the section headed by its fees, not a wedding page', () => {
    const shop = [
      on('weddings.html', 'setup', ['Wedding flowers', 'Delivery and setup'], 'Setup is $150 beyond Zone 3.'),
      on('delivery.html', 'timed', ['Local delivery', 'Same-day delivery'], 'A timed window is $15.'),
      on('delivery.html', 'fees', ['Local delivery', 'Delivery zones and fees'], 'Zone 1: $9. Zone 2: $14.'),
    ];
    const { index, ranked } = rankedShop(shop);
    expect(detailHolder(index, 'how much is shipping', ranked)?.chunk.id).toBe('fees');
    const unheaded = new KnowledgeIndex();
    unheaded.upsert(shop.slice(0, 2));
    expect(detailHolder(unheaded, 'how much is shipping', ranked.slice(0, 2))?.chunk.id).toBe('timed');
  });

  it("finds the section headed by shipping's fees on the first's page, further down", () => {
    const shop = [
      on('delivery.html', 'timed', ['Local delivery', 'Same-day delivery'], 'A timed delivery window is $15.'),
      on(
        'delivery.html',
        'fees',
        ['Local delivery', 'Delivery zones and fees'],
        'Delivery is $9 in Zone 1, $14 in Zone 2.',
      ),
    ];
    const index = new KnowledgeIndex();
    index.upsert(shop);
    expect(detailHolder(index, 'how much is delivery', [searchHit(shop[0], 0.6)])?.chunk.id).toBe('fees');
  });

  it('answers a holiday from the section on holidays, not a signpost to it', () => {
    const shop = [
      on(
        'index.html',
        'visit',
        ['Visit the shop'],
        'Open Mon-Fri 8:30 am to 5:30 pm. Holiday hours are on our Contact page.',
      ),
      on(
        'contact.html',
        'closures',
        ['Contact', 'Holiday closures'],
        "Closed on Thanksgiving, Christmas and New Year's Day.",
      ),
      on('faq.csv', 'cards', ['Do you sell gift cards?'], 'Yes, in any amount.'),
    ];
    const index = new KnowledgeIndex();
    index.upsert(shop);
    const ranked = [searchHit(shop[0], 0.6), searchHit(shop[2], 0.5)];
    expect(detailHolder(index, 'are you open on the 4th of july', ranked)?.chunk.id).toBe('closures');
    const none = new KnowledgeIndex();
    none.upsert([shop[2]]);
    expect(detailHolder(none, 'are you open on the 4th of july', ranked.slice(1))).toBeUndefined();
  });

  it('answers an exchange from the returns section, not a propane exchange', () => {
    const shop = [
      on(
        'services.html',
        'propane',
        ['Keys, screens and propane', 'Propane exchange'],
        'Swap an empty tank for $21.99.',
      ),
      on('returns.md', 'returns', ['Our return policy'], 'Unused items can be exchanged or returned within 30 days.'),
    ];
    const { index, ranked } = rankedShop(shop);
    expect(topicHolder(index, 'can i exchange stuff if it doesnt fit', ranked)?.chunk.id).toBe('returns');
  });
});
