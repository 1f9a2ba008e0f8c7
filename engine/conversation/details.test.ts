import { describe, expect, it } from 'vitest';
import { captureDetails } from './details';

describe('captureDetails', () => {
  it.each([
    ["Hi, I'm Sam", 'Sam'],
    ['my name is alex morgan and I need help', 'Alex Morgan'],
    ['This is Priya from Lincoln High', 'Priya'],
    ['Thanks, Maria', 'Maria'],
  ])('captures a name: %s', (text, name) => {
    expect(captureDetails([text]).name).toBe(name);
  });

  it('keeps the name a visitor gave when they later thank the agent by theirs', () => {
    const chat = ["Hi, I'm Jordan Reyes, my order number is #TW-10482", 'can I talk to a person', 'ok thanks Maya'];
    expect(captureDetails(chat)).toEqual({ name: 'Jordan Reyes', orderNumber: 'TW-10482' });
    expect(captureDetails(['Thanks, Maria', 'my name is Ana Silva']).name).toBe('Ana Silva');
  });

  it('does not take a shouted word after "this is" for a name', () => {
    expect(captureDetails(['THIS IS RIDICULOUS my tour got cancelled and nobody refunded me']).name).toBeUndefined();
    expect(captureDetails(["It's TERRIBLE, where is my order"]).name).toBeUndefined();
    expect(captureDetails(['this is AJ, order 4471']).name).toBe('AJ');
  });

  it('does not take "I\'m looking" or "I\'m not sure" for a name', () => {
    expect(captureDetails(["I'm looking for a cheap guitar", "I'm Not sure"]).name).toBeUndefined();
  });

  it('captures an email and a phone number', () => {
    const d = captureDetails(['you can reach me at sam.lee@example.com or call 555-013-4567']);
    expect(d.email).toBe('sam.lee@example.com');
    expect(d.phone).toBe('555-013-4567');
    expect(captureDetails(['my number is +44 20 7946 0958']).phone).toBe('+44 20 7946 0958');
  });

  it.each([
    ['where is order #RR-10234?', 'RR-10234'],
    ['order 55821 has not arrived', '55821'],
    ['My order number is 77812, thanks', '77812'],
  ])('captures an order number: %s', (text, id) => {
    const d = captureDetails([text]);
    expect(d.orderNumber).toBe(id);
    expect(d.phone).toBeUndefined();
  });

  it('captures products and instruments', () => {
    expect(captureDetails(['We need 30 violins for our school orchestra']).product).toBe('violin');
    expect(captureDetails(['I want a Fender Stratocaster electric guitar']).product).toBe(
      'Fender Stratocaster electric guitar',
    );
    expect(captureDetails(['I bought a Yamaha P-45 two weeks ago']).product).toBe('Yamaha P-45');
    expect(captureDetails(['looking at drum kits for my son']).product).toBe('drum kit');
    expect(captureDetails(['is the Riff Deluxe 40 in stock?'], { products: ['Riff Deluxe 40'] }).product).toBe(
      'Riff Deluxe 40',
    );
  });

  it('captures a budget only when it is one', () => {
    expect(captureDetails(['budget around $2,500']).budget).toBe('$2,500');
    expect(captureDetails(['We can spend up to 1500 dollars']).budget).toBe('1500 dollars');
    expect(captureDetails(['I paid $300 for the amp last year']).budget).toBeUndefined();
    // A threshold in a question about prices is not what the visitor means to spend.
    expect(captureDetails(['How much does standard shipping cost for an order under $99?']).budget).toBeUndefined();
    expect(captureDetails(["I'm after a used Strat under $800"]).budget).toBe('$800');
    expect(captureDetails(['How much is a setup? My budget is $60']).budget).toBe('$60');
  });

  it('captures quantities, not durations or ages', () => {
    expect(captureDetails(['We need 30 violins']).quantity).toBe('30 violins');
    expect(captureDetails(["it's for 25 students"]).quantity).toBe('25 students');
    expect(captureDetails(['can you quote twelve sets of strings?']).quantity).toBe('12 sets');
    expect(captureDetails(['I ordered it 2 weeks ago, my son is 12 years old']).quantity).toBeUndefined();
  });

  it('reads a visitor introducing themselves in one line', () => {
    expect(captureDetails(["I'm Maria Lopez, maria@bluecafe.example, 864-555-0199"])).toMatchObject({
      name: 'Maria Lopez',
      email: 'maria@bluecafe.example',
      phone: '864-555-0199',
    });
    expect(captureDetails(['Name: Tom Baker / +44 20 7946 0958 / tom.b@example.co.uk'])).toMatchObject({
      name: 'Tom Baker',
      phone: '+44 20 7946 0958',
      email: 'tom.b@example.co.uk',
    });
  });

  it('captures amounts with units and how often, in varied phrasings', () => {
    const q = (text: string) => captureDetails([text]).quantity;
    expect(q('We go through about 20 lb a week')).toBe('20 lb a week');
    expect(q('could you do 5 kg of the Ethiopian every month?')).toBe('5 kg every month');
    expect(q('We’d want 1,200 units per quarter')).toBe('1200 units per quarter');
    expect(q('Looking for 3 cases weekly for the café')).toBe('3 cases weekly');
    expect(q('We need 12lbs of decaf')).toBe('12 lbs');
    expect(q('twenty pounds of espresso beans a fortnight')).toBe('20 pounds a fortnight');
    expect(q('Can I get a dozen?')).toBe('12');
    expect(q('two dozen mugs for the new shop')).toBe('24 mugs');
    expect(q('half a dozen bags please')).toBe('6 bags');
    expect(q('we would take about 40 of them')).toBe('40');
    expect(q('qty: 15')).toBe('15');
    // Sizes, money, durations and phone numbers are not quantities.
    expect(q('Is the 5 lb bag cheaper per pound?')).toBeUndefined();
    expect(q('I paid 20 pounds for it')).toBeUndefined();
    expect(q('Delivery took 3 days')).toBeUndefined();
    expect(q('call me on 864-555-0199')).toBeUndefined();
    expect(q('my order #10234 has not arrived')).toBeUndefined();
  });

  it('reads every message: latest contact details win, the first product stays', () => {
    const d = captureDetails([
      "Hi I'm Sam, looking for violins for a school orchestra",
      'about 30 of them, budget around $6,000',
      'actually use sam@lincoln.edu, and we might add a cello',
      'sorry, email is sam.lee@lincoln.edu',
    ]);
    expect(d).toEqual({
      name: 'Sam',
      product: 'violin',
      quantity: '30',
      budget: '$6,000',
      email: 'sam.lee@lincoln.edu',
    });
  });
});

describe('captureDetails, product words in another sense', () => {
  it('reads no product from a case of wine or an order pickup, and keeps a guitar pickup', () => {
    expect(captureDetails(['I want a case of the Rioja for my dads party']).product).toBeUndefined();
    expect(captureDetails(['can I do a pickup on saturday instead']).product).toBeUndefined();
    expect(captureDetails(['can i do curbside pickup']).product).toBeUndefined();
    expect(captureDetails(['my neck pickup is buzzing']).product).toBe('pickup');
    expect(captureDetails(['I need a hard case for my Strat']).product).toBe('case');
  });
});
