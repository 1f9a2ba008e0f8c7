/**
 * A plain ask for one of the shop's details answered through answerOffline; shop-details.test.ts
 * reads the ask and finds its holder.
 */
import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { answerOffline } from './offline';
import { onPage } from './testkit';

const on = onPage;

describe('answerOffline, asked for the shop details', () => {
  it('answers a plain request for the number from the section that holds it, as surely as the workspace asks', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on(
        'parties.md',
        'parties',
        ['Birthday parties', 'Packages'],
        'Book a party by phone or in the shop; the number of children sets the price: $15 each.',
      ),
      on(
        'orders.md',
        'orders',
        ['Orders', 'Changes'],
        'Have your order number ready when you phone us to change an order.',
      ),
      on(
        'returns.md',
        'returns',
        ['Returns'],
        'Gifts without a receipt can be exchanged for store credit within 30 days.',
      ),
      on(
        'library.md',
        'library',
        ['Toy library', 'Members'],
        'Members give a phone number we can text when a reserved toy is back.',
      ),
      on(
        'visit.md',
        'touch',
        ['Visit', 'Get in touch'],
        'Call or text us at (269) 555-0143 during store hours, or email hello@tumble.example.',
      ),
      on(
        'gifts.html',
        'footer',
        ['Gifts', 'Contact'],
        'Tumble & Tot Toys · 118 Water Street, Cedar Hollow · (269) 555-0143 · Privacy',
      ),
      on(
        'school.html',
        'school-footer',
        ['Schools', 'Contact'],
        '118 Water Street, Cedar Hollow, MI · (269) 555-0143 · Terms',
      ),
      on('visit.md', 'hours', ['Visit', 'Hours'], 'Open Tuesday to Saturday, 10 am to 6 pm.'),
    ]);
    const a = answerOffline(index, "what's your phone number", { threshold: 0.9 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/555-0143/);
    expect(a.confidence).toBeGreaterThanOrEqual(0.9);
    // A workspace that asks more than a found detail's 0.9 (1: answer almost never) gets none.
    expect(answerOffline(index, "what's your phone number", { threshold: 1 }).abstained).toBe(true);
  });

  it('answers "do you have a physical store i can visit" with the street, though no page says "physical"', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on('rental.md', 'try', ['Gear rental', 'Try before you buy'], 'Rent any shoe for a session before you buy it.'),
      on('visit.html', 'here', ['Visit', 'Getting here'], 'The gym is at 410 Foundry Street, behind the old mill.'),
      on('index.html', 'footer', ['Home', 'Contact'], 'Crux · 410 Foundry Street · (541) 555-0110'),
    ]);
    const a = answerOffline(index, 'do you have a physical store i can visit', { threshold: 0.5 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/410 Foundry Street/);
  });

  it('answers where the shop is though its spelling reads "located" as its own "visit"', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on('guide.pdf', 'pricing', ['Service guide', 'Visit pricing'], 'Each visit costs $40; a first visit $75.'),
      on('guide.pdf', 'visits', ['Service guide', 'What every visit includes'], 'Every visit includes a water change.'),
      on('index.html', 'finding', ['Home', 'Finding us'], 'Reef & Rill is at 2270 Lakeshore Drive, Bellhaven.'),
      on('services.html', 'footer', ['Services', 'Contact'], 'Reef & Rill · 2270 Lakeshore Drive · (269) 555-0182'),
    ]);
    expect(index.correct('where are you located')).not.toMatch(/located/);
    const a = answerOffline(index, 'where are you located', { threshold: 0.5 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/2270 Lakeshore Drive/);
  });

  it('answers a way to pay the shop never names with the ways it takes', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on('toys.html', 'ages', ['Toys', 'Ages'], 'Stacking cups for 1 to 2 years; puzzles for ages 3 and up.'),
      on('policies.md', 'pay', ['Policies', 'Payment'], 'We accept Visa, Mastercard, Amex, PayPal and cash.'),
    ]);
    const a = answerOffline(index, 'is klarna available', { threshold: 0.5 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/Visa, Mastercard/);
  });

  it('quotes the discounts themselves for a plain ask, not the line that only names the word', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on(
        'club.md',
        'perks',
        ['Wine club', 'Member perks'],
        '- 10% off any wine in the shop, any day\n- 5% off spirits\n- Free Friday tastings for you and one guest\n' +
          '- Two entries in our raffles\n\nMember discounts do not apply to sale-tagged bottles, gift cards or private tastings.',
      ),
      on('shipping.md', 'rates', ['Shipping', 'Rates'], 'Shipping is $12 a box in Wisconsin.'),
    ]);
    const a = answerOffline(index, 'do you offer any discounts', { threshold: 0.5 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/10% off any wine/);
  });

  it("answers whether the shop ships abroad from the section that says so, not its page's lead", async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      on(
        'shipping.html',
        'lead',
        ['Shipping'],
        'We pack every order ourselves. Live animals only ship overnight in insulated boxes; dry goods ship by ground. ' +
          'Please read this page before you order livestock online.',
      ),
      on(
        'shipping.html',
        'where',
        ['Shipping', 'Where we ship'],
        "We ship within the United States only. We don't ship to Canada, Mexico or any other country.",
      ),
      on('shipping.html', 'rates', ['Shipping', 'Rates'], 'Dry goods ship for $8.95 flat, free from $75.'),
      on('returns.html', 'returns', ['Returns'], 'Unopened equipment can be returned within 30 days.'),
    ]);
    const a = answerOffline(index, 'do you ship internationally', { threshold: 0.5 });
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/within the United States only/);
  });

  it('abstains on gift cards or parking when the shop never writes of them, however the words are spelled', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    const rental = [
      on(
        'agreement.pdf',
        'eligibility',
        ['Rental agreement', 'Renter eligibility'],
        "The renter must be 18 or older and present a photo ID and a credit or debit card in the renter's own name.",
      ),
      on('faq.csv', 'pay', ['What forms of payment do you take?'], 'Cash, cards and store accounts.'),
      on('returns.md', 'returns', ['Our return policy'], 'Unused items can be returned within 30 days with a receipt.'),
    ];
    index.upsert(rental);
    for (const q of ['do you have gift cards', 'gift cards?', 'is there parking']) {
      expect(answerOffline(index, q, { threshold: 0.5 }).abstained).toBe(true);
    }
    index.upsert([on('faq.csv', 'gift', ['Do you sell gift cards?'], 'Yes, in any amount from $10.')]);
    expect(answerOffline(index, 'do you have gift cards', { threshold: 0.5 }).text).toMatch(/any amount/);
  });
});
