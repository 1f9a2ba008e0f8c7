import { describe, expect, it } from 'vitest';
import { frustrationScore } from './frustration';
import { DEFAULT_HANDOFF_SETTINGS, decideHandoff, type HandoffInput } from './handoff';

const confident = { confidence: 0.9, abstained: false };
const unsure = { confidence: 0.2, abstained: true };
const input = (over: Partial<HandoffInput>): HandoffInput => ({
  visitorMessages: ['do you sell ukuleles?'],
  answer: confident,
  ...over,
});
const modes = ['suggest', 'automatic'] as const;
const escalation = { suggest: 'suggest', automatic: 'handoff' } as const;

describe('decideHandoff', () => {
  it('answers when nothing calls for a person', () => {
    for (const mode of modes)
      expect(decideHandoff(input({ settings: { mode } }))).toEqual({ action: 'answer', reason: null });
  });

  it.each(modes)('hands off at once when the visitor asks for a person, even in %s mode', (mode) => {
    const d = decideHandoff(
      input({ visitorMessages: ['do you sell ukuleles?', 'can I talk to a real person'], settings: { mode } }),
    );
    expect(d.action).toBe('handoff');
    expect(d.reason).toBe('customer_request');
  });

  it.each(modes)('hands off at once on a handoff topic (%s mode)', (mode) => {
    const d = decideHandoff(
      input({
        visitorMessages: ['we need 30 violins for the school orchestra'],
        answer: unsure,
        topics: [
          { tagId: 'returns', confidence: 0.9, needsHuman: false },
          { tagId: 'bulk_order', confidence: 0.8, needsHuman: true },
        ],
        settings: { mode },
      }),
    );
    expect(d).toEqual({ action: 'handoff', reason: 'topic', detail: 'bulk_order' });
  });

  it('lets a confident answer stand against a likely but not near-certain topic', () => {
    const topics = (confidence: number) => [{ tagId: 'bulk_order', confidence, needsHuman: true }];
    const answered = { confidence: 0.95, abstained: false };
    expect(decideHandoff(input({ answer: answered, topics: topics(0.87) })).action).toBe('answer');
    // Near certain, the visitor's own request goes to the team; a question on its policy is answered.
    for (const own of [
      'I want a custom guitar built with a maple neck',
      "we're looking for a custom dining table in walnut",
      'my knee hurts after every run, what shoes should i get',
    ])
      expect(decideHandoff(input({ visitorMessages: [own], answer: answered, topics: topics(0.99) }))).toMatchObject({
        action: 'handoff',
        reason: 'topic',
      });
    for (const policy of ['whats the minimum order for catering', 'do you sell ukuleles?'])
      expect(decideHandoff(input({ visitorMessages: [policy], answer: answered, topics: topics(0.99) })).action).toBe(
        'answer',
      );
    expect(decideHandoff(input({ answer: { confidence: 0.3, abstained: true }, topics: topics(0.87) }))).toMatchObject({
      action: 'handoff',
      reason: 'topic',
    });
  });

  it('ignores a handoff topic below the topic threshold, or one that needs no person', () => {
    const topics = [{ tagId: 'bulk_order', confidence: 0.4, needsHuman: true }];
    expect(decideHandoff(input({ topics, answer: unsure })).reason).not.toBe('topic');
    expect(decideHandoff(input({ topics, answer: unsure, settings: { topicThreshold: 0.3 } })).reason).toBe('topic');
    expect(
      decideHandoff(input({ topics: [{ tagId: 'returns', confidence: 0.99, needsHuman: false }] })).reason,
    ).toBeNull();
  });

  it("hands a visitor's own trouble to the topic's team even when the content has a policy to quote", () => {
    const topics = [{ tagId: 'order_problem', confidence: 0.6, needsHuman: true }];
    const ask = (q: string) => decideHandoff(input({ visitorMessages: [q], topics, answer: confident }));
    expect(ask('I was charged twice for the same order')).toMatchObject({ action: 'handoff', reason: 'topic' });
    expect(ask('my parcel never arrived')).toMatchObject({ action: 'handoff', reason: 'topic' });
    // A question about the policy itself stays answered.
    expect(ask('how long do refunds take?').action).toBe('answer');
  });

  it("hands the visitor's own case, in words no cue names, to a handoff topic the tagger is unsure of", () => {
    const ask = (q: string, confidence: number, answer = confident) =>
      decideHandoff(
        input({ visitorMessages: [q], answer, topics: [{ tagId: 'order_problem', confidence, needsHuman: true }] }),
      );
    const told = [
      "fedex says my parcel was delivered yesterday but it's not here",
      "there's still a hold on my card from the bike we returned on monday",
      'we booked the 10am lesson and nobody was there when we arrived',
    ];
    for (const q of told) {
      expect(ask(q, 0.4)).toMatchObject({ action: 'handoff', reason: 'topic', detail: 'order_problem' });
      expect(ask(q, 0.4, unsure)).toMatchObject({ action: 'handoff', reason: 'topic' });
      // A topic the tagger hardly reads is no team's case.
      expect(ask(q, 0.2).reason).not.toBe('topic');
    }
    // A question of policy with a story around it is the content's to answer.
    expect(ask('my son wants to take the class alone, is that ok', 0.4).action).toBe('answer');
    expect(ask('do i need to bring my own helmet', 0.4).action).toBe('answer');
  });

  it("hands a booking for the visitor's own day to the topic's team even when the content says how to book", () => {
    const topics = [{ tagId: 'party_booking', confidence: 0.8, needsHuman: true }];
    const ask = (q: string) => decideHandoff(input({ visitorMessages: [q], topics, answer: confident }));
    expect(ask('is the 2pm slot free on may 9 for a birthday?')).toMatchObject({ action: 'handoff', reason: 'topic' });
    expect(ask("we'd like to book a party for 12 kids this saturday")).toMatchObject({ action: 'handoff' });
    // How bookings work is the content's to answer.
    expect(ask('how far ahead should I book a party?').action).toBe('answer');
  });

  it("hands a request to cancel or move something of the visitor's own to the topic's team", () => {
    const topics = [{ tagId: 'membership_changes', confidence: 0.7, needsHuman: true }];
    const ask = (q: string) => decideHandoff(input({ visitorMessages: [q], topics, answer: confident }));
    expect(ask('please cancel my membership end of june')).toMatchObject({ action: 'handoff', reason: 'topic' });
    expect(ask('need to move my booking from friday to monday')).toMatchObject({ action: 'handoff' });
    // How cancelling works is the content's to answer.
    expect(ask('can i cancel my membership?').action).toBe('answer');
  });

  it("hands an unanswered request for the visitor's own party, quantity or quote to a topic read faintly", () => {
    const ask = (q: string, confidence: number, answer = unsure) =>
      decideHandoff(
        input({ visitorMessages: [q], answer, topics: [{ tagId: 'group_booking', confidence, needsHuman: true }] }),
      );
    for (const q of [
      'can our company rent out the whole place after closing for 30 ppl',
      'we want 40 wooden puzzles for our daycare, can we get a discount?',
      'we might get married next spring, can we get a quote',
    ]) {
      expect(ask(q, 0.3)).toMatchObject({ action: 'handoff', reason: 'topic', detail: 'group_booking' });
      // A topic the tagger hardly reads is no team's case.
      expect(ask(q, 0.15).reason).not.toBe('topic');
    }
    // An unanswered question that asks for nothing of the visitor's own waits for a surer topic.
    expect(ask('do you have a party room', 0.3).reason).not.toBe('topic');
    // Answered, a group's price is the content's to give.
    expect(ask('how much is a private tasting for 10 people', 0.8, confident).action).toBe('answer');
  });

  it('answers a calm question the content answers though its words read a little frustrated', () => {
    const ask = (messages: string[], answer = confident) => decideHandoff(input({ visitorMessages: messages, answer }));
    // Scores a little above the default threshold (0.5): a calm question, answered.
    const calm = 'if i cancel 30 hours before do i get my money back';
    expect(frustrationScore(calm)).toBeGreaterThan(0.5);
    expect(frustrationScore(calm)).toBeLessThan(0.6);
    expect(ask([calm])).toEqual({ action: 'answer', reason: null });
    // Unanswered, asked again, or said with an explicit sign, it is frustration.
    expect(ask([calm], unsure).reason).toBe('frustration');
    expect(ask([`third time I'm asking: ${calm}`]).reason).toBe('frustration');
    expect(ask(['if i cancel do i get my money back?', calm]).reason).toBe('frustration');
  });

  it("does not hand a job seeker to a customer's topic the tagger reads in their words", () => {
    const topics = [{ tagId: 'event_quote', confidence: 0.55, needsHuman: true }];
    const ask = (q: string) => decideHandoff(input({ visitorMessages: [q], topics, answer: unsure }));
    expect(ask('are you hiring? looking for a weekend job').reason).not.toBe('topic');
    expect(ask('can we book the room for a weekend party').reason).toBe('topic');
  });

  it('hands a request for a time of their own to the topic even when the content says how it works', () => {
    const topics = [{ tagId: 'wedding_quote', confidence: 0.7, needsHuman: true }];
    const ask = (q: string) => decideHandoff(input({ visitorMessages: [q], topics, answer: confident }));
    expect(ask('id like to set up a consultation for my daughters wedding')).toMatchObject({ action: 'handoff' });
    expect(ask('how do wedding consultations work?').action).toBe('answer');
  });

  it('hands trouble with an order that no topic takes to a person in both modes, policy or not', () => {
    const quoted = { ...confident, text: 'Lost parcels are replaced once the carrier confirms.' };
    const turn = (q: string, mode: 'suggest' | 'automatic') =>
      decideHandoff(input({ visitorMessages: [q], topics: [], answer: quoted, settings: { mode } }));
    for (const mode of ['suggest', 'automatic'] as const) {
      expect(turn('my parcel never arrived', mode)).toMatchObject({ action: 'handoff', reason: 'problem' });
      expect(turn('I was charged twice for the same order', mode)).toMatchObject({
        action: 'handoff',
        reason: 'problem',
      });
      // A question about the policy itself is just answered.
      expect(turn('what happens if my parcel never arrives?', mode)).toMatchObject({ action: 'answer', reason: null });
    }
  });

  it('hands trouble with an order that the content cannot speak to to a person, in both modes', () => {
    for (const mode of ['suggest', 'automatic'] as const) {
      const d = decideHandoff(
        input({
          visitorMessages: ["you sent me a men's XL instead of a women's M"],
          topics: [],
          answer: unsure,
          settings: { mode },
        }),
      );
      expect(d).toMatchObject({ action: 'handoff', reason: 'problem' });
    }
    // A question the content cannot answer is still only offered a person.
    expect(
      decideHandoff(input({ visitorMessages: ['do you sell wetsuits?'], topics: [], answer: unsure })),
    ).toMatchObject({ action: 'suggest', reason: 'low_confidence' });
  });

  it('hands off an unanswered question whose handoff topic is more likely than not', () => {
    const topics = (confidence: number) => [{ tagId: 'order_problem', confidence, needsHuman: true }];
    // Below the topic threshold: the bot could not answer, so the topic's team gets it.
    expect(decideHandoff(input({ topics: topics(0.6), answer: unsure }))).toMatchObject({
      action: 'handoff',
      reason: 'topic',
    });
    // An answer the content gives stands; a topic less likely than not is only a suggestion.
    expect(decideHandoff(input({ topics: topics(0.6), answer: confident })).action).toBe('answer');
    expect(decideHandoff(input({ topics: topics(0.45), answer: unsure })).reason).toBe('low_confidence');
    // An admin's lower topic threshold still counts.
    expect(
      decideHandoff(input({ topics: topics(0.35), answer: unsure, settings: { topicThreshold: 0.3 } })).reason,
    ).toBe('topic');
  });

  it.each(modes)('hands a frustrated visitor to a person by default (%s mode)', (mode) => {
    const d = decideHandoff(
      input({
        visitorMessages: [
          'where is my order?',
          'I ALREADY TOLD YOU the order number!!! This is ridiculous, still nothing after 3 weeks',
        ],
        settings: { mode },
      }),
    );
    expect(d.action).toBe('handoff');
    expect(d.reason).toBe('frustration');
  });

  it.each(modes)('only offers a person for frustration when the workspace says suggest (%s mode)', (mode) => {
    const d = decideHandoff(
      input({
        visitorMessages: ['Three emails and not one reply. Fix this today or I dispute the charge.'],
        settings: { mode, frustrationMode: 'suggest' },
      }),
    );
    expect(d).toMatchObject({ action: 'suggest', reason: 'frustration' });
  });

  it('reads frustration when the engine could not answer, and gives it as the reason over low confidence', () => {
    for (const message of [
      'Honestly this is a joke. Give me my money back right now!',
      "I've already asked you this once. Worst shop I have ever dealt with, I'm furious.",
    ]) {
      const d = decideHandoff(input({ visitorMessages: [message], answer: unsure }));
      expect(d).toMatchObject({ action: 'handoff', reason: 'frustration' });
    }
    // The same engine output without the anger is only low confidence.
    expect(decideHandoff(input({ visitorMessages: ['Can I get my money back?'], answer: unsure }))).toMatchObject({
      action: 'suggest',
      reason: 'low_confidence',
    });
  });

  it('uses the frustration threshold', () => {
    const messages = ['the checkout page is slow again, this is annoying'];
    expect(
      decideHandoff(input({ visitorMessages: messages, settings: { frustrationThreshold: 0.99 } })).reason,
    ).toBeNull();
    expect(decideHandoff(input({ visitorMessages: messages, settings: { frustrationThreshold: 0.05 } })).reason).toBe(
      'frustration',
    );
  });

  it.each(modes)('escalates low confidence (%s mode)', (mode) => {
    const d = decideHandoff(input({ answer: unsure, settings: { mode } }));
    expect(d.action).toBe(escalation[mode]);
    expect(d.reason).toBe('low_confidence');
    const below = decideHandoff(
      input({ answer: { confidence: 0.4, abstained: false }, settings: { mode, answerThreshold: 0.5 } }),
    );
    expect(below.reason).toBe('low_confidence');
  });

  it.each(modes)('escalates the same question unanswered twice (%s mode)', (mode) => {
    const d = decideHandoff(
      input({
        visitorMessages: ['can you restring a 12-string guitar?', 'ok', 'do you restring 12 string guitars?'],
        answer: unsure,
        previousUnanswered: ['can you restring a 12-string guitar?'],
        settings: { mode },
      }),
    );
    expect(d.action).toBe(escalation[mode]);
    expect(d.reason).toBe('repeated_unanswered');
  });

  it('treats a different unanswered question as low confidence, not a repeat', () => {
    const d = decideHandoff(
      input({
        visitorMessages: ['do you rent PA systems?'],
        answer: unsure,
        previousUnanswered: ['can you restring a 12-string guitar?'],
      }),
    );
    expect(d.reason).toBe('low_confidence');
  });

  it('respects disabled triggers', () => {
    const off = {
      customerRequest: false,
      topic: false,
      frustration: false,
      lowConfidence: false,
      repeatedUnanswered: false,
    };
    const d = decideHandoff({
      visitorMessages: ['THIS IS RIDICULOUS!!! I already told you. Get me a human'],
      answer: unsure,
      previousUnanswered: ['THIS IS RIDICULOUS!!! I already told you. Get me a human'],
      topics: [{ tagId: 'bulk_order', confidence: 0.9, needsHuman: true }],
      settings: { mode: 'automatic', triggers: off },
    });
    expect(d).toEqual({ action: 'answer', reason: null });
    const onlyLow = decideHandoff({
      visitorMessages: ['get me a human'],
      answer: unsure,
      settings: { triggers: { customerRequest: false } },
    });
    expect(onlyLow.reason).toBe('low_confidence');
  });

  it('has defaults: suggest mode, every trigger on', () => {
    expect(DEFAULT_HANDOFF_SETTINGS.mode).toBe('suggest');
    expect(Object.values(DEFAULT_HANDOFF_SETTINGS.triggers).every(Boolean)).toBe(true);
  });
});
