import { describe, expect, it } from 'vitest';
import { answerOffline } from './offline';
import { relevantSentences, splitSentences } from './sentences';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { faq, onPage, passage, shopIndex } from './testkit';
import { DEFAULT_ANSWER_THRESHOLD, NOT_SURE_TEXT } from './types';

describe('answerOffline', () => {
  const index = shopIndex();

  it('answers with the Q&A answer when a Q&A entry wins, citing it', () => {
    const a = answerOffline(index, 'Can I return my guitar?');
    expect(a.source).toBe('faq');
    expect(a.abstained).toBe(false);
    expect(a.text).toMatch(/within 30 days/);
    expect(a.citations).toEqual([{ chunkId: 'returns', title: 'Returns and refunds', url: null }]);
    expect(a.confidence).toBeGreaterThanOrEqual(DEFAULT_ANSWER_THRESHOLD);
    expect(a.confidence).toBeLessThanOrEqual(1);
  });

  it('answers from a passage with its title path and anchored link', () => {
    const a = answerOffline(index, 'how much does a guitar setup cost', { threshold: 0.3 });
    expect(a.source).toBe('passages');
    expect(a.text).toMatch(/\$59/);
    expect(a.citations[0]).toEqual({
      chunkId: 'setup',
      title: 'Services — Guitar setup',
      url: 'https://shop.example/services#guitar-setup',
    });
  });

  it('tolerates typos', () => {
    expect(answerOffline(index, 'retrun policy').citations[0]?.chunkId).toBe('returns');
  });

  it('abstains politely below the threshold, and on empty input', () => {
    const a = answerOffline(index, 'what is the capital of peru');
    expect(a).toMatchObject({ abstained: true, source: 'none', text: NOT_SURE_TEXT, citations: [] });
    expect(a.confidence).toBeLessThan(DEFAULT_ANSWER_THRESHOLD);
    expect(answerOffline(index, '   ')).toMatchObject({ abstained: true, confidence: 0 });
  });

  it('abstains on a bare "yes" or "ok" that asks nothing, though Q&A answers begin with "Yes"', () => {
    const yes = new KnowledgeIndex();
    yes.upsert([
      faq('gift', ['do you sell gift cards'], 'Yes, gift cards from $10 to $200, emailed right away.'),
      faq('charity', ['do you give a discount for charity knitting'], 'Yes. Charity groups get 20% off yarn.'),
      faq('ok-wash', ['is it ok to machine wash the yarn'], 'Only the superwash yarns: wash them cold.'),
    ]);
    for (const text of ['yes, please', 'ok', 'yeah ok']) expect(answerOffline(yes, text).abstained, text).toBe(true);
    expect(answerOffline(yes, 'gift cards?').citations[0]?.chunkId).toBe('gift');
  });

  it('abstains on an empty index', async () => {
    const { KnowledgeIndex } = await import('../retrieve/knowledge-index');
    expect(answerOffline(new KnowledgeIndex(), 'hello')).toMatchObject({ abstained: true, source: 'none' });
  });
});

