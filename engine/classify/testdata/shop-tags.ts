/** A music shop's tags, as an admin would define them: a name, a description, a few examples. */
import type { TagDefinition } from '../types';

export function shopTags(): TagDefinition[] {
  return [
    {
      id: 'custom_build',
      name: 'Custom build quote',
      description: 'A customer wants a custom or made-to-order instrument built and priced',
      needsHuman: true,
      examples: [
        'Can you build me a custom telecaster with a roasted maple neck?',
        'How much would a made to order left-handed bass cost?',
        'I want a guitar built to my own spec, can you quote it?',
        'Do you do custom finishes and pickups on a build?',
      ],
    },
    {
      id: 'bulk_order',
      name: 'Bulk / school order',
      description: 'Large orders for schools, orchestras, bands or teachers, with volume pricing',
      needsHuman: true,
      examples: [
        'Our school orchestra needs 30 violins, do you offer a discount?',
        'I am a music teacher ordering recorders for my whole class',
        'Can we get volume pricing on 20 drum practice pads?',
        'We are equipping a school band program with brass instruments',
      ],
    },
    {
      id: 'returns',
      name: 'Returns',
      description: 'Sending an item back, refunds and exchanges',
      examples: [
        'How do I return a guitar I bought last week?',
        'I want a refund for the amp, it is not what I expected',
        'Can I exchange these headphones for a different model?',
        'What is your return policy?',
        'Where do I send the package back to?',
      ],
    },
    {
      id: 'shipping',
      name: 'Shipping and delivery',
      description: 'Delivery times, tracking, couriers, lost or late parcels',
      examples: [
        'Where is my order? It has not arrived yet',
        'How long does delivery take to Scotland?',
        'My tracking number says delivered but I have nothing',
        'Do you ship internationally?',
        'Can I change my delivery address?',
      ],
    },
    {
      id: 'tech_support',
      name: 'Technical support',
      description: 'An instrument or piece of gear is faulty, broken, or hard to set up',
      examples: [
        'My amp makes a buzzing noise when I turn it up',
        'The keyboard does not connect to my laptop over USB',
        'One of the drum pads stopped triggering',
        'How do I set the action on my new guitar?',
        'The pedal has no power even with a new adapter',
      ],
    },
    {
      id: 'warranty',
      name: 'Warranty case',
      description: 'Warranty claims and repairs under warranty, including cases involving several brands',
      needsHuman: true,
      examples: [
        'Is the crack in the neck covered by the warranty?',
        'My keyboard broke after 8 months, can I claim warranty?',
        'The warranty covers the Fender amp but the speaker is from another brand, who fixes it?',
        'How long is the warranty on Yamaha pianos?',
      ],
    },
  ];
}
