import { describe, expect, it } from 'vitest';
import { summarizeHandoff } from './summary';
import { captureDetails } from './details';

describe('summarizeHandoff', () => {
  const visitorMessages = [
    'hi',
    "I'm Sam from Lincoln High. We need 30 violins for our school orchestra, budget around $12,000",
    'do you do education discounts?',
    'can I talk to someone in sales?',
  ];
  const result = summarizeHandoff({
    visitorMessages,
    aiAnswers: [
      {
        question: visitorMessages[1],
        text: 'We stock student violins in all sizes. Prices start at $199.',
        sources: ['Violins'],
      },
      { question: visitorMessages[2], text: "I'm not sure.", abstained: true },
    ],
    reason: 'customer_request',
    details: captureDetails(visitorMessages),
    tags: ['Bulk / school order'],
  });

  it('says who, what they want, the details, the topic and why it was handed off', () => {
    expect(result.summary).toContain('Sam');
    expect(result.summary).toContain('30 violins for our school orchestra');
    expect(result.summary).toContain('budget $12,000');
    expect(result.summary).toContain('Bulk / school order');
    expect(result.summary).toContain('asked for a person');
    expect(result.summary).toContain('can I talk to someone in sales?');
    expect(result.summary.length).toBeLessThan(600);
  });

  it('says so when the question it leads with was answered by the AI', () => {
    expect(result.summary).toContain('for our school orchestra, budget around $12,000" (the AI answered it).');
    const r = summarizeHandoff({
      visitorMessages: ["what's your phone number", 'I want to talk to a person'],
      aiAnswers: [{ question: "what's your phone number", text: 'Phone: 0117 496 0321.' }],
      reason: 'customer_request',
      details: {},
    });
    expect(r.summary).toMatch(/^Visitor asks: "what's your phone number" \(the AI answered it\)\. Latest: "I want/);
    const open = summarizeHandoff({
      visitorMessages: ['can I return an opened tin', 'I want to talk to a person'],
      aiAnswers: [{ question: 'can I return an opened tin', text: "I'm not sure.", abstained: true }],
      reason: 'customer_request',
      details: {},
    });
    expect(open.summary).toMatch(/^Visitor asks: "can I return an opened tin"\. /);
  });

  it('leaves small talk out of what the AI tried and of what the visitor asked', () => {
    const chat = ["what's the weather like tomorrow?", 'my parcel never came, order 4411'];
    const r = summarizeHandoff({
      visitorMessages: chat,
      aiAnswers: [{ question: chat[0], text: "I can't tell you the weather, sorry.", smallTalk: true }],
      reason: 'problem',
      details: captureDetails(chat),
    });
    expect(r.tried).toEqual([]);
    expect(r.summary).toContain('The AI answered 0 of 1 message.');
  });

  it('lists what the AI tried, answered or not', () => {
    expect(result.tried).toHaveLength(2);
    expect(result.tried[0]).toContain('Prices start at $199');
    expect(result.tried[0]).toContain('Violins');
    expect(result.tried[1]).toContain('could not answer');
  });

  it('leads with the question that called for a person, not an earlier longer one', () => {
    const r = summarizeHandoff({
      visitorMessages: [
        'How long does shipping take to Portland, Oregon, for a large guitar amplifier?',
        'Can you quote me a custom guitar build?',
      ],
      aiAnswers: [],
      reason: 'topic',
      details: {},
    });
    expect(r.summary).toMatch(/^Visitor asks: "Can you quote me a custom guitar build\?"/);
  });

  it('leads with the trouble the visitor reported, not the earlier question the AI answered', () => {
    const messages = [
      'how long does shipping take',
      'I was charged twice for my order!!',
      'this is ridiculous, I want a person NOW',
    ];
    const r = summarizeHandoff({
      visitorMessages: messages,
      aiAnswers: [{ question: messages[0], text: 'Standard shipping takes 3-5 business days.' }],
      reason: 'frustration',
      details: {},
    });
    expect(r.summary).toMatch(/^Visitor asks: "I was charged twice for my order!!"/);
  });

  it('counts what the AI answered out of every question the visitor asked, the handed-off one too', () => {
    const r = summarizeHandoff({
      visitorMessages: ['How long does shipping take to Oregon?', 'Can you quote me a custom guitar build?'],
      aiAnswers: [{ question: 'How long does shipping take to Oregon?', text: 'Three to five days.' }],
      reason: 'topic',
      details: {},
    });
    expect(r.summary).toContain('The AI answered 1 of 2 messages.');
    expect(result.summary).toContain('The AI answered 1 of 2 messages.');
  });

  it('accepts plain answer strings and clips long ones', () => {
    const r = summarizeHandoff({
      visitorMessages: ['where is my parcel?'],
      aiAnswers: ['Orders ship within two days. ' + 'Tracking details follow by email. '.repeat(20)],
      reason: 'low_confidence',
      details: {},
    });
    expect(r.tried[0].length).toBeLessThanOrEqual(161);
    expect(r.summary).toContain('where is my parcel?');
    expect(r.summary).toContain('not confident');
  });
});