describe('answers that answer', () => {
  it('keeps a numbered step whole', () => {
    expect(splitSentences('We pack with care.\n1. Take photos of the box. Keep the packaging.\n2. Call us.')).toEqual([
      'We pack with care.',
      '1. Take photos of the box.',
      'Keep the packaging.',
      '2. Call us.',
    ]);
  });

  it('never quotes a sentence that only says what the page covers; with nothing shared, the lead', () => {
    const text =
      'This page explains how long orders take and what to do if a parcel arrives damaged. ' +
      'Every order is packed by hand in our Portland workshop and leaves within a day. ' +
      'Parcels are insured for their full value and tracked from our door to yours by the carrier.';
    expect(relevantSentences(text, 'my parcel arrived damaged', 20)).toBe(
      'Parcels are insured for their full value and tracked from our door to yours by the carrier.',
    );
    expect(
      relevantSentences('You can return most items within 30 days. This page explains how returns work.', 'return'),
    ).toBe('You can return most items within 30 days.');
    expect(relevantSentences(text, 'do you sell koi', 40)).toBe(
      'Every order is packed by hand in our Portland workshop and leaves within a day. ' +
        'Parcels are insured for their full value and tracked from our door to yours by the carrier.',
    );
  });

  it('answers "do you ship to X" with the sentence about X before a mere "cannot"', () => {
    const text =
      'We ship to Canada, the United Kingdom and Japan through DHL Express. ' +
      'Delivery takes five to twelve business days after the parcel leaves our warehouse in Oregon. ' +
      'We cannot ship freight items or lithium batteries outside the United States.';
    expect(relevantSentences(text, 'do you ship to canada', 15)).toBe(
      'We ship to Canada, the United Kingdom and Japan through DHL Express.',
    );
  });

  it("quotes the section a page's introduction points to when the introduction matched only by pointing", () => {
    const index = new KnowledgeIndex();
    index.upsert([
      passage(
        'intro',
        ['Shipping'],
        'Every order is packed by hand and leaves our workshop within a day. ' +
          'This page explains how long orders take, what shipping costs, and what to do if something arrives damaged.',
      ),
      passage(
        'damaged',
        ['Shipping', 'Damaged parcels'],
        'If a parcel arrives damaged, take photos of the box and the item before you throw anything away. Email us within 48 hours and we send a replacement.',
      ),
      passage('costs', ['Shipping', 'Costs'], 'Standard shipping costs $7.95, free over $99.'),
      passage('hours', ['Store hours'], 'We are open Monday to Saturday from 10 am to 6 pm.'),
    ]);
    const a = answerOffline(index, 'something arrived damaged', { threshold: 0 });
    expect(index.search('something arrived damaged', 5)[0].chunk.id).toBe('intro');
    expect(a.text).toMatch(/^If a parcel arrives damaged, take photos/);
    expect(a.citations[0].title).toMatch(/Damaged parcels/);
  });

  it("quotes the section of a page that holds more of the question than the page's lead section", async () => {
    // A new shop's page, tried as a customer would: its lead section won the ranking.
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert([
      passage(
        'lead',
        ['Returns and breakage'],
        'You can return unused pieces within 30 days for a full refund. Return postage is paid by the customer.',
      ),
      passage(
        'transit',
        ['Returns and breakage', 'Broken in transit'],
        'If a piece arrives broken, send us a photo within 7 days and we will replace it for free.',
      ),
      passage(
        'damaged',
        ['Returns and breakage', 'Pieces you damaged'],
        'We cannot refund a piece that was dropped or damaged after delivery, but we offer 20% off a replacement.',
      ),
      passage('hours', ['Studio hours'], 'The studio is open Thursday to Sunday from 11 am to 5 pm.'),
    ]);
    await index.prepared();
    const q = 'can I return a mug I dropped?';
    expect(index.search(q, 5)[0].chunk.id).toBe('lead');
    const a = answerOffline(index, q, { threshold: 0 });
    expect(a.citations[0].title).toBe('Returns and breakage — Pieces you damaged');
    expect(a.text).toMatch(/^We cannot refund a piece that was dropped/);
  });
});

