import { describe, expect, it } from 'vitest';
import { Spelling } from './spelling';

const SHOP = [
  'Gift cards never expire. Buy a gift card in store or online.',
  'Returns: we accept returns within 30 days. Shipping to Canada is not offered.',
  'Guitars, basses and e-bikes. Our return policy covers guitars.',
];
const ENGLISH = new Set(['bake', 'tuneup', 'afterpay', 'do', 'you', 'ship']);
const english = { has: (w: string) => ENGLISH.has(w) };

describe('Spelling', () => {
  const spelling = Spelling.of(SHOP, english);

  it('reads a misspelt word as the shop writes it', () => {
    expect(spelling.correct('whats your retrun policy')).toBe('what is your return policy');
    expect(spelling.correct('lefty gutars?')).toBe('lefty guitars?');
  });

  it('splits words run together when the shop writes them side by side, plural too', () => {
    expect(spelling.correct('do giftcards expire')).toBe('do gift cards expire');
    expect(spelling.correct('giftcard balance')).toBe('gift card balance');
    // The shop writes "e-bikes": read as it writes them.
    expect(spelling.correct('do you fix ebikes')).toBe('do you fix e-bikes');
  });

  it('writes two words as the hyphenated compound the shop writes them as', () => {
    const s = Spelling.of(['A tune-up is $85.', 'We fine-tune your fit at the follow-up visit.'], null);
    expect(s.correct('how much for a tune up?')).toBe('how much for a tune-up?');
    expect(s.correct('Tune up price')).toBe('tune-up price');
    // Words the shop never joins stay apart.
    expect(s.correct('tune my fit up')).toBe('tune my fit up');
  });

  it('writes two words as the closed compound the shop writes, when it never writes them apart', () => {
    const s = Spelling.of(['Stand-up paddleboard: $75 a full day.', 'Pick up at the dock, or ask for pickup.'], null);
    expect(s.correct('how much to rent a paddle board all day')).toBe('how much to rent a paddleboard all day');
    // The shop writes "pick up" too: both spellings are its own, so neither is rewritten.
    expect(s.correct('can i pick up at the dock')).toBe('can i pick up at the dock');
  });

  it('expands chat shorthand', () => {
    expect(spelling.correct('do u ship to canada')).toBe('do you ship to canada');
    // Ages, hours and the names of things, as customers shorten them.
    expect(spelling.correct('can my 9 yr old come w me')).toBe('can my 9 year old come with me');
    expect(spelling.correct('2 hr intro class')).toBe('2 hour introduction class');
  });

  it('keeps words English knows, numbers, and pairs the shop never writes', () => {
    expect(spelling.correct('can I bake it')).toBe('can I bake it');
    expect(spelling.correct('pay with afterpay')).toBe('pay with afterpay');
    expect(spelling.correct('order 12345')).toBe('order 12345');
  });

  it("keeps a word when two of the shop's words are equally near", () => {
    const s = Spelling.of(['cart card'], null);
    expect(s.correct('carx')).toBe('carx');
  });

  it('returns the same string when nothing changes', () => {
    const q = 'Gift cards?';
    expect(spelling.correct(q)).toBe(q);
  });

  it("reads a customer's phrase as the word the shop writes for it", () => {
    expect(spelling.correct('I opened it, can I send it back?')).toBe('I opened it, can I return?');
    expect(spelling.correct('can I bring the jacket back')).toBe('can I return');
    expect(spelling.correct('when will it get here')).toBe('when will it shipping');
    const tea = Spelling.of(['Our rooibos is caffeine free. Delivery takes 3 days. Refunds in 5 days.'], null);
    expect(tea.correct('is the rooibos decaf?')).toBe('is the rooibos caffeine free?');
    expect(tea.correct('how long to get to me')).toBe('how long to delivery');
    expect(tea.correct('I want my money back')).toBe('I want refunds');
  });

  it('reads "when are you open" and "opening times" as the hours a shop writes', () => {
    const studio = Spelling.of(
      ['Staffed hours', 'Tuesday to Saturday, 10 am to 6 pm. Open studio for members.'],
      null,
      ['Staffed hours'],
    );
    expect(studio.correct('when are you open')).toBe('when are you hours');
    expect(studio.correct('are you open on sunday?')).toBe('are you hours on sunday?');
    expect(studio.correct('what time do you close')).toBe('what time do you hours');
    expect(studio.correct('opening times')).toBe('hours');
    // "open" that is not about the shop's hours stays.
    expect(studio.correct('is the studio open to beginners')).toBe('is the studio open to beginners');
    expect(studio.correct('can I open a tab')).toBe('can I open a tab');
    expect(Spelling.of(['Open daily from 9 to 5.'], null).correct('when are you open')).toBe('when are you open');
    // A shop that writes "hours" only in passing has no hours to read it as.
    const care = Spelling.of(['Down jackets', 'Dry on low heat for 2 to 3 hours.'], null, ['Down jackets']);
    expect(care.correct('when are you open')).toBe('when are you open');
  });

  it('reads "where are you located" and "how do I contact you" as the sections a shop heads them with', () => {
    const bakery = Spelling.of(
      ['Visit the Bakery', '14 Mill Lane, Northampton.', 'Phone and email', 'Call 555-0101.'],
      { has: () => true },
      ['Visit the Bakery', 'Phone and email'],
    );
    expect(bakery.correct('where are you located?')).toBe('where are you visit?');
    expect(bakery.correct('where is the shop based')).toBe('where is the shop visit');
    expect(bakery.correct('how do I contact you')).toBe('how do I phone you');
    expect(bakery.correct('how can we get in touch with the team')).toBe('how can we phone the team');
    expect(bakery.correct('where are you?')).toBe('where are you visit?');
    expect(bakery.correct('where is the bakery')).toBe('where is the bakery visit');
    expect(bakery.correct('where are you sending it')).toBe('where are you sending it');
    // Not a question about the shop's place or its contact details.
    expect(bakery.correct('where is my order located')).toBe('where is my order located');
    expect(bakery.correct('I will contact you later')).toBe('I will contact you later');
    // "Address" is the last word tried: a shop heads "Wrong addresses" too.
    const florist = Spelling.of(
      ['Wrong addresses', 'Check the address.', 'Visit Petal & Stem', '88 Harbor Street.'],
      { has: () => true },
      ['Wrong addresses', 'Visit Petal & Stem'],
    );
    expect(florist.correct('where are you located')).toBe('where are you visit');
    // A shop with no such heading keeps the customer's words.
    const online = Spelling.of(['Shipping', 'We ship from our address in Leeds.'], null, ['Shipping']);
    expect(online.correct('where are you located')).toBe('where are you located');
  });

  it("reads a child's age as a question of the age limits the shop writes", () => {
    const tours = Spelling.of(['Age limits', 'Ages 10 and up; under 16 with an adult.'], null, ['Age limits']);
    expect(tours.correct('can my 14 yr old take out a kayak')).toBe('can my 14 year old age take out a kayak');
    expect(tours.correct('my son is 16, can he sell his camera')).toBe('my son is 16 age, can he sell his camera');
    // Not a parcel three days late, a two-year warranty or a price.
    expect(tours.correct('my order is 3 days late')).toBe('my order is 3 days late');
    expect(tours.correct('is there a 2 year warranty')).toBe('is there a 2 year warranty');
    expect(tours.correct('the total is 45')).toBe('the total is 45');
  });

  it('reads "put my membership on hold" as the pause or freeze the shop writes', () => {
    const gym = Spelling.of(['Freezing your membership', 'A freeze costs $10 a month.'], null, [
      'Freezing your membership',
    ]);
    expect(gym.correct('can i put my membership on hold')).toBe('can i put my membership on hold freeze');
    // A book held for the visitor is no pause.
    expect(gym.correct('can you put a book on hold for me')).toBe('can you put a book on hold for me');
  });

  it('reads "dead" as the "die" of a shop that promises fresh flowers', () => {
    const florist = Spelling.of(['Freshness promise', 'If your flowers wilt or die within 5 days, we replace them.'], {
      has: () => true,
    });
    expect(florist.correct('my bouquet is dead after 3 days')).toBe('my bouquet is die after 3 days');
  });

  it('reads "can you keep my bike" as the storage the shop heads', () => {
    const bikes = Spelling.of(
      ['Winter storage', 'We store bikes from November to March for $60.'],
      { has: () => true },
      ['Winter storage'],
    );
    expect(bikes.correct('can you keep my bike over winter')).toBe('can you storage my bike over winter');
    // A shop without a section on it: as typed.
    const none = Spelling.of(['Tune-ups from $75.'], { has: () => true });
    expect(none.correct('can you keep my bike over winter')).toBe('can you keep my bike over winter');
  });

  it('reads "grab it at the store" as the pickup the shop writes', () => {
    const shop = Spelling.of(['Local pickup', 'Choose "Pick up in store" at checkout; pickup is free.'], null, [
      'Local pickup',
    ]);
    expect(shop.correct('can i order online and grab it at the store')).toBe('can i order online and pickup');
    expect(shop.correct('can i grab my order in person')).toBe('can i pickup');
    // Not a coffee grabbed there, nor a shop without pickup.
    expect(shop.correct('can i grab a coffee there')).toBe('can i grab a coffee there');
    const online = Spelling.of(['Shipping', 'We ship within 2 days.'], null, ['Shipping']);
    expect(online.correct('can i grab it at the store')).toBe('can i grab it at the store');
  });

  it("keeps a phrase when the shop has no word for it, or writes the customer's word too", () => {
    const hours = Spelling.of(['Open daily from 9 to 5.'], null);
    expect(hours.correct('I want my money back')).toBe('I want my money back');
    expect(hours.correct('when will it get here')).toBe('when will it get here');
    const swaps = Spelling.of(['Swap a size within 30 days; exchanges are free. Gift vouchers and gift cards.'], null);
    expect(swaps.correct('can I swap it')).toBe('can I swap it');
    expect(swaps.correct('gift vouchers?')).toBe('gift vouchers?');
  });

  it('reads "haven\'t opened", "never used", "not worn" as the un- words a returns policy writes', () => {
    const words = new Set(['opened', 'used', 'worn']);
    const returns = Spelling.of(
      ['Unopened equipment and unworn shoes in their box can be returned; unused gift cards are refunded.'],
      { has: (w) => words.has(w) },
    );
    expect(returns.correct("Can I return a grinder I haven't opened?")).toBe('Can I return a grinder I unopened?');
    expect(returns.correct('shoes I never wore')).toBe('shoes I unworn');
    expect(returns.correct('cards I did not use')).toBe('cards I unused');
    expect(returns.correct('I opened it')).toBe('I opened it');
    // Without the shop's un- word, or one English does not know, as typed.
    expect(Spelling.of(['Returns within 30 days.'], null).correct("I haven't opened it")).toBe("I haven't opened it");
  });

  it('drops the words around a question that ask nothing themselves', () => {
    const shop = Spelling.of(['Subscriptions renew every 2 weeks. We ship to Canada.'], { has: () => true });
    expect(shop.correct('what can you tell me about subscriptions?')).toBe('subscriptions?');
    expect(shop.correct('tell me more about the harbor blend')).toBe('the harbor blend');
    expect(shop.correct('I was wondering if you ship to Canada')).toBe('you ship to Canada');
    expect(shop.correct("I'd like to know about returns")).toBe('returns');
    expect(shop.correct('Hello! Quick question, do you ship to Canada?')).toBe('Hello! do you ship to Canada?');
    // Nothing left to ask: as typed.
    expect(shop.correct('can you tell me')).toBe('can you tell me');
  });

  it('splits a number typed against its unit where the shop writes them apart', () => {
    const tea = Spelling.of(['$28 for a 150 g pouch. Open until 6 pm. Order 12345.'], null);
    expect(tea.correct('what does a 150g bag cost')).toBe('what does a 150 g bag cost');
    expect(tea.correct('open at 6pm?')).toBe('open at 6 pm?');
    // Numbers the shop does not write so are kept as typed.
    expect(tea.correct('a 250g bag')).toBe('a 250g bag');
    expect(tea.correct('order 12345')).toBe('order 12345');
  });

  it('reads a real word as its relative the shop writes, when they mean nearly the same', () => {
    // Cosines as the offline word vectors give them.
    const close: Record<string, number> = {
      'rent rentals': 0.77,
      'weekly weeks': 0.55,
      'cheap cheapest': 0.58,
      'mess message': 0.28,
    };
    const bikes = Spelling.of(['Rentals by the day. Two weeks of storage. The cheapest plan. Send a message.'], {
      has: () => true,
      similarity: (a, b) => close[`${a} ${b}`] ?? close[`${b} ${a}`] ?? 0,
    });
    expect(bikes.correct('rent a tandem')).toBe('rentals a tandem');
    expect(bikes.correct('weekly plan')).toBe('weeks plan');
    expect(bikes.correct('cheap plan')).toBe('cheapest plan');
    // Related by their letters only: as typed.
    expect(bikes.correct('what a mess')).toBe('what a mess');
    // The stemmer already joins these: as typed.
    expect(bikes.correct('day rental')).toBe('day rental');
    // Without word vectors there is no telling: as typed.
    expect(Spelling.of(['Two weeks of storage.'], { has: () => true }).correct('weekly plan')).toBe('weekly plan');
  });
  it('adds the word a shop heads a topic with beside a word of it the shop only says in passing', () => {
    const shop = Spelling.of(
      ['Shipping', 'Orders ship in 2 days.', 'Returns', 'Return within 30 days of delivery.'],
      { has: () => true },
      ['Shipping', 'Returns'],
    );
    expect(shop.correct('how long does delivery take')).toBe('how long does delivery ship take');
    // A heading word stays as typed, and so does a word of no group.
    expect(shop.correct('shipping to Ohio')).toBe('shipping to Ohio');
    expect(shop.correct('return window')).toBe('return window');
  });

  it("reads a customer's word the shop never writes as the shop's word for the same thing", () => {
    const bakery = Spelling.of(
      [
        'Delivery: catering orders are delivered, and delivery is free. Children under 5 eat free.',
        'Pets welcome on the terrace.',
        'Openings are posted on our Jobs page.',
      ],
      { has: () => true },
    );
    expect(bakery.correct('how much is shipping')).toBe('how much is delivery');
    expect(bakery.correct('can you mail it to Ohio')).toBe('can you delivery it to Ohio');
    expect(bakery.correct('do toddlers have to pay')).toBe('do children have to pay');
    expect(bakery.correct('can I bring my dog')).toBe('can I bring my pets');
    const groomer = Spelling.of(['Grooming prices', 'Large dog: $70.'], { has: () => true }, ['Grooming prices']);
    expect(groomer.correct('haircut for a big dog price')).toBe('grooming for a large dog price');
    // Words the shop writes stay (by stem too: "job" for "jobs"), and a word may become only
    // what its group allows: "posted" is not a delivery, "hiring" is not a rental.
    expect(bakery.correct('any job openings')).toBe('any job openings');
    expect(bakery.correct('are you hiring')).toBe('are you hiring');
    const jobs = Spelling.of(['Openings are posted on our Jobs page.'], { has: () => true });
    expect(jobs.correct('how much is shipping')).toBe('how much is shipping');
    // The word the shop heads the topic with, over a more frequent one in passing.
    const tea = Spelling.of(
      ['Shipping', 'We ship within the UK.', 'Returns', 'Within 30 days of delivery; delivery costs are not refunded.'],
      { has: () => true },
      ['Shipping', 'Returns'],
    );
    // (Ireland, never named, reads as where the shop ships: "within the UK".)
    expect(tea.correct('can you post to Ireland')).toBe('can you shipping to uk');
    // "offer" asks what the shop has, where it never writes the word.
    const members = Spelling.of(['We have a discount for members.'], { has: () => true });
    expect(members.correct('do you offer any discounts')).toBe('do you have any discounts');
    // A pet is not a dog.
    const dogs = Spelling.of(['Dogs welcome.'], { has: () => true });
    expect(dogs.correct('can I bring my pet')).toBe('can I bring my pet');
    // "Hours" where the shop only says when it is open; not where it writes hours.
    const studio = Spelling.of(['Open Thursday to Sunday, 11 am to 5 pm.'], { has: () => true });
    expect(studio.correct('what are your hours')).toBe('what are your open');
    const shop = Spelling.of(['Hours: 9 to 5. Open every day.'], { has: () => true });
    expect(shop.correct('what are your hours')).toBe('what are your hours');
    // A membership put on hold: the gym's word read as the studio's; a pause is not a freeze.
    const pottery = Spelling.of(['You can pause your membership once a year.'], { has: () => true });
    expect(pottery.correct('can I freeze my membership')).toBe('can I pause my membership');
    const dough = Spelling.of(['Freeze the dough for up to a month.'], { has: () => true });
    expect(dough.correct('can I pause my order')).toBe('can I pause my order');
  });
  it('reads "cheaper elsewhere" and "split the payment" as the price match and instalments a shop heads', () => {
    const shop = Spelling.of(
      [
        'Do you price match?',
        'Yes, the same item at a local store.',
        'Can I pay in installments?',
        'Yes, with Klarna.',
      ],
      null,
      ['Do you price match?', 'Can I pay in installments?'],
    );
    expect(shop.correct('i found it cheaper at another dealer')).toBe('i found it price match at another dealer');
    expect(shop.correct('will you match it')).toBe('will you price match it');
    expect(shop.correct('can I split the payment')).toBe('can I installments');
    expect(shop.correct('can I pay it over 6 months')).toBe('can I installments');
    expect(shop.correct('monthly payments?')).toBe('installments?');
    // Without such headings, as typed.
    const plain = Spelling.of(['A cheaper option for weekdays. Matches every Friday.'], null);
    expect(plain.correct('is there a cheaper option')).toBe('is there a cheaper option');
    expect(plain.correct('can I split the payment')).toBe('can I split the payment');
  });
  it('reads a British or American spelling as the one the shop writes', () => {
    const us = Spelling.of(['Pick a color. Personalized gifts. Canceled orders are refunded. Jewelry and gray yarn.'], {
      has: () => true,
    });
    expect(us.correct('what colours do you have')).toBe('what colors do you have');
    expect(us.correct('personalised colour')).toBe('personalized color');
    expect(us.correct('I cancelled my order')).toBe('I canceled my order');
    expect(us.correct('grey jewellery')).toBe('gray jewelry');
    const uk = Spelling.of(['Our colours and flavours. The garden centre.'], { has: () => true });
    expect(uk.correct('what color')).toBe('what colour');
    expect(uk.correct('garden center flavors')).toBe('garden centre flavours');
    // Only to a spelling the shop writes.
    expect(uk.correct('favorite hours')).toBe('favorite hours');
  });

  it('reads a place the shop never names as what it writes for places abroad or at home', () => {
    const shop = Spelling.of(
      [
        'International shipping: we ship to Canada, the United Kingdom and Ireland.',
        'We ship to all 50 states by ground. Turkey and ham sandwiches at the counter.',
      ],
      { has: () => true },
    );
    expect(shop.correct('do you ship to Germany?')).toBe('do you ship to international?');
    expect(shop.correct('postage to New Zealand')).toBe('ship to international');
    expect(shop.correct('how long does shipping take, I am in Texas')).toBe(
      'how long does shipping take, I am in states',
    );
    // A place the shop names by another name reads as the shop's; one it names stays, and so
    // does one outside a question about sending.
    expect(shop.correct('do you ship to the UK')).toBe('do you ship to the united kingdom');
    expect(shop.correct('shipping to scotland?')).toBe('shipping to united kingdom?');
    expect(shop.correct('do you ship to canada')).toBe('do you ship to canada');
    expect(shop.correct('is it safe to travel to Spain')).toBe('is it safe to travel to Spain');
    expect(shop.correct('do you have turkey')).toBe('do you have turkey');
    // A shop that writes only where it does ship: that is the answer to "abroad".
    const home = Spelling.of(['We ship to the lower 48 states only.'], { has: () => true });
    expect(home.correct('do you ship internationally?')).toBe('do you ship states?');
    expect(home.correct('overseas shipping')).toBe('states shipping');
    // And to a country it never names: "do you ship to Canada?" → where it ships.
    expect(home.correct('do u ship to canada')).toBe('do you ship to states');
    // A shop that writes no word for abroad nor home: as typed.
    const local = Spelling.of(['We deliver within 10 miles of the bakery.'], { has: () => true });
    expect(local.correct('do you deliver to France')).toBe('do you deliver to France');
  });

  it('reads a city as the state or country the shop writes for it', () => {
    const shop = Spelling.of(
      ['We ship to all 50 states. Hawaii and Alaska: $12 flat.', 'International shipping to Canada and the UK.'],
      { has: () => true },
    );
    expect(shop.correct('can you ship to my sister in honolulu')).toBe('can you ship to my sister in hawaii');
    expect(shop.correct('do you ship to Boston')).toBe('do you ship to states');
    expect(shop.correct('shipping to toronto?')).toBe('shipping to canada?');
    expect(shop.correct('postage to manchester')).toBe('ship to uk');
    expect(shop.correct('do you ship to Berlin')).toBe('do you ship to international');
    // Not outside a question about sending.
    expect(shop.correct('we loved our trip to boston')).toBe('we loved our trip to boston');
  });
});
