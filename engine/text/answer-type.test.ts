import { describe, expect, it } from 'vitest';
import { factKinds, factMask, factWords, kindMask, kindMatch, questionKinds, withoutKindCues } from './answer-type';

describe('answer kinds', () => {
  it('reads what a question asks for', () => {
    expect(questionKinds('How long does shipping take?')).toEqual(['duration']);
    expect(questionKinds('how much is shipping')).toContain('price');
    expect(questionKinds('what time do you close on fridays')).toContain('time');
    expect(questionKinds('where are you located')).toContain('place');
    expect(questionKinds('Do you ship to Canada?')).toEqual(['policy']);
    expect(questionKinds('what is a tension rod')).toEqual([]);
    expect(questionKinds("what's your phone number")).toContain('contact');
    expect(questionKinds('how do I contact you')).toContain('contact');
    expect(questionKinds('can I email the shop')).toContain('contact');
    expect(questionKinds('do you sell phone cases')).not.toContain('contact');
    expect(questionKinds('can you help me find my phone')).not.toContain('contact');
    expect(questionKinds('I got an email about my order')).not.toContain('contact');
  });

  it('reads phone numbers and email addresses, dates and months', () => {
    for (const text of ['Call (503) 555-0142.', 'Ring +44 20 7946 0958.', 'Phone 555-0101', 'Email help@shop.example.'])
      expect(factKinds(text)).toContain('contact');
    expect(factKinds('Book online or by phone.')).not.toContain('contact');
    expect(factKinds('Order 12345, 3 items.')).not.toContain('contact');
    expect(factKinds('Parcels ship on the 15th of each month.')).toContain('time');
    expect(factKinds('Plant trees in October.')).toContain('time');
    expect(factKinds('You may return it.')).not.toContain('time');
  });

  it('remembers the kinds a text holds as the same mask it reads', () => {
    const texts = ['Orders arrive in 3–5 business days for $6.50.', 'Coffee is a fruit.', 'Open Sunday 9am–5pm.'];
    for (const read of [1, 2])
      for (const t of texts) expect(factMask(t), `${t} (read ${read})`).toBe(kindMask(factKinds(t)));
    expect(factMask('Coffee is a fruit.')).toBe(0);
  });

  it('reads what a passage holds', () => {
    expect(factKinds('Orders arrive in 3–5 business days.')).toContain('duration');
    // A time span in words: "the same evening", "same-day", "in about an hour".
    expect(factKinds('Order by 2 pm and our van brings it the same evening.')).toContain('duration');
    expect(factKinds('Pick it up in about an hour.')).toContain('duration');
    expect(factKinds('Our same-day service covers the county.')).toContain('duration');
    expect(factKinds('Take a tablet twice a day.')).not.toContain('duration');
    expect(factKinds('Standard shipping is $6.50 per order.')).toContain('price');
    // A price list or a product export writes the amount after its label, without a currency.
    expect(factKinds('Size: 250 g; Variant Price: 16.00.')).toContain('price');
    expect(factKinds('Price (USD): 12')).toContain('price');
    expect(factKinds('Size: 250 g; Weight: 0.3.')).not.toContain('price');
    expect(factKinds('Open Tuesday to Friday 7am–4pm.')).toContain('time');
    expect(factKinds('We are at 412 Alder Street.')).toContain('place');
    // Where a shop is without its number: the street, or what it is near.
    expect(factKinds("We're on Granite Avenue.")).toContain('place');
    expect(factKinds('Two doors down from the post office.')).toContain('place');
    expect(factKinds('Around the corner from the library.')).toContain('place');
    expect(factKinds('We do not ship outside the United States.')).toContain('policy');
    expect(factKinds('Coffee is a fruit.')).toEqual([]);
  });

  it('scores the match, the specific kinds above policy', () => {
    const asked = kindMask(['duration', 'policy']);
    expect(kindMatch(asked, kindMask(['duration', 'policy']))).toBe(1);
    expect(kindMatch(asked, kindMask(['duration']))).toBeCloseTo(2 / 3);
    expect(kindMatch(asked, kindMask(['policy']))).toBeCloseTo(1 / 3);
    expect(kindMatch(0, kindMask(['price']))).toBe(0);
  });
});

