import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { shopIndex } from '../answer/testkit';
import { LearnedIndex } from './learned';
import { lessonsOf } from './lessons';
import { customerDetails, learnableQuestion, learnableReply } from './scrub';
import { suggestOffline } from './suggest';

describe('what the team may teach', () => {
  const who = customerDetails(['Hi, I am Rachel Kim, order #LP-44120, rachel@example.com, call 207 555 0199'], {
    name: 'Rachel Kim',
  });

  it('takes the customer out of the question and keeps the question', () => {
    const q = learnableQuestion('I got Seafoam instead of Sage in my order #LP-44120, my name is Rachel Kim', who);
    expect(q).toBe('I got Seafoam instead of Sage in my order');
    expect(learnableQuestion('pots arrived smashed, call me at (555) 201-4432', who)).toBe('Pots arrived smashed');
  });

  it('takes out the names of people the visitor names by who they are to them', () => {
    const said = 'I need to change the address on order 5521, it is for my mum Jane Doe';
    const them = customerDetails([said]);
    expect(learnableQuestion(said, them)).not.toMatch(/Jane|Doe/);
    expect(
      learnableReply('Happy to help. I have sent the parcel on to Jane today, it should arrive soon.', them),
    ).not.toMatch(/Jane/);
    // A product's capitalised name is not a person.
    expect(
      learnableQuestion(
        'Is the Earl Grey Supreme loose leaf?',
        customerDetails(['Is the Earl Grey Supreme loose leaf?']),
      ),
    ).toBe('Is the Earl Grey Supreme loose leaf?');
  });

  it('drops the sentences about the customer from a reply, or the whole reply', () => {
    const r = learnableReply(
      'Hi Rachel! Order LP-44120 ships today. We replace a wrong colourway free and send a prepaid label.',
      who,
    );
    expect(r).toBe('We replace a wrong colourway free and send a prepaid label.');
    expect(learnableReply('Rachel, the refund went to rachel@example.com today.', who)).toBeNull();
  });

  it('learns the general reply when the first one was personal', () => {
    const { learned, skipped } = lessonsOf(
      [
        { id: 'q', author: 'visitor', text: 'I was charged twice for order #FH-55812' },
        { id: 'a1', author: 'agent', text: 'Sorry, order #FH-55812 was refunded.' },
        {
          id: 'a2',
          author: 'agent',
          text: 'A double charge from our card terminal is always refunded in full within 3 to 5 business days.',
        },
      ],
      {},
    );
    expect(skipped.map((s) => s.replyId)).toEqual(['a1']);
    expect(learned).toEqual([
      expect.objectContaining({ questionId: 'q', replyId: 'a2', question: 'I was charged twice for order' }),
    ]);
  });
});

describe('suggestOffline', async () => {
  const learned = new LearnedIndex({ wordVectors: await loadDefaultWordVectors() });
  learned.upsert([
    {
      id: 'synth',
      question: 'Do you take trade-ins of vintage synthesizers?',
      answer: 'We appraise vintage synths in person.',
    },
    { id: 'pedal', question: 'My kick pedal squeaks on every hit', answer: 'Oil the spring hook and the hinge.' },
  ]);

  it('says there is nothing to draft from with no content and no past replies', () => {
    const s = suggestOffline({
      question: 'do you ship to Canada',
      content: null,
      learned: new LearnedIndex(),
      threshold: 0.7,
    });
    expect(s).toMatchObject({ kind: 'none', text: '', empty: 'no_material' });
  });

  it('suggests the team reply to a paraphrased question', () => {
    const s = suggestOffline({
      question: 'would you buy my old vintage synth',
      content: null,
      learned,
      threshold: 0.7,
    });
    expect(s).toMatchObject({ kind: 'team', text: 'We appraise vintage synths in person.' });
    expect(s.learned?.id).toBe('synth');
  });

  it("drafts no policy passage for a visitor's own trouble unless the bot would have answered with it", () => {
    const draft = (question: string, threshold: number) =>
      suggestOffline({ question, content: shopIndex(), learned: new LearnedIndex(), threshold });
    // Unsure content still helps the agent with a question...
    expect(draft('when will my order arrive', 0.999).kind).toBe('content');
    // ...but for trouble with the visitor's own order it would be the wrong reply.
    expect(draft('my order is a week late', 0.999)).toMatchObject({ kind: 'none', empty: 'no_match' });
    expect(draft('my order is a week late', 0.05).kind).toBe('content');
  });

  it('drafts from the content with its citations when no past reply is close', () => {
    const s = suggestOffline({ question: 'what is your return policy', content: shopIndex(), learned, threshold: 0.5 });
    expect(s.kind).toBe('content');
    expect(s.citations.length).toBeGreaterThan(0);
    expect(s.learned).toBeNull();
  });
});
