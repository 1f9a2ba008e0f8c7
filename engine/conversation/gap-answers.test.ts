import { describe, expect, it } from 'vitest';
import { answersToQuestions, isPersonRequest, scrubPersonal, type ThreadMessage } from './gap-answers';

const t = (id: string, author: ThreadMessage['author'], text: string): ThreadMessage => ({ id, author, text });

describe('which team reply answered which question', () => {
  it('does not take a later reply on another topic as the answer to an earlier question', () => {
    const pairs = answersToQuestions([
      t('q1', 'visitor', 'How much is shipping to Denver for a 5 lb bag?'),
      t('b1', 'bot', "I'm not sure."),
      t('q2', 'visitor', 'Also, do you do catering for office events of about 40 people?'),
      t('b2', 'bot', 'Let me get someone from the team.'),
      t('a1', 'agent', 'Yes, we cater office events: coffee service for 40 people starts at $180.'),
    ]);
    expect(pairs.get('q2')?.text).toMatch(/cater/);
    expect(pairs.has('q1')).toBe(false);
  });

  it('pairs a reply with an earlier question when it is clearly about that one', () => {
    const pairs = answersToQuestions([
      t('q1', 'visitor', 'Do you ship to Canada?'),
      t('q2', 'visitor', 'And can I pay with PayPal?'),
      t('a1', 'agent', 'We ship to Canada with tracked delivery in 5 to 7 business days.'),
      t('a2', 'agent', 'Yes, PayPal works at checkout, as do all major cards.'),
    ]);
    expect(pairs.get('q1')?.text).toMatch(/ship to Canada/);
    expect(pairs.get('q2')?.text).toMatch(/PayPal/);
  });

  it('leaves requests for a person and filler replies out', () => {
    const pairs = answersToQuestions([
      t('q1', 'visitor', 'Can I talk to a real person please?'),
      t('a0', 'agent', 'Hi! Dana here.'),
      t('a1', 'agent', 'Happy to help — what can I do for you today?'),
    ]);
    expect(pairs.size).toBe(0);
  });
});

describe('requests for a person', () => {
  it.each([
    ['Can I talk to a real person please?', true],
    ['agent please', true],
    ['I want to speak to someone', true],
    ['Do you ship to Canada?', false],
    ['What is your returns policy for opened strings?', false],
  ])('%s → %s', (text, expected) => {
    expect(isPersonRequest(text)).toBe(expected);
  });
});

describe('scrubbing customer details', () => {
  it("takes out the customer's name, email and phone, keeps the shop's", () => {
    const out = scrubPersonal(
      "Hi Maria, yes: wholesale starts at 10 lb a week, $11/lb. I'll send the price list to maria@bluecafe.example today. Questions? Call us on 555-0100 or write to orders@roastery.example.",
      { names: ['Maria Lopez'], values: ['maria@bluecafe.example', '864-555-0199'] },
    );
    expect(out).toBe(
      'Yes: wholesale starts at 10 lb a week, $11/lb. Questions? Call us on 555-0100 or write to orders@roastery.example.',
    );
  });

  it("takes every email and phone out of a visitor's own words", () => {
    expect(
      scrubPersonal("I'm Maria Lopez. Do you deliver to cafés? My number is (864) 555-0199, email maria@x.example", {
        names: ['Maria Lopez'],
        all: true,
      }),
    ).toBe('Do you deliver to cafés?');
    expect(scrubPersonal('Ring Sam on +44 20 7946 0958 about the order', { values: ['+44 20 7946 0958'] })).toBe('');
  });
});
