import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { detailHolder, plainDetailAsked } from './shop-details';
import { faq, onPage, rankedShop, searchHit } from './testkit';

const on = onPage;

describe('plainDetailAsked', () => {
  it('reads a plain request for the number, the email or the ways to pay', () => {
    expect(plainDetailAsked("what's your phone number")).toBe('phone');
    expect(plainDetailAsked('hi whats your number pls')).toBe('phone');
    expect(plainDetailAsked('email address?')).toBe('email');
    expect(plainDetailAsked('how do I contact you')).toBe('contact');
    expect(plainDetailAsked('what payment methods do you accept')).toBe('payment');
    expect(plainDetailAsked('do you offer any discounts')).toBe('discount');
    expect(plainDetailAsked('any deals?')).toBe('discount');
    expect(plainDetailAsked('where are you located')).toBe('place');
    expect(plainDetailAsked('where are you')).toBe('place');
    expect(plainDetailAsked('what are your hours')).toBe('hours');
    expect(plainDetailAsked('when are you open')).toBe('hours');
    expect(plainDetailAsked('do you ship internationally')).toBe('abroad');
    expect(plainDetailAsked('international shipping?')).toBe('abroad');
  });

  it('reads the same requests as customers type them', () => {
    expect(plainDetailAsked('number to call?')).toBe('phone');
    expect(plainDetailAsked('whats the shops phone #')).toBe('phone');
    expect(plainDetailAsked("what's your address")).toBe('place');
    expect(plainDetailAsked('whats ur adress')).toBe('place');
    expect(plainDetailAsked('how do i find your shop')).toBe('place');
    expect(plainDetailAsked('do you have a physical store i can visit')).toBe('place');
    expect(plainDetailAsked('what time do you close today')).toBe('hours');
    expect(plainDetailAsked('r u open tmrw')).toBe('hours');
    expect(plainDetailAsked('are you open on saturdays')).toBe('hours');
    expect(plainDetailAsked('when can i come by the shop')).toBe('hours');
    expect(plainDetailAsked('what are your hours on sunday')).toBe('hours');
    expect(plainDetailAsked('do u take credit cards')).toBe('payment');
    expect(plainDetailAsked('forms of payment?')).toBe('payment');
    expect(plainDetailAsked('is klarna available')).toBe('payment');
    expect(plainDetailAsked('what cards do you accept')).toBe('payment');
    expect(plainDetailAsked('how fast do u ship')).toBe('shipTime');
    expect(plainDetailAsked('whats the delivery timeframe')).toBe('shipTime');
    expect(plainDetailAsked('shipping cost?')).toBe('shipCost');
    expect(plainDetailAsked('is there a sale on rn')).toBe('discount');
    expect(plainDetailAsked('Whereabouts is the shop?')).toBe('place');
    expect(plainDetailAsked('Is there a shopfront I can walk into, and where is it?')).toBe('place');
    expect(plainDetailAsked("I was wondering where exactly you're based. Is it near the town centre?")).toBe('place');
    expect(plainDetailAsked('do u have a physical store or online only')).toBe('place');
    expect(plainDetailAsked('wat time r u guys open till today')).toBe('hours');
    expect(plainDetailAsked('What days do you trade? Cheers')).toBe('hours');
    expect(plainDetailAsked('are you guys open this weekend or just weekdays')).toBe('hours');
    expect(plainDetailAsked('are you near downtown')).toBe('place');
    expect(plainDetailAsked('r u guys close to the train station')).toBe('place');
    expect(plainDetailAsked('Hello, is there a number I can call to speak to someone?')).toBe('phone');
    expect(plainDetailAsked('do you have free shipping over a certain amount')).toBe('shipCost');
    expect(plainDetailAsked('how much is shipping on a $60 order')).toBe('shipCost');
    expect(plainDetailAsked('do i get points when i shop')).toBe('loyalty');
    expect(plainDetailAsked('any perks for repeat customers')).toBe('loyalty');
    expect(plainDetailAsked('Hi, I live in the UK - is it possible to have an order shipped to me?')).toBe('abroad');
    expect(plainDetailAsked('can i order from canada')).toBe('abroad');
    expect(plainDetailAsked('any coupons available')).toBe('discount');
    expect(plainDetailAsked('Planning to stop by Saturday with my mom, what time do you open?')).toBe('hours');
  });

  it('leaves a question that asks anything more to the usual answer', () => {
    expect(plainDetailAsked('can I call you about my order')).toBeNull();
    expect(plainDetailAsked('where is my order')).toBeNull();
    expect(plainDetailAsked('where are you shipping from')).toBeNull();
    expect(plainDetailAsked('where do i park')).toBeNull();
    expect(plainDetailAsked('is the cafe open on sunday')).toBeNull();
    expect(plainDetailAsked('can i pay with a gift card')).toBeNull();
    expect(plainDetailAsked('how much to ship to texas')).toBeNull();
    expect(plainDetailAsked('how much is shipping to canada')).toBeNull();
    expect(plainDetailAsked('do you accept returns on sale items')).toBeNull();
    expect(plainDetailAsked('do you do trade accounts')).toBeNull();
    expect(plainDetailAsked('is there a coupon code for my first order')).toBeNull();
    expect(plainDetailAsked('we want 40 wooden puzzles for our daycare, can we get a discount')).toBeNull();
    expect(plainDetailAsked('how long do i have to return it')).toBeNull();
    expect(plainDetailAsked('when can i drop off my bike')).toBeNull();
    expect(plainDetailAsked('do you ship internationally and how much is it')).toBeNull();
  });
});

