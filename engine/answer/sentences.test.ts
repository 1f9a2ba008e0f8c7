import { describe, expect, it } from 'vitest';
import { relevantSentences, splitSentences, underHeading } from './sentences';

describe('relevantSentences', () => {
  const shipping =
    'We currently ship within the UK only. We do not ship to Europe or anywhere outside the United Kingdom. ' +
    'UK delivery costs £3.95 per order. Delivery is free on orders over £40. ' +
    'Orders are dispatched by Royal Mail and arrive in 2–3 working days.';

  it('keeps, of a short section, the sentences holding the fact asked for', () => {
    expect(relevantSentences(shipping, 'how much is shipping')).toBe(
      'UK delivery costs £3.95 per order. Delivery is free on orders over £40.',
    );
    expect(relevantSentences(shipping, 'how long does delivery take')).toBe(
      'Orders are dispatched by Royal Mail and arrive in 2–3 working days.',
    );
    // Else those sharing the question's words, and the sentence after each.
    expect(relevantSentences(shipping, 'do you ship to France')).toBe(
      'We currently ship within the UK only. We do not ship to Europe or anywhere outside the United Kingdom. UK delivery costs £3.95 per order.',
    );
    // A bare "Yes." that opens the answer stays, and "It costs £6." brings what "it" is.
    expect(
      relevantSentences(
        'Yes. We sell a decaf Earl Grey. It costs £6. Rooibos has no caffeine.',
        'how much is the decaf',
      ),
    ).toBe('Yes. We sell a decaf Earl Grey. It costs £6.');
    // So does a sentence that goes on from the one before with "then".
    expect(
      relevantSentences(
        'In season, orders ship within 1 to 2 business days. From October to May, we pack orders on Tuesdays and Fridays only. Ground delivery then takes 3 to 7 business days. Pickup at the boathouse is free.',
        'how fast do you ship',
      ),
    ).toBe(
      'In season, orders ship within 1 to 2 business days. From October to May, we pack orders on Tuesdays and Fridays only. Ground delivery then takes 3 to 7 business days.',
    );
    // Of three sentences, by words alone, all: the one without them may be the list asked for.
    const cannot = 'Strings, reeds and sticks. Items that are broken or recalled. Instruments without a serial number.';
    expect(relevantSentences(cannot, "what items can't be traded in")).toBe(cannot);
    // A list item that names what is asked comes with those holding the fact, though it holds
    // none itself: without "Thanksgiving Day" the list would say the shop opens that day.
    const closed =
      "We are closed on:\n- New Year's Day (January 1)\n- Labor Day\n- Thanksgiving Day\n- Christmas Day (December 25)\n" +
      'Gift cards are sold at the counter.';
    expect(relevantSentences(closed, 'are you open on thanksgiving')).toBe(
      "We are closed on:\n- New Year's Day (January 1)\n- Thanksgiving Day\n- Christmas Day (December 25)",
    );
  });

  const text =
    'Our store opened in 1998. We love music. Customs duties are paid by the buyer on delivery. ' +
    'Invoices list the duties separately. The staff plays in local bands. ' +
    'Parking is free behind the building. ' +
    'We also repair amplifiers and pedals of every brand, with a three month warranty on all repair work done in house.';

  it('keeps short texts whole', () => {
    expect(relevantSentences('Short answer.', 'anything')).toBe('Short answer.');
  });

  it('keeps the best sentence and its follower, in order, within the word budget', () => {
    const out = relevantSentences(text, 'who pays customs duties', 20);
    expect(out).toBe('Customs duties are paid by the buyer on delivery. Invoices list the duties separately.');
  });

  it('brings the sentence that one speaks of: "any other countries" than those before', () => {
    const where =
      'We deliver to the UK, Ireland, all EU countries, the USA, Canada, Australia and New Zealand. ' +
      "We're sorry, but we don't currently ship to any other countries, and we can't deliver to BFPO addresses.\n" +
      'For orders outside the UK, import duties, taxes and customs fees are set by the destination country and are paid by the customer on delivery. ' +
      "We can't mark parcels as gifts or declare a lower value. If a parcel is refused because of customs charges, we'll refund the item once it comes back to us, minus the original and return shipping.";
    expect(relevantSentences(where, 'can you send orders abroad', 60)).toMatch(
      /^We deliver to the UK, Ireland, all EU countries, the USA, Canada, Australia and New Zealand\. We're sorry/,
    );
  });

  it('keeps list items on lines of their own, and marks prose left out with "…"', () => {
    const rates =
      'Every rental includes a helmet and a lock. ' +
      'Rates for a half day and a full day are below. ' +
      '\n- City hybrid: $25 for 4 hours, $40 for a full day' +
      '\n- Electric bike: $45 for 4 hours, $70 for a full day, deposit $200' +
      '\n- Tandem: $50 for 4 hours, $80 for a full day' +
      '\nA photo ID is needed for every rental, and a card for the deposit. Kids under 16 ride with an adult.';
    expect(relevantSentences(rates, 'deposit for an electric bike', 30)).toBe(
      '- Electric bike: $45 for 4 hours, $70 for a full day, deposit $200\n- Tandem: $50 for 4 hours, $80 for a full day',
    );
    expect(relevantSentences(text, 'customs duties and repairs of amplifiers', 40)).toBe(
      'Customs duties are paid by the buyer on delivery. Invoices list the duties separately. … ' +
        'We also repair amplifiers and pedals of every brand, with a three month warranty on all repair work done in house.',
    );
  });

  it("keeps the text's line breaks: a table's rows one a line, a later paragraph on its own", () => {
    const hours =
      'Day: Monday; Hours: closed.\n\nDay: Tuesday to Friday; Hours: 10 am to 6 pm.\n\n' +
      'Day: Saturday; Hours: 9 am to 5 pm.\n\nDay: Sunday; Hours: 11 am to 4 pm.\n\n' +
      'Parking is free behind the shop, and the side door has a ramp for wheelchairs and strollers. ' +
      'We close early on the day of the street fair, usually the second Saturday of June.';
    // The whole table (a row alone reads as if the shop closed the other days), then the later
    // paragraph's sentence that answers, marked as picked from inside it.
    expect(relevantSentences(hours, 'are you open on saturday', 40)).toBe(
      'Day: Monday; Hours: closed.\nDay: Tuesday to Friday; Hours: 10 am to 6 pm.\n' +
        'Day: Saturday; Hours: 9 am to 5 pm.\nDay: Sunday; Hours: 11 am to 4 pm.\n' +
        '… We close early on the day of the street fair, usually the second Saturday of June.',
    );
    // A sentence before a table does not run on into its first row: "Day: Monday; Hours: closed."
    // after the address reads as if the shop were closed.
    const visit =
      "We're at 312 Warren Street in Hudson, across from the hardware store, between 3rd and 4th Streets.\n\n" +
      hours.replace(/\n\nParking[^]*$/, '') +
      '\n\nThe sandwich counter closes an hour before the shop does, and the kitchen takes its last order at three.';
    expect(relevantSentences(visit, 'where are you located', 40)).toBe(
      "We're at 312 Warren Street in Hudson, across from the hardware store, between 3rd and 4th Streets.",
    );
    // A week with a notes column some rows leave empty is one table, quoted whole past the budget.
    const week = [
      "Day: Monday; Shop hours: Closed; Notes: Local delivery doesn't run on Mondays either.",
      'Day: Tuesday; Shop hours: 11 am – 7 pm.',
      'Day: Wednesday; Shop hours: 11 am – 7 pm; Notes: Friday tasting lineup posted.',
      'Day: Thursday; Shop hours: 11 am – 7 pm; Notes: Seminars some Thursday evenings, 6:30 pm.',
      'Day: Friday; Shop hours: 11 am – 9 pm; Notes: Friday tasting 5 – 8 pm.',
      'Day: Saturday; Shop hours: 10 am – 8 pm.',
      'Day: Sunday; Shop hours: Noon – 5 pm; Notes: No local delivery on Sundays.',
    ];
    const quoted = relevantSentences(
      `${week.join('\n\n')}\n\nOnline orders placed while we're closed are packed the next day we're open.`,
      'what are your hours',
      60,
    );
    expect(quoted).toBe(week.join('\n'));
    // Rows chosen for their relevance bring their table too; a lead-in question without its answer
    // is left out.
    const rates =
      'Rates are per box. A box holds up to 12 bottles; bigger orders go in more than one box.\n\n' +
      'Bottles in the box: 1 – 3; Wisconsin addresses: $12; All other states we ship to: $22.\n\n' +
      'Bottles in the box: 4 – 6; Wisconsin addresses: $18; All other states we ship to: $30.\n\n' +
      'Bottles in the box: 7 – 12; Wisconsin addresses: $24; All other states we ship to: $42.\n\n' +
      'Shipping is free on orders of 12 bottles or more going to a Wisconsin address. Need it faster? ' +
      'UPS 2nd Day Air is $25 extra per box. Wine club shipments have their own flat rate; see the Wine Club page.';
    const shipping = relevantSentences(rates, 'how much is shipping', 60);
    expect(shipping).toMatch(/7 – 12; Wisconsin addresses: \$24/);
    expect(shipping).not.toMatch(/Need it faster\?$/);
    // An item of a list of names brings the list: one state of ten reads as the only one.
    const states =
      'We ship wine only to addresses in these states:\n\n- Wisconsin\n- Minnesota\n- Oregon\n- California\n- Florida\n\n' +
      "Every other state either doesn't allow out-of-state retailers to ship wine to residents or requires a permit we don't hold. " +
      'All shipments go UPS and need an adult signature: someone 21 or older has to sign and show ID at the door.';
    expect(relevantSentences(states, 'do you ship to california', 40)).toMatch(
      /- Wisconsin\n- Minnesota\n- Oregon\n- California\n- Florida/,
    );
    // The best sentence's table comes whole before its follower takes the room.
    const four = [
      "What you're ordering: Live fish and corals; Carrier: FedEx Priority Overnight; Rate: $39.99 flat per order; Free shipping: Livestock subtotal of $249 or more.",
      "What you're ordering: Dry goods and equipment (48 states); Carrier: UPS Ground; Rate: $8.95 flat; Free shipping: Orders of $75 or more.",
      "What you're ordering: Dry goods to Alaska, Hawaii and PO boxes; Carrier: USPS Priority Mail; Rate: Calculated at checkout; Free shipping: Not available.",
      "What you're ordering: Live plants only (no fish in the order); Carrier: USPS Priority Mail; Rate: $12.95 flat; Free shipping: Plant orders of $100 or more.",
    ];
    const ratesPage =
      four.join('\n\n') +
      '\n\nIf you order livestock and dry goods together, the dry goods ride along in the live box at no extra charge as long as they fit.';
    expect(relevantSentences(ratesPage, 'how much is shipping', 60)).toMatch(
      new RegExp(`^${four.join('\n').replace(/[$()?.*+]/g, '\\$&')}`),
    );
    // So does an item of a list each of whose items holds the fact asked for, an item a line.
    const deals =
      '- Aquarium society members: members of the Bellhaven Area Aquarium Society get 10% off dry goods. Show your membership card at the register.\n' +
      '- Teachers: K-12 teachers get 15% off classroom aquarium setups and the supplies to keep them running. Bring your school ID.\n' +
      '- Maintenance clients: customers on a biweekly or monthly maintenance plan get 10% off livestock and dry goods.\n\n' +
      "Only one discount applies per purchase. We don't run coupon codes.";
    const quotedDeals = relevantSentences(deals, 'do you offer any discounts', 60, ['price']);
    expect(quotedDeals).toMatch(/10% off dry goods/);
    expect(quotedDeals).toMatch(/15% off classroom/);
    expect(quotedDeals).toMatch(/Maintenance clients/);
    // A short section whole: a line each, not a blank line between its rows.
    expect(relevantSentences('Size: S; Chest: 33–34.\n\nSize: M; Chest: 35–37.', 'what size am I')).toBe(
      'Size: S; Chest: 33–34.\nSize: M; Chest: 35–37.',
    );
    // A short section's rows too, when only some of its sentences answer.
    const prices =
      'Service: Flat repair; Price: $15.\n\nService: Tune-up; Price: $75.\n\nService: Overhaul; Price: $220.\n\n' +
      'Parts are extra. We are happy to look at any bike.';
    expect(relevantSentences(prices, 'how much is a tune-up')).toBe(
      'Service: Flat repair; Price: $15.\nService: Tune-up; Price: $75.\nService: Overhaul; Price: $220.',
    );
  });

  it('keeps a list item with the line that introduces its list, and no introduction without its list', () => {
    const cannot =
      'For hygiene reasons, these items cannot be returned once the package or seal is opened:' +
      '\n- Strings (guitar, bass, orchestral) once the sealed envelope or pack is opened' +
      '\n- Reeds, mouthpieces and mouthpiece patches' +
      '\n- In-ear monitors, earbuds, earplugs and harmonicas' +
      '\n- Drum sticks and mallets that have been played' +
      '\nWe also cannot accept returns of:' +
      '\n- Gift cards' +
      '\n- Software, plug-ins and digital downloads once the license is registered' +
      '\n- Items marked Final Sale or Clearance' +
      '\nDefective items in these categories are still covered by the manufacturer warranty.';
    // The item asked about says what it is only with its list's introduction.
    expect(relevantSentences(cannot, 'can I return drum sticks I played', 60)).toBe(
      'For hygiene reasons, these items cannot be returned once the package or seal is opened:' +
        '\n- Drum sticks and mallets that have been played',
    );
    // "We also cannot accept returns of:" shares the question's words, but not its list.
    expect(relevantSentences(cannot, 'Can I return opened guitar strings?', 60)).not.toMatch(/returns of:$/);
    expect(relevantSentences(cannot, 'can I return a gift card', 60)).toBe(
      'We also cannot accept returns of:\n- Gift cards\n- Software, plug-ins and digital downloads once the license is registered',
    );
    // A short introduction comes even past the word budget: the days without "We are closed on:"
    // would read as the days it opens.
    const closed =
      "We are closed on:\n- New Year's Day (January 1)\n- Independence Day (July 4)\n- Thanksgiving Day" +
      '\n- Christmas Day (December 25)\nOnline orders placed on holidays ship the next business day.';
    expect(relevantSentences(closed, 'are you open on thanksgiving', 20)).toMatch(/^We are closed on:\n- /);
    // In a short text too: the list items with a price, with what they are prices of.
    const fees =
      'Lessons are taught in our studios on the second floor. Rates per lesson:\n- 30 minutes: $30\n- 60 minutes: $55';
    expect(relevantSentences(fees, 'how much is a 60 minute lesson')).toBe(
      'Rates per lesson:\n- 30 minutes: $30\n- 60 minutes: $55',
    );
  });

  it("quotes a footer's facts without its copyright notice or its links", () => {
    expect(relevantSentences('© 2026 The Meeple & Mug · 1150 Williamson St · (608) 555-0117', 'phone number')).toBe(
      '1150 Williamson St · (608) 555-0117',
    );
    // A notice with nothing after it stays as written.
    expect(relevantSentences('© 2026 The Meeple & Mug. All rights reserved.', 'phone')).toBe(
      '© 2026 The Meeple & Mug. All rights reserved.',
    ); // Nor its links.
    expect(relevantSentences('58 Tanner St, Harlow Bay · (207) 555-0183 · Privacy · Terms of Service', 'phone')).toBe(
      '58 Tanner St, Harlow Bay · (207) 555-0183',
    );
    expect(relevantSentences('Read our privacy policy before you sign up.', 'privacy')).toBe(
      'Read our privacy policy before you sign up.',
    );
  });

  it('answers "how do I…" from the first step, a step\'s sentences on its line', () => {
    const steps =
      '1. Bring the instrument, case and accessories to the store during opening hours. You do not need an appointment.\n' +
      '2. We check it in with you and give you a return receipt. Automatic payments stop at once.\n' +
      '3. Returns are accepted any time after the 3-month minimum.\n' +
      '4. Missing accessories are charged at retail price, for example $18 for a rosin and cloth set.\n\n' +
      'Rentals cannot be returned by mail unless we arranged shipping. Unpaid rentals are sent to collections.';
    const out = relevantSentences(steps, 'how do I return my rental flute', 60);
    expect(out).toMatch(
      /^1\. Bring the instrument, case and accessories to the store during opening hours\. You do not/,
    );
    expect(out).toContain('\n2. We check it in');
    // Not for a question that asks no way to do something.
    expect(relevantSentences(steps, 'can I return a rental by mail', 30)).not.toMatch(/^1\./);
  });

  it("introduces a quote of a bare list with its section's heading", () => {
    const list = '- Medications once they leave the store\n- Gift cards\n- Opened litter';
    expect(underHeading('- Gift cards\n- Opened litter', list, "What we can't take back")).toBe(
      "What we can't take back:\n- Gift cards\n- Opened litter",
    );
    // A section that introduces its list itself, a prose quote, an FAQ's question heading: as quoted.
    expect(underHeading('- Gift cards', 'We cannot take back:\n- Gift cards', 'Returns')).toBe('- Gift cards');
    expect(underHeading('Gift cards never expire.', 'Gift cards never expire.', 'Gift cards')).toBe(
      'Gift cards never expire.',
    );
    expect(underHeading('- Visa\n- PayPal', '- Visa\n- PayPal', 'Which cards do you take?')).toBe('- Visa\n- PayPal');
  });

  it('splits at sentence ends and line breaks', () => {
    expect(splitSentences('One. Two!\n- three\nFour? 5 items.')).toEqual([
      'One.',
      'Two!',
      '- three',
      'Four?',
      '5 items.',
    ]);
  });
});
