/** A coffee roaster's tags, as its owner would write them; one of them needs a person. */
import type { TagDefinition } from '../types';

export function roasterTags(): TagDefinition[] {
  return [
    {
      id: 'wholesale',
      name: 'Wholesale quote',
      description: 'Cafés, offices and restaurants buying beans in bulk at trade prices',
      needsHuman: true,
      examples: [
        'We run a café and want to buy 20 kg of espresso beans a month, what are your trade prices?',
        'Can you quote wholesale pricing for our office?',
        'Do you supply restaurants with coffee on an account?',
        'What is the minimum order for a wholesale account?',
      ],
    },
    {
      id: 'shipping',
      name: 'Shipping',
      description: 'Delivery times, costs and tracking of orders',
      examples: [
        'When will my beans arrive?',
        'How much is delivery?',
        'My tracking number has not updated in four days',
        'Do you send orders abroad?',
      ],
    },
    {
      id: 'subscription',
      name: 'Subscription',
      description: 'Pausing, skipping, changing or cancelling a coffee subscription',
      examples: [
        'How do I pause my subscription while I am on holiday?',
        'Can I switch my subscription to decaf?',
        'Please cancel my monthly coffee plan',
        'Skip next month’s delivery',
      ],
    },
    {
      id: 'returns',
      name: 'Returns & refunds',
      description: 'Sending back equipment or getting money back for an order',
      examples: [
        'Can I send back the grinder, it is too loud',
        'I would like a refund for the kettle',
        'The bag was split when it arrived, can I get my money back?',
        'How do I return an unopened brewer?',
      ],
    },
  ];
}