describe('age', () => {
  it("reads a question that names someone's age or asks about one", () => {
    expect(questionKinds('can my 14 yr old take out a kayak by herself')).toContain('age');
    expect(questionKinds('im 17 can i sell my clothes')).toContain('age');
    expect(questionKinds('is she old enough for the sunset tour')).toContain('age');
    expect(questionKinds('my 16yo wants to come')).toContain('age');
    // Years that are no age, and a number after "im" that is a weight.
    expect(questionKinds('the frame you made 2 yrs ago is loose')).not.toContain('age');
    expect(questionKinds('been a customer for 5 years')).not.toContain('age');
    expect(questionKinds('im 290 lbs is there a board for me')).not.toContain('age');
  });

  it('reads an age rule in a passage, and not a size, a sum or a time', () => {
    expect(factKinds('Ages 13 to 15: may paddle their own kayak with an adult on the water.')).toContain('age');
    expect(factKinds('You must be 18 or older to sell to us.')).toContain('age');
    expect(factKinds('Kids under 12 need a grown-up.')).toContain('age');
    expect(factKinds('21+ after 9 pm.')).toContain('age');
    expect(factKinds('Free shipping on orders over 50 dollars.')).not.toContain('age');
    expect(factKinds('Most repairs take under 30 minutes.')).not.toContain('age');
    expect(factKinds('Groups of over 12 people book ahead.')).not.toContain('age');
    expect(factKinds('Groups of 10+ people get 10% off.')).not.toContain('age');
  });
});

describe('withoutKindCues', () => {
  it('drops the words that only ask for a kind of answer', () => {
    expect(withoutKindCues('How long does shipping take?')).toBe('how does shipping  ?');
    expect(withoutKindCues('how much is a guitar setup')).toBe('how is a guitar setup');
    expect(withoutKindCues('can I take a class')).toBe('can i take a class');
    expect(withoutKindCues('how long til my yarn gets here')).toBe('how til my yarn gets here');
    expect(withoutKindCues('how long is the route')).toBe('how long is the route');
  });

  it('reads "<topic> policy" as the topic, and keeps a policy with no topic before it', () => {
    expect(withoutKindCues('What is your return policy?')).toBe('what is your return?');
    expect(withoutKindCues('privacy policy')).toBe('privacy');
    expect(withoutKindCues('what is your policy on trade-ins')).toBe('what is your policy on trade-ins');
  });

  it('drops the word that asks for a price when a topic is left', () => {
    // A shop writes "$12 per person" under "Tasting flights"; "cost" would favour "Shipping costs".
    expect(withoutKindCues('how much does a tasting cost').trim()).toBe('how does a tasting');
    expect(withoutKindCues('monthly tea box price').trim()).toBe('monthly tea box');
    // Nothing but the price word: it is the topic ("Prices").
    expect(withoutKindCues('what are your prices')).toBe('what are your prices');
    // "A price" is a quote asked for, not a kind of answer.
    expect(withoutKindCues('can you give me a price for a reef move')).toContain('a price');
  });
});

describe('factWords', () => {
  it('names the facts a passage holds without naming them', () => {
    expect(factWords('© 2026 The Meeple & Mug · 1150 Williamson St · (608) 555-0117')).toBe('phone');
    expect(factWords('Write to help@shop.example any time.')).toBe('email');
    expect(factWords('Groups of 6 or more get 15% off rentals; every day after the first is half price.')).toBe(
      'discount',
    );
    expect(factWords('+44 20 7946 0958 · hello@kiln.example')).toBe('phone email');
    // A national number led by its 0, as most countries outside North America write it.
    expect(factWords('The Old Bank House, Ludbury SY7 8HJ · 01584 672419')).toBe('phone');
    expect(factWords('Studio: (02) 9876 5432')).toBe('phone');
    expect(factWords('Mobile 0412 345 678')).toBe('phone');
  });

  it('adds nothing the passage already says, nor for numbers that are no phone number', () => {
    expect(factWords('Call us on (503) 555-0142 or email help@shop.example.')).toBe('');
    expect(factWords('Members get a 10% discount, 10% off labour too.')).toBe('');
    expect(factWords('Open 2024-2025 season, order #5550-1234, 10% of the price goes to charity.')).toBe('');
    expect(factWords('Registered in England no. 10293847 · VAT no. GB 284 1937 55')).toBe('');
  });
});
