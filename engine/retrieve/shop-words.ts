/**
 * The everyday words the spelling pass (spelling.ts) reads a customer's question with: groups of
 * words customers and shops use for the same thing, and a word's British or American spelling.
 */

/**
 * Words customers and shops use for the same thing, where the shop writes only some of them: a
 * bakery writes "delivery" and is asked about "shipping", a café writes "children" and is asked
 * about "toddlers", a shop abroad writes "worldwide" and is asked "do you ship internationally".
 * A customer's word the shop never writes (by stem) is read as the shop's word of its group: the
 * one it heads a section with, else its most frequent (spelling.ts). Written for customer service
 * in general, not for any one shop; `to`, when set, is the only words it may become (a dog is a
 * pet, a pet is not a dog).
 */
export const SYNONYMS: readonly {
  words: readonly string[];
  to?: readonly string[];
  /**
   * False for a group that names what is asked about a topic (what it costs), not a topic:
   * "does it cost anything to pause?" is about pausing, not the shop's "Prices" (spelling.ts,
   * topicWord).
   */
  topic?: false;
}[] = [
  {
    // "post" and "mail" are asked ("can you mail it to Ohio") but not read into: "posted on our
    // Jobs page" is no delivery.
    words: ['ship', 'shipping', 'shipment', 'deliver', 'delivery', 'deliveries', 'postage', 'post', 'mail', 'courier'],
    to: ['ship', 'shipping', 'shipment', 'deliver', 'delivery', 'postage', 'courier'],
  },
  { words: ['price', 'prices', 'pricing', 'cost', 'costs', 'fee', 'fees'], topic: false },
  { words: ['refund', 'refunds', 'reimburse', 'reimbursement'] },
  { words: ['book', 'booking', 'reserve', 'reservation', 'reservations', 'appointment', 'appointments'] },
  {
    words: [
      'discount',
      'discounts',
      'deal',
      'deals',
      'promo',
      'promotion',
      'promotions',
      'coupon',
      'coupons',
      'savings',
    ],
  },
  { words: ['big', 'bigger', 'large', 'larger'] },
  // "Do you offer discounts?" asks what the shop has; a shop that never writes "offer" has nothing
  // for the word to meet, and it counted against every answer.
  { words: ['offer', 'provide'], to: ['offer', 'provide', 'have'] },
  { words: ['groom', 'grooming', 'haircut', 'haircuts'] },
  { words: ['child', 'children', 'kid', 'kids', 'toddler', 'toddlers', 'infant', 'infants'] },
  { words: ['repair', 'repairs', 'fix', 'mend'] },
  { words: ['wash', 'washing', 'clean', 'cleaning', 'launder'] },
  { words: ['gift', 'gifts', 'present', 'presents'] },
  { words: ['instalment', 'instalments', 'installment', 'installments', 'financing', 'finance'] },
  { words: ['loyalty', 'reward', 'rewards'] },
  { words: ['warranty', 'guarantee'] },
  { words: ['allergy', 'allergies', 'allergen', 'allergens', 'allergic'] },
  // A "collection" is also what a shop sells; only picking up is read into.
  { words: ['collect', 'collection', 'pickup'], to: ['collect', 'pickup'] },
  { words: ['international', 'internationally', 'overseas', 'abroad', 'worldwide'] },
  { words: ['lesson', 'lessons', 'class', 'classes', 'course', 'courses', 'workshop', 'workshops'] },
  // Not "hiring": "are you hiring" asks for a job.
  { words: ['rent', 'rental', 'rentals', 'hire', 'lease'] },
  { words: ['wholesale', 'bulk'] },
  { words: ['job', 'jobs', 'career', 'careers', 'vacancy', 'vacancies'] },
  { words: ['coeliac', 'celiac'] },
  { words: ['broken', 'damaged', 'faulty', 'defective'] },
  // Shops sell living things: "my bouquet is dead" where the promise says "if they die within 5 days".
  { words: ['dead', 'die', 'died', 'dies', 'dying'] },
  { words: ['subscription', 'subscriptions', 'subscribe'] },
  // A membership or subscription put on hold: gyms and studios say "freeze", shops "pause".
  { words: ['pause', 'freeze', 'suspend'], to: ['pause', 'suspend'] },
  // "What are your hours?" where the shop writes only "Open Thursday to Sunday, 11 am to 5 pm".
  { words: ['hours', 'hour'], to: ['open'] },
  { words: ['dog', 'dogs', 'puppy', 'puppies', 'cat', 'cats', 'kitten', 'kittens'], to: ['pet', 'pets'] },
  // "Can you keep my bike over winter": a shop heads it "Storage" (not "store": the shop itself).
  { words: ['hold', 'keep', 'storage'], to: ['storage'] },
];

/** British and American spellings that no rule below makes of each other. */
const SPELLED_APART: readonly (readonly [string, string])[] = [
  ['grey', 'gray'],
  ['jewellery', 'jewelry'],
  ['tyre', 'tire'],
  ['tyres', 'tires'],
  ['aluminium', 'aluminum'],
  ['pyjamas', 'pajamas'],
  ['mum', 'mom'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['cheque', 'check'],
  ['cheques', 'checks'],
  ['plough', 'plow'],
  ['enrol', 'enroll'],
  ['enrolment', 'enrollment'],
];
const APART = new Map(
  SPELLED_APART.flatMap(
    ([uk, us]) =>
      [
        [uk, us],
        [us, uk],
      ] as const,
  ),
);

/**
 * The word's other spellings, British to American and back, by the regular endings: -our/-or
 * ("colour", "flavoured", "favourite"), -re/-er ("centre", "litres"), -ise/-ize ("personalised",
 * "organisation"), -yse/-yze, a doubled l before an ending ("cancelled", "travelling"),
 * -ence/-ense ("licence"), -ogue/-og ("catalogue"). Words of five letters or more only ("four" is
 * not "for"); the shop decides which, if any, is its own.
 */
export function otherSpellings(word: string): string[] {
  const out: string[] = [];
  const apart = APART.get(word);
  if (apart) out.push(apart);
  if (word.length < 5) return out;
  const swaps: [RegExp, string][] = [
    [/our(s|ed|ing|ite|ites|ful|less|able)?$/, 'or$1'],
    [/([^aeiou])or(s|ed|ing|ite|ites|ful|less|able)?$/, '$1our$2'],
    [/([^aeiou])re(s|d)?$/, '$1er$2'],
    [/([^aeiou])er(s)?$/, '$1re$2'],
    [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
    [/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1'],
    [/ys(e|es|ed|ing)$/, 'yz$1'],
    [/yz(e|es|ed|ing)$/, 'ys$1'],
    [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
    [/([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'],
    [/ence$/, 'ense'],
    [/ense$/, 'ence'],
    [/ogue(s)?$/, 'og$1'],
    [/og(s)?$/, 'ogue$1'],
  ];
  for (const [re, to] of swaps) if (re.test(word)) out.push(word.replace(re, to));
  return out;
}
