/** The demo shop's conversation tags: name, description, a few example phrases, and routing. */
export interface DemoTag {
  name: string;
  description: string;
  examples: string[];
  needsHuman: boolean;
  kind: 'topic' | 'manual';
  color: string;
  team?: 'Drums' | 'Guitars';
}

export const DEMO_TAGS: DemoTag[] = [
  {
    name: 'Custom orders',
    description: 'Custom guitar builds and special orders that need a quote from our luthier',
    examples: [
      'Can you quote me a custom guitar build?',
      'I want a custom telecaster with a roasted maple neck',
      'How much would a custom build with P90 pickups cost?',
      'Could your luthier build me a left-handed baritone guitar?',
      'I would like a one-off custom finish on a new guitar',
    ],
    needsHuman: true,
    kind: 'topic',
    color: '#7c3aed',
    team: 'Guitars',
  },
  {
    name: 'Bulk & education',
    description: 'School, orchestra and bulk orders that need a quote from the education team',
    examples: [
      'We need 30 violins for our school orchestra',
      'Do you give discounts for a bulk order of drum sticks for a school?',
      'Our district wants a quote for band instruments',
      'Can we buy 15 student trumpets with a purchase order?',
      'I run a music school and need 12 keyboards',
    ],
    needsHuman: true,
    kind: 'topic',
    color: '#0891b2',
  },
  {
    name: 'Warranty',
    // Not a handoff topic on its own: most warranty questions are answered from the warranty page;
    // a claim reaches a person when the visitor asks or the AI is not sure.
    description: 'Warranty claims, especially cases spanning several brands or products',
    examples: [
      'My amp and my pedal from different brands both stopped working, who covers it?',
      'I need to make a warranty claim on a cracked guitar top',
      'The snare I bought last month has a defect, is it under warranty?',
      'Warranty claim for my keyboard and its stand',
      'Both my Fender and my Boss gear broke under warranty',
    ],
    needsHuman: false,
    kind: 'topic',
    color: '#dc2626',
  },
  {
    name: 'Returns',
    description: 'Returning or exchanging an item, refunds',
    examples: [
      'How do I return a guitar I bought online?',
      'I want a refund for my order',
      'Can I exchange these drumsticks for a different size?',
      'Where is my refund?',
      'The cymbal arrived damaged, I want to send it back',
    ],
    needsHuman: false,
    kind: 'topic',
    color: '#ea580c',
  },
  {
    name: 'Technical support',
    description: 'Help with setting up, tuning, fixing or using an instrument or gear',
    examples: [
      'My guitar buzzes on the third fret',
      'How do I tune my drum heads?',
      'My keyboard will not turn on',
      'The pickup on my bass is crackling',
      'My pedal makes a humming noise',
    ],
    needsHuman: false,
    kind: 'topic',
    color: '#2563eb',
    team: 'Drums',
  },
  {
    name: 'Shipping',
    description: 'Delivery times, tracking, shipping costs',
    examples: [
      'How long does shipping take?',
      'Where is my package?',
      'Do you ship to Canada?',
      'How much is shipping for a drum kit?',
    ],
    needsHuman: false,
    kind: 'topic',
    color: '#16a34a',
  },
  {
    name: 'VIP',
    description: 'A valued regular customer',
    examples: [],
    needsHuman: false,
    kind: 'manual',
    color: '#ca8a04',
  },
  {
    name: 'High-value',
    description: 'An order or quote worth over $2,000',
    examples: [],
    needsHuman: false,
    kind: 'manual',
    color: '#be185d',
  },
];