describe('detailHolder', () => {
  const chunks = [
    on('classes.html', 'classes', ['Classes', 'Booking'], 'Book a class online or by phone. Classes are $45 a person.'),
    on('classes.html', 'classes-footer', ['Classes', 'Contact'], 'Kiln & Co · 12 Mill Lane · (503) 555-0142'),
    on('visit.md', 'touch', ['Visit', 'Get in touch'], 'Call (503) 555-0142 or email hello@kiln.example.'),
    on(
      'wholesale.md',
      'wholesale',
      ['Wholesale'],
      'Cafes can order mugs in bulk: wholesale@kiln.example or (503) 555-0199.',
    ),
    on(
      'shop.md',
      'paying',
      ['Shop', 'Paying'],
      'We take Visa, Mastercard, Amex and Apple Pay, and cash in the studio.',
    ),
    faq('gift', ['do you sell gift cards'], 'Yes, gift cards and e-gift cards from $25; pay by credit card.'),
  ];
  const index = new KnowledgeIndex();
  index.upsert(chunks);
  const hits = (...ids: string[]) =>
    ids.map((id, i) =>
      searchHit(
        chunks.find((c) => c.id === id)!,
        0.5 / (i + 1),
      ),
    );

  it("finds the best-ranked hit holding the number the shop's pages repeat, not another one", () => {
    const h = detailHolder(index, 'what is your phone number', hits('classes', 'wholesale', 'touch'));
    expect(h?.chunk.id).toBe('touch');
  });

  it("reads further down the ranking for the shop's number when the best hits lack it", () => {
    const h = detailHolder(index, 'what is your phone number', hits('classes', 'wholesale'));
    expect(h?.chunk.text).toMatch(/555-0142/);
  });

  it('reads a national number led by its 0, as a shop in Britain or Australia writes it', () => {
    const uk = [
      on('index.html', 'vouchers', ['Home', 'Gift vouchers'], 'Vouchers from £25, in the boutique or over the phone.'),
      on('index.html', 'touch', ['Home', 'Get in touch'], 'Email us or call us on 01584 672419, Tuesday to Saturday.'),
      on('policies.md', 'footer', ['Policies'], 'Lace & Linen · 3 Market Place, Ludbury SY7 8HJ · 01584 672419'),
    ];
    const { index: ukIndex, ranked } = rankedShop(uk);
    expect(detailHolder(ukIndex, 'what is your phone number', ranked)?.chunk.text).toMatch(/01584 672419/);
  });

  it('finds the hit naming the most ways to pay, a gift card not counted as one', () => {
    expect(detailHolder(index, 'payment methods?', hits('gift', 'paying'))?.chunk.id).toBe('paying');
    // None of the best hits lists them: the shop's list is searched for.
    expect(detailHolder(index, 'payment methods?', hits('gift', 'classes'))?.chunk.id).toBe('paying');
  });

  it('answers a named way to pay from among the ways to pay, not from a passage paying out cash', () => {
    const shop = [
      on(
        'sell.html',
        'sell',
        ['Sell your gear', 'Getting an offer'],
        'We pay you in cash or store credit on the spot.',
      ),
      on('policies.md', 'pay', ['Policies', 'Payment'], 'We accept Visa, Mastercard, Amex, PayPal and cash.'),
      on('schools.md', 'po', ['Schools', 'Purchase orders and payment'], 'We accept purchase orders, net 30.'),
    ];
    const { index: ways, ranked } = rankedShop(shop);
    expect(detailHolder(ways, 'can i pay cash in store', ranked)?.chunk.id).toBe('pay');
    expect(detailHolder(ways, 'do you accept purchase orders', ranked)?.chunk.id).toBe('po');
    expect(detailHolder(ways, 'is klarna available', ranked)?.chunk.id).toBe('pay');
  });

  it('answers the hours from the passage naming the most days, not a back dock open two of them', () => {
    const shop = [
      on(
        'wholesale.md',
        'dock',
        ['Wholesale', 'Pickup'],
        'Pick up at our back dock Tuesday to Friday, 8 am to 11 am, before the shop opens.',
      ),
      on(
        'visit.html',
        'hours',
        ['Visit', 'Hours'],
        'Open Tuesday to Saturday 10 am to 6 pm, Sunday noon to 5 pm; closed Monday.',
      ),
    ];
    const week = new KnowledgeIndex();
    week.upsert(shop);
    const ranked = [searchHit(shop[0], 0.6), searchHit(shop[1], 0.5)];
    expect(detailHolder(week, 'when do u guys open', ranked)?.chunk.id).toBe('hours');
  });

  it('takes the one street a shop writes, though only once, as its address', () => {
    const shop = [
      on('service.html', 'tune', ['Service', 'Tune-ups'], 'A tune-up is $85 and takes two days.'),
      on('visit.md', 'visit', ['Visit the shop'], 'Spoke & Chain Cycles is at 418 Willow Street in Madison.'),
    ];
    const one = new KnowledgeIndex();
    one.upsert(shop);
    expect(detailHolder(one, 'address?', [searchHit(shop[0], 0.6)])?.chunk.id).toBe('visit');
  });

  it("answers the hours from the shop's hours, not a course's timetable it finds first", () => {
    const shop = [
      on(
        'classes.html',
        'wheel',
        ['Classes', 'Wheel throwing'],
        'Open to beginners: Monday, Tuesday, Wednesday, Thursday and Friday, 6 pm to 8 pm.',
      ),
      on('visit.md', 'staffed', ['Visit', 'Staffed hours'], 'Tuesday to Friday 10 am to 8 pm, Saturday 9 am to 5 pm.'),
    ];
    const studio = new KnowledgeIndex();
    studio.upsert(shop);
    expect(detailHolder(studio, 'are you open tomorrow', [searchHit(shop[0], 0.6)])?.chunk.id).toBe('staffed');
  });

  it("finds the shop's loyalty scheme in its own words, not a gym's ten-visit punch card", () => {
    const shop = [
      on('visit.html', 'passes', ['Visit', 'Day passes and punch cards'], 'A 10-visit punch card is $190.'),
      on(
        'faq.csv',
        'stamps',
        ['FAQ', 'Is there a stamp card?'],
        'You collect a stamp for every $10; ten get you $10 off.',
      ),
    ];
    const regulars = new KnowledgeIndex();
    regulars.upsert(shop);
    const ranked = [searchHit(shop[0], 0.6), searchHit(shop[1], 0.1)];
    expect(detailHolder(regulars, 'do you have a rewards program', ranked)?.chunk.id).toBe('stamps');
    expect(detailHolder(regulars, 'do you have a rewards program', ranked.slice(0, 1))?.chunk.id).toBe('stamps');
    const none = new KnowledgeIndex();
    none.upsert([shop[0]]);
    expect(detailHolder(none, 'do you have a rewards program', ranked.slice(0, 1))).toBeUndefined();
  });

  it('answers how long shipping takes from a shipping section near the top, not a wholesale one', () => {
    const shop = [
      on(
        'wholesale.md',
        'trucks',
        ['Wholesale', 'Delivery'],
        'Our truck delivers to breweries on Thursdays, within 2 days.',
      ),
      on('returns.md', 'back', ['Returns', 'Sending it back'], 'Ship it back within 30 days of delivery.'),
      on('shipping.html', 'times', ['Shipping', 'Delivery times'], 'Standard ground takes 2 to 5 business days.'),
    ];
    const { index: ships, ranked } = rankedShop(shop);
    expect(detailHolder(ships, 'how fast do u ship', ranked)?.chunk.id).toBe('times');
    // Ranked below the first few, it is searched for; a shop without one has none.
    expect(detailHolder(ships, 'how fast do u ship', ranked.slice(0, 2))?.chunk.id).toBe('times');
    const local = new KnowledgeIndex();
    local.upsert(shop.slice(0, 2));
    expect(detailHolder(local, 'how fast do u ship', ranked.slice(0, 2))).toBeUndefined();
  });

  it('searches for where the shop ships when its first hits do not say', () => {
    const shop = [
      on('orders.md', 'pre', ['Pre-orders', 'How it works'], 'Order cakes three days ahead and pick them up.'),
      on('orders.md', 'cancel', ['Pre-orders', 'Cancelling'], 'Cancel an order up to two days before.'),
      on('orders.md', 'holiday', ['Pre-orders', 'Holidays'], 'Holiday orders close on the 20th.'),
      on('shipping.md', 'where', ['Delivery and shipping', 'Where we ship'], 'We only ship within the United States.'),
    ];
    const bakery = new KnowledgeIndex();
    bakery.upsert(shop);
    const ranked = shop.slice(0, 3).map((c, i) => searchHit(c, 0.6 - i / 10));
    expect(detailHolder(bakery, 'can you send orders abroad', ranked)?.chunk.id).toBe('where');
    const local = new KnowledgeIndex();
    local.upsert(shop.slice(0, 3));
    expect(detailHolder(local, 'can you send orders abroad', ranked)).toBeUndefined();
  });

  it("skips a workplace programme's delivery for how long delivery takes", () => {
    const shop = [
      on(
        'work.docx',
        'work',
        ['Workplace Eyewear Program', 'Turnaround and delivery'],
        'Safety glasses take 10 to 14 business days.',
      ),
      on('lenses.html', 'ship', ['Contact lenses', 'Shipping'], 'Orders arrive in 2 to 3 business days.'),
    ];
    const { index: optician, ranked } = rankedShop(shop);
    expect(detailHolder(optician, 'how long does delivery take', ranked)?.chunk.id).toBe('ship');
  });

  it("answers how to get in touch with the shop's number and address both, not a single matter's", () => {
    const shop = [
      on('a.html', 'a-footer', ['Home', 'Footer'], 'Kiln & Co · (503) 555-0142 · hello@kiln.example'),
      on('b.html', 'b-footer', ['Classes', 'Footer'], 'Kiln & Co · (503) 555-0142 · hello@kiln.example'),
      on('terms.docx', 'members', ['Membership'], 'Membership questions: members@kiln.example or (503) 555-0142.'),
      on('visit.md', 'touch', ['Visit', 'Get in touch'], 'Call (503) 555-0142 or email hello@kiln.example.'),
    ];
    const contacts = new KnowledgeIndex();
    contacts.upsert(shop);
    const ranked = [searchHit(shop[2], 0.6), searchHit(shop[3], 0.5)];
    expect(detailHolder(contacts, 'how do I contact you', ranked)?.chunk.id).toBe('touch');
    // Asked for the number alone, the best-ranked hit holding it answers.
    expect(detailHolder(contacts, 'what is your phone number', ranked)?.chunk.id).toBe('members');
  });

  it('finds the hit offering the most discounts in figures, not one that only names the word', () => {
    const deals = [
      on(
        'deals.md',
        'fine-print',
        ['Deals', 'Fine print'],
        "Discounts don't combine and discount codes can't be used on gift cards.",
      ),
      on(
        'deals.md',
        'save',
        ['Deals', 'Ways to save'],
        'Students get 10% off on Tuesdays; the sale rack is half price.',
      ),
      on('faq.csv', 'senior', ['Senior discount'], 'Customers over 65 get 15% off in the shop.'),
    ];
    const { index: shop, ranked } = rankedShop(deals);
    expect(detailHolder(shop, 'do you offer any discounts', ranked)?.chunk.id).toBe('save');
    expect(detailHolder(shop, 'do you offer any discounts', ranked.slice(0, 1))?.chunk.text).toMatch(/% off/);
    const none = new KnowledgeIndex();
    none.upsert([deals[0]]);
    expect(detailHolder(none, 'do you offer any discounts', ranked.slice(0, 1))).toBeUndefined();
  });

  it("answers a discount ask with the shop's own discounts, not a corporate page's volume pricing", () => {
    const deals = [
      on(
        'corporate.docx',
        'tiers',
        ['Corporate gifting', 'Pricing'],
        '25+ boxes 10% off, 50+ boxes 15% off, 100+ 20% off.',
      ),
      on('faq.csv', 'students', ['Do you have discounts?'], 'Students get 10% off with ID.'),
    ];
    const { index: shop, ranked } = rankedShop(deals);
    expect(detailHolder(shop, 'is there a sale on rn', ranked)?.chunk.id).toBe('students');
  });

  it('finds where the shop is by the street its pages repeat, though no word of the question is there', () => {
    const shop = [
      on(
        'guide.pdf',
        'pricing',
        ['Service guide', 'Visit pricing'],
        'A first visit to a neglected tank costs $75 more.',
      ),
      on(
        'index.html',
        'finding',
        ['Home', 'Finding us'],
        'Reef & Rill is at 2270 Lakeshore Drive, Suite B, Bellhaven.',
      ),
      on('services.html', 'footer', ['Services', 'Contact'], 'Reef & Rill · 2270 Lakeshore Drive · (269) 555-0182'),
      on('custom.docx', 'projects', ['Custom tanks'], 'We build tanks for 120 Main Street offices and homes.'),
    ];
    const place = new KnowledgeIndex();
    place.upsert(shop);
    const h = detailHolder(place, 'where are you located', [searchHit(shop[0], 0.9)]);
    expect(h?.chunk.text).toMatch(/2270 Lakeshore Drive/);
  });

  it("finds the week's opening hours, not holiday hours nor the days orders ship", () => {
    const shop = [
      on(
        'visit.html',
        'holiday',
        ['Visit us', 'Holiday hours'],
        'Closed Thanksgiving; Christmas Eve open 10 am to 2 pm, Sunday hours otherwise.',
      ),
      on(
        'shipping.md',
        'ship',
        ['Shipping', 'When orders ship'],
        'We ship Monday to Friday; order by 2 pm for same-day dispatch.',
      ),
      on(
        'visit.html',
        'week',
        ['Visit us', 'The workshop-shop'],
        'Thursday and Friday: 11 am to 6 pm. Sunday: 11 am to 3 pm. Closed Monday to Wednesday.',
      ),
    ];
    const { index: hours, ranked } = rankedShop(shop);
    expect(detailHolder(hours, 'what are your hours', ranked)?.chunk.id).toBe('week');
    expect(detailHolder(hours, 'when are you open', ranked.slice(0, 2))?.chunk.id).toBe('week');
  });

  it('finds, among the first few hits, the passage saying where the shop ships', () => {
    const shop = [
      on(
        'shipping.html',
        'lead',
        ['Shipping'],
        'We pack every order ourselves; fish go out overnight in insulated boxes.',
      ),
      on(
        'shipping.html',
        'where',
        ['Shipping', 'Where we ship'],
        "We ship within the United States only. We don't ship to Canada.",
      ),
      on('shipping.html', 'rates', ['Shipping', 'Rates'], 'Dry goods ship for $8.95, free from $75.'),
    ];
    const { index: ships, ranked } = rankedShop(shop);
    expect(detailHolder(ships, 'do you ship internationally', ranked)?.chunk.id).toBe('where');
  });

  it('takes the one phone number a shop gives as its own, though written once', () => {
    const once = [
      on('visit.html', 'touch', ['Visit us', 'Get in touch'], 'Call or text us on (802) 555-0163 during shop hours.'),
      on('visit.html', 'parking', ['Visit us', 'Parking'], 'The gravel lot out front is free.'),
    ];
    const shop = new KnowledgeIndex();
    shop.upsert(once);
    const ranked = [searchHit(once[1], 0.6), searchHit(once[0], 0.5)];
    expect(detailHolder(shop, "what's your phone number", ranked)?.chunk.id).toBe('touch');
  });

  it("has none for an email address only one answer gives: a jobs address is not the shop's", () => {
    const jobs = new KnowledgeIndex();
    const only = faq('hiring', ['are you hiring'], 'Send a short note to jobs@crumb.example.');
    jobs.upsert([only]);
    expect(detailHolder(jobs, 'how do I contact you', [searchHit(only, 0.9)])).toBeUndefined();
  });
});