describe('line breaks in a passage', () => {
  it('reads a soft line break inside a paragraph as a space, and keeps list items apart', () => {
    const text = 'Orders within the country arrive in 2 to 4\nbusiness days.\n- Express: next day\n- Pickup: free';
    expect(splitSentences(text)).toEqual([
      'Orders within the country arrive in 2 to 4 business days.',
      '- Express: next day',
      '- Pickup: free',
    ]);
    expect(relevantSentences('We ship the same day. Orders arrive in 2 to 4\nbusiness days.', 'how long')).toBe(
      'We ship the same day. Orders arrive in 2 to 4 business days.',
    );
  });
  it('does not answer a phone number or opening hours from a passage without any', async () => {
    const wordVectors = await loadDefaultWordVectors();
    const shop = new KnowledgeIndex({ wordVectors });
    shop.upsert([
      passage('grooming', ['Grooming'], 'Book a groom online or by phone. A bath and brush is $40 for a small dog.'),
      passage('lessons', ['Private lessons'], 'One hour, one person: $45. Video lesson, one hour: $40.'),
      passage('contact', ['Contact us'], 'Phone: (503) 555-0142. Email: help@shop.example.'),
      passage('visit', ['Visit the shop'], 'Open Tuesday to Saturday, 10 am to 6 pm.'),
    ]);
    const phone = answerOffline(shop, "what's your phone number", { threshold: 0 });
    expect(phone.citations[0]?.chunkId).toBe('contact');
    const hours = answerOffline(shop, 'what are your hours', { threshold: 0 });
    expect(hours.citations[0]?.chunkId).toBe('visit');
    // A footer's bare number is the phone number, "phone" written nowhere.
    const footer = new KnowledgeIndex({ wordVectors });
    footer.upsert([
      passage('lessons', ['Private lessons'], 'One hour, one person: $45. Video lesson, one hour: $40.'),
      passage('visit', ['Visit the shop'], 'Open Tuesday to Saturday, 10 am to 6 pm. 12 Elm St.'),
      passage('events', ['Running your own event'], 'Write to events@shop.example with your date and group size.'),
      passage('footer', ['Plan your visit'], '© 2026 The Shop · 12 Elm St, Madison · (608) 555-0117'),
    ]);
    expect(answerOffline(footer, "what's your phone number", { threshold: 0 }).citations[0]?.chunkId).toBe('footer');
    // None of them holds one: not sure, rather than the groom's "by phone".
    const only = new KnowledgeIndex({ wordVectors });
    only.upsert([passage('grooming', ['Grooming'], 'Book a groom online or by phone. A bath is $40.')]);
    expect(answerOffline(only, "what's your phone number", { threshold: 0 })).toMatchObject({ abstained: true });
    // The week's hours do not say whether the shop opens on a holiday (the shop's "Hours" heading
    // reads "are you open" as "hours"; the question asked is still about opening).
    const week = new KnowledgeIndex({ wordVectors });
    week.upsert([
      passage('hours', ['Hours'], 'Open Tuesday to Saturday, 10 am to 6 pm.'),
      passage('lessons', ['Private lessons'], 'One hour, one person: $45.'),
    ]);
    expect(answerOffline(week, 'are you open on holidays', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(week, 'are you open on saturday', { threshold: 0 }).citations[0]?.chunkId).toBe('hours');
    week.upsert([passage('closed', ['Hours', 'Closures'], 'We close on Thanksgiving, December 25 and January 1.')]);
    expect(answerOffline(week, 'are you open on thanksgiving', { threshold: 0 }).citations[0]?.chunkId).toBe('closed');
    // The week's hours answer "are you open on sunday", not a "Holiday hours" section that
    // names Sunday, nor a desk's own hours under them.
    const store = new KnowledgeIndex({ wordVectors });
    store.upsert([
      {
        ...passage(
          'week',
          ['Store hours', 'Regular hours'],
          'Monday to Saturday: 10 am to 6 pm.\n\nSunday: noon to 5 pm.',
        ),
        sourceId: 'hours',
      },
      {
        ...passage(
          'desk',
          ['Store hours', 'Regular hours', 'Repair desk'],
          'The repair desk is open Tuesday to Saturday, 10 am to 5 pm. On Sundays the front counter takes drop-offs.',
        ),
        sourceId: 'hours',
      },
      {
        ...passage(
          'holiday',
          ['Store hours', 'Holiday hours'],
          'Shortened hours:\n- December 1 to 23: open until 8 pm every day except Sunday',
        ),
        sourceId: 'hours',
      },
    ]);
    expect(answerOffline(store, 'are you open on sunday', { threshold: 0 }).citations[0]?.chunkId).toBe('week');
    // A duration answers "when", not opening hours.
    only.upsert([passage('pickup', ['Pickup'], 'Your order is ready for pickup within 2 hours.')]);
    expect(answerOffline(only, 'when can I pick up my order', { threshold: 0 }).abstained).toBe(false);
  });
  it('answers "how much is X" only from text that names a price', async () => {
    const shop = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    shop.upsert([
      passage('care', ['Care guide', 'Shampoo bars'], 'Keep your shampoo bars dry between washes on a draining dish.'),
      onPage('products.html', 'bars', ['Products', 'Bars'], 'Shampoo and conditioner bars: $12 each, three for $33.'),
    ]);
    const asked = answerOffline(shop, 'how much are the shampoo bars', { threshold: 0 });
    expect(asked.citations[0]?.chunkId).toBe('bars');
    const only = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    only.upsert([passage('care', ['Care guide', 'Shampoo bars'], 'Keep your shampoo bars dry between washes.')]);
    expect(answerOffline(only, 'how much are the shampoo bars', { threshold: 0 }).abstained).toBe(true);
    // What sending costs may be answered by where the shop does not send.
    only.upsert([passage('ship', ['Shipping', 'Where we ship'], 'We do not ship outside the United States.')]);
    expect(answerOffline(only, 'how much is shipping to canada', { threshold: 0 }).citations[0]?.chunkId).toBe('ship');
    // The shop's own answer to the question may point elsewhere for the sum.
    only.upsert([faq('owe', ['How much do I owe on my tab?'], 'Your balance is on your account page.')]);
    expect(answerOffline(only, 'how much do i owe on my tab', { threshold: 0 }).citations[0]?.chunkId).toBe('owe');
  });

  it('answers the ways to pay only from text that names some, and no sum at all', async () => {
    const wordVectors = await loadDefaultWordVectors();
    const shop = new KnowledgeIndex({ wordVectors });
    shop.upsert([
      passage('returns', ['Returns'], 'Refunds go back to your original payment method within 5 days.'),
      passage('pay', ['Paying'], 'We accept Visa, Mastercard, Apple Pay and cash in store.'),
      passage('repairs', ['Repairs'], 'A setup is $65 plus strings. Two pickups plus wiring: $120.'),
    ]);
    const methods = answerOffline(shop, 'what payment methods do you accept', { threshold: 0 });
    expect(methods.citations[0]?.chunkId).toBe('pay');
    // Only the refund's "original payment method": not sure.
    const refunds = new KnowledgeIndex({ wordVectors });
    refunds.upsert([passage('returns', ['Returns'], 'Refunds go back to your original payment method within 5 days.')]);
    expect(answerOffline(refunds, 'what payment methods do you accept', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(refunds, 'do you take apple pay?', { threshold: 0 }).abstained).toBe(true);
    // A refund question is no question of how to pay.
    expect(answerOffline(refunds, 'how long do refunds take', { threshold: 0 }).abstained).toBe(false);
    expect(answerOffline(shop, "what's 2 plus 2", { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(shop, 'what is 12 x 3?', { threshold: 0 }).abstained).toBe(true);
  });

  it('quotes the section of the page that holds the price asked for, and reads its confidence', async () => {
    const bakery = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    bakery.upsert([
      passage(
        'how',
        ['Order ahead', 'How ordering ahead works'],
        'Order online by 8 pm for pickup the next day: a sourdough, a rye or a dozen buns, baked that morning.',
      ),
      passage('prices', ['Order ahead', 'Bread prices'], 'Country sourdough loaf: $9. Seeded rye: $10. Baguette: $4.'),
      passage('club', ['Bread club'], 'A loaf a week, sourdough one week and rye the next.'),
    ]);
    const a = answerOffline(bakery, 'how much is a sourdough', { threshold: 0 });
    expect(a.citations[0]?.chunkId).toBe('prices');
    expect(a.text).toMatch(/\$9/);
  });

  it('answers what a thing costs with the section that names an amount, not one where something is "at no cost"', async () => {
    const studio = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    studio.upsert([
      passage(
        'join',
        ['Studio membership', 'Who can join'],
        'Membership is for people who can already center and throw on their own. If you are new, take the 6-week course first.',
      ),
      passage(
        'prices',
        ['Studio membership', 'Prices'],
        '- Monthly membership: $165 a month, includes 25 lb of studio clay\n- Off-peak membership: $110 a month',
      ),
      passage(
        'pause',
        ['Studio membership', 'Pausing and cancelling'],
        "Memberships renew each month. Cancel with 30 days' notice by email. You can pause once a year for up to two months at no cost.",
      ),
      passage('classes', ['Classes'], 'A two-hour taster on Friday evenings for $65 per person.'),
    ]);
    const a = answerOffline(studio, 'membership cost', { threshold: 0 });
    expect(a.citations[0]?.chunkId).toBe('prices');
    expect(a.text).toMatch(/\$165 a month/);
    // Where "free" is the whole answer, it stands.
    expect(answerOffline(studio, 'does it cost anything to pause my membership', { threshold: 0 }).text).toMatch(
      /at no cost/,
    );
  });

  it('answers a job seeker only from a passage about jobs', async () => {
    const shop = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    shop.upsert([
      passage('gifts', ['Corporate gifts'], 'Welcome boxes for new hires and thank-you boxes for clients, from $40.'),
      passage('shipping', ['Shipping'], 'We ship cheese boxes Monday to Wednesday.'),
    ]);
    expect(answerOffline(shop, 'are you hiring', { threshold: 0 }).abstained).toBe(true);
    shop.upsert([faq('jobs', ['Are you hiring?'], 'We hire counter staff each fall: email jobs@shop.example.')]);
    expect(answerOffline(shop, 'are u hiring', { threshold: 0 }).citations[0]?.chunkId).toBe('jobs');
  });

  it('does not say yes to a thing the shop never names', async () => {
    const tea = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    tea.upsert([
      faq('decaf', ['Do you sell decaf tea?'], 'Yes, a decaf English Breakfast and a decaf Earl Grey.'),
      passage('shipping', ['Shipping'], 'We ship within the UK only, £3.95 or free over £40.'),
      passage('returns', ['Returns'], 'Unopened tea can be returned within 30 days.'),
    ]);
    expect(answerOffline(tea, 'do you sell coffee?', { threshold: 0 })).toMatchObject({ abstained: true });
    expect(answerOffline(tea, 'do you guys carry espresso machines', { threshold: 0 }).abstained).toBe(true);
    // A thing it names, even in part, is for the ranking and the confidence to judge.
    expect(answerOffline(tea, 'do you sell decaf?', { threshold: 0 }).citations[0]?.chunkId).toBe('decaf');
    // But an entry's "Yes" answers only for the thing it names: not green tea, which the shop
    // writes about elsewhere and this entry never names.
    tea.upsert([passage('brewing', ['Brewing'], 'Brew green tea at 80 °C for two minutes.')]);
    expect(answerOffline(tea, 'do you sell green tea', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(tea, 'do you sell decaf tea', { threshold: 0 }).citations[0]?.chunkId).toBe('decaf');
    // Services too: "do you do…", "do you run…".
    tea.upsert([faq('classes', ['Do you offer tea classes?'], 'Yes, a tasting class every Saturday at 10 am.')]);
    expect(answerOffline(tea, 'do you do yoga classes', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(tea, 'do you run tea classes', { threshold: 0 }).citations[0]?.chunkId).toBe('classes');
    // A service asked for by its verb: one the shop never writes, nor a word made from it.
    tea.upsert([passage('engraving', ['Gifts'], 'Gift tins come with free engraving of a name.')]);
    expect(answerOffline(tea, 'can you microchip my tin', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(tea, 'can you engrave a tin for my mum', { threshold: 0 }).citations[0]?.chunkId).toBe(
      'engraving',
    );
    // "Is there…" asks whether the shop has a thing too; what follows "i can" is what it is for.
    expect(answerOffline(tea, 'is there a newsletter i can sign up for', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(tea, 'is there a tea class i can join', { threshold: 0 }).citations[0]?.chunkId).toBe(
      'classes',
    );
    // Nor an entry about another thing, whatever its reply: "We only sell loose-leaf tea" is no
    // answer to "do you sell coffee", though the shop writes of coffee elsewhere.
    tea.upsert([
      faq('bags', ['Do you sell tea bags?'], 'We only sell loose-leaf tea; paper filters are $5 a pack.'),
      passage('trade', ['Wholesale'], 'We supply loose-leaf tea to coffee shops and restaurants.'),
    ]);
    expect(answerOffline(tea, 'do you sell coffee too', { threshold: 0 }).citations[0]?.chunkId).not.toBe('bags');
    expect(answerOffline(tea, 'do you sell tea bags', { threshold: 0 }).citations[0]?.chunkId).toBe('bags');
    // A word that only says the form the thing takes is not a thing of its own.
    tea.upsert([
      faq('stamps', ['Do you have a loyalty card?'], 'Yes, a stamp for every £10; ten stamps earn £10 off.'),
    ]);
    expect(answerOffline(tea, 'do you have a loyalty program', { threshold: 0 }).citations[0]?.chunkId).toBe('stamps');
    // Nor does a page say yes to a thing it never names, though the shop names it elsewhere.
    const page = (id: string, heading: string, text: string) => ({
      ...passage(id, [heading], text),
      sourceId: `${id}.md`,
    });
    tea.upsert([
      page('parties', 'Tea parties', 'Book the tasting room for a birthday tea party: up to 12 guests, £18 each.'),
      page('tins', 'Our tins', 'Every tin shows a watercolour painting of our garden.'),
      page('mist', 'Skin care', 'A green tea face mist, £9.'),
    ]);
    expect(answerOffline(tea, 'do you do face painting at parties', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(tea, 'do you do birthday parties', { threshold: 0 }).citations[0]?.chunkId).toBe('parties');
    // The thing ends with its sentence, and before when or for whom it is wanted.
    const parties = (q: string) => answerOffline(tea, q, { threshold: 0 }).citations[0]?.chunkId;
    expect(parties('do you do birthday parties? my daughter is turning 10')).toBe('parties');
    expect(parties('do you do birthday parties in june for my son')).toBe('parties');
    expect(parties('do you sell decaf tea for my mum, she loves it')).toBe('decaf');
    expect(answerOffline(tea, 'do you do face painting at parties? my son is 6', { threshold: 0 }).abstained).toBe(
      true,
    );
    // Nor what a thing the shop never names is: the place in its address matched, not the question.
    tea.upsert([passage('visit', ['Visit us'], 'Leaf & Kettle, 14 Christmas Steps, Bristol.')]);
    expect(answerOffline(tea, "what's the population of Bristol", { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(tea, "what's the cost of delivery to Bristol", { threshold: 0 }).abstained).toBe(false);
    expect(answerOffline(tea, 'what is the process for returning unopened tea', { threshold: 0 }).abstained).toBe(
      false,
    );
    // Nor whether a thing of the shop's has a quality the shop never writes; one it writes is asked.
    tea.upsert([page('cafe', 'Café', 'We serve house coffee and loose-leaf tea; the oat milk is vegan.')]);
    expect(answerOffline(tea, 'is your coffee organic', { threshold: 0 }).abstained).toBe(true);
    expect(answerOffline(tea, 'is the oat milk vegan', { threshold: 0 }).abstained).toBe(false);
  });
});
