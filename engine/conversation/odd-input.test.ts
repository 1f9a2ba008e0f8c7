import { describe, expect, it } from 'vitest';
import { decideHandoff } from './handoff';
import { answerToOffer, isQuestion, ODD_INPUT_REPLY, readMessage } from './odd-input';

const abstained = { confidence: 0.05, abstained: true, text: "I'm not sure I can answer that." };
const answered = { confidence: 0.9, abstained: false, text: 'We ship in two days.' };

const ORDER = `Order confirmation #BK-20931
Thank you for your order, Alex!
1 x Ethiopia Guji, whole bean 340 g    $19.50
2 x Paper filters #4                   $9.00
Subtotal: $28.50
Shipping: $6.95
Total: $35.45
Ship to: Alex Moreno, 48 Pine St, Albany NY
Paid with Visa ending 4417`;

describe('readMessage', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['?!', 'empty'],
    ['🙂👍', 'empty'],
    ['hello there', 'social'],
    ['Good morning!', 'social'],
    ['thanks so much!!', 'social'],
    ['ok cool', 'social'],
    ['hi, I have a quick question', 'social'],
    ['can you help me please?', 'social'],
    ['anyone there?', 'social'],
    ['I need help with my order', 'question'],
    ['bye, thanks', 'social'],
    ["thanks, that's all!", 'social'],
    ['thank you for your help', 'social'],
    ['thanks, does it come in blue?', 'question'],
    ['thanks, is it in stock?', 'live_check'],
    [ORDER, 'order_paste'],
    [
      `Here is the whole thread from before. ${'The grinder burrs squeak when I start it and the hopper lid does not sit flat. '.repeat(60)}`,
      'long_paste',
    ],
    ['¿Hacen envíos a México?', 'other_language'],
    ['Combien coûte la livraison pour la Belgique ?', 'other_language'],
    ['Wie lange dauert der Versand nach Österreich?', 'other_language'],
    ['配送にはどのくらいかかりますか', 'other_language'],
    ['rental price', 'question'],
    ['shipping', 'question'],
    ['hi, do you ship to Canada?', 'question'],
    ['Is the café open on bank holidays?', 'question'],
    ['Can I pay with PayPal? My order total is $35.45', 'question'],
    ['yes', 'question'],
    ['hey there, how are you today', 'social'],
    ["how's it going?", 'social'],
    ['thanks for the reply', 'social'],
    ["what's your name?", 'social'],
    ['who programmed you', 'social'],
    ['are you a bot?', 'social'],
    ['how are you doing with my order', 'question'],
    ['where are you?', 'question'],
    ['what is your return policy', 'question'],
    ["that isn't right", 'social'],
    ['no, that is not what I asked', 'social'],
    ["that didn't help", 'social'],
    ['wrong answer!', 'social'],
    ["that isn't right, the box came without the charger", 'question'],
    ['is that right?', 'question'],
    ["what's the weather like this weekend?", 'social'],
    ['will it snow on friday', 'social'],
    ['who won the hockey game last night', 'social'],
    ['what happens to my delivery if the weather is bad?', 'question'],
    ['do you still come to the market if it rains', 'question'],
    ['who won the giveaway?', 'question'],
    ["how's the weather affecting deliveries this week?", 'question'],
    ['any spots left in the saturday workshop?', 'live_check'],
    ['is the 3pm tasting on friday still available?', 'live_check'],
    ['do you have the green teapot in stock right now', 'live_check'],
    ['are you still open?', 'question'],
    ['how many seats does the class have', 'question'],
    ['what happens if an item is out of stock', 'question'],
    ['is the 10am walk on june 3 full?', 'live_check'],
    ['hey are the saturday classes sold out yet', 'live_check'],
    ['what if the class is already full', 'question'],
    ['is the cake full size or a mini', 'question'],
    ['are you fully booked for christmas orders?', 'question'],
  ])('reads %j as %s', (text, kind) => {
    expect(readMessage(text).kind).toBe(kind);
  });

  it('reads chit-chat about the weather or a game as small talk, with a reply that says what it does', () => {
    expect(readMessage('is it going to rain tomorrow?').social).toBe('chit_chat');
    expect(ODD_INPUT_REPLY.chit_chat).toMatch(/questions about (?:the|our) shop/);
  });

  it('tells small talk from questions for the content', () => {
    expect(isQuestion('thank you')).toBe(false);
    expect(isQuestion('do you have decaf?')).toBe(true);
  });
});

describe('decideHandoff on odd input', () => {
  it('answers small talk and emoji with small talk, in both modes, never a handoff', () => {
    for (const mode of ['suggest', 'automatic'] as const) {
      expect(decideHandoff({ visitorMessages: ['hey'], answer: abstained, settings: { mode } })).toEqual({
        action: 'answer',
        reason: null,
        reply: ODD_INPUT_REPLY.greeting,
      });
      expect(decideHandoff({ visitorMessages: ['👍'], answer: abstained, settings: { mode } }).reply).toBe(
        ODD_INPUT_REPLY.empty,
      );
    }
  });

  it('answers "how are you" and questions about the assistant itself, not from the content', () => {
    const reply = (text: string) => decideHandoff({ visitorMessages: [text], answer: answered }).reply;
    expect(reply('Hi, how are you doing today?')).toBe(ODD_INPUT_REPLY.how_are_you);
    for (const text of ["what's your name", 'how old are you?', 'who made you', 'Are you a robot?'])
      expect(reply(text)).toBe(ODD_INPUT_REPLY.about);
    // "Where are you?" asks where the shop is: the content's answer stands.
    expect(reply('where are you?')).toBeUndefined();
  });

  it('answers "that\'s not right" by asking again, not with the page that says "if something isn\'t right"', () => {
    const d = decideHandoff({ visitorMessages: ['do you ship to Canada?', "that's not right"], answer: answered });
    expect(d).toEqual({ action: 'answer', reason: null, reply: ODD_INPUT_REPLY.correction });
    // Asking for a person after it still hands off.
    expect(
      decideHandoff({ visitorMessages: ["that's not right", 'let me talk to a person'], answer: abstained }).reason,
    ).toBe('customer_request');
  });

  it('answers a thanks with small talk even when a needs-a-person tag is the closest', () => {
    // The tagger names the closest tag for a few shared words ("said" ~ "say", "something"); a
    // closing is not a topic, and an unanswered message lowers the bar a topic must clear.
    const topics = [{ tagId: 'order-problem', confidence: 0.9, needsHuman: true }];
    for (const text of ["thanks, that's all!", 'thanks!']) {
      const d = decideHandoff({ visitorMessages: ['is my cake ready?', text], answer: abstained, topics });
      expect(d).toEqual({ action: 'answer', reason: null, reply: ODD_INPUT_REPLY.thanks });
    }
    // A question with the same tag still hands off.
    expect(decideHandoff({ visitorMessages: ['the cake said the wrong name'], answer: abstained, topics }).reason).toBe(
      'topic',
    );
  });

  it('greets a visitor who introduced themselves by name and asks about the order they named', () => {
    const topics = [{ tagId: 'order-problem', confidence: 0.9, needsHuman: true }];
    const reply = (text: string) => decideHandoff({ visitorMessages: [text], answer: abstained, topics });
    expect(reply("Hi, I'm Jordan, order #TW-4471")).toEqual({
      action: 'answer',
      reason: null,
      reply: 'Hi Jordan! What can I help you with on order TW-4471?',
    });
    expect(reply('hello my name is Sam Lee').reply).toBe('Hi Sam! What can I help you with today?');
    expect(reply('Hi there, order number 55821').reply).toBe('Hi! What can I help you with on order 55821?');
    // Saying or asking anything more is a message to read, not an introduction.
    for (const text of ["Hi, I'm Jordan, where is my order #TW-4471?", 'hi, my order 4471 never arrived'])
      expect(readMessage(text).kind).toBe('question');
    expect(reply('Hi, I am Jordan and my order #TW-4471 arrived broken').reason).toBe('topic');
  });

  it('does not count earlier small talk as unanswered questions', () => {
    const d = decideHandoff({
      visitorMessages: ['hi', 'thanks', 'do you sell descaler?'],
      answer: abstained,
      previousUnanswered: ['hi', 'thanks'],
    });
    expect(d.reason).toBe('low_confidence');
  });

  it('offers a person for a pasted order or a long paste instead of guessing from it', () => {
    for (const text of [
      ORDER,
      'My issue: '.concat('the parcel was left outside in the rain and the box is soaked. '.repeat(30)),
    ]) {
      const d = decideHandoff({ visitorMessages: [text], answer: answered });
      expect(d).toMatchObject({ action: 'suggest', reason: 'low_confidence' });
      expect(d.reply).toMatch(/person from our team/);
      expect(decideHandoff({ visitorMessages: [text], answer: answered, settings: { mode: 'automatic' } }).action).toBe(
        'handoff',
      );
    }
  });

  it('offers a person for another language unless the content answered it', () => {
    const q = ['¿Cuánto tarda el envío a Madrid?'];
    expect(decideHandoff({ visitorMessages: q, answer: abstained })).toMatchObject({
      action: 'suggest',
      reply: ODD_INPUT_REPLY.other_language,
    });
    // A shop whose own pages are in Spanish answers it.
    expect(decideHandoff({ visitorMessages: q, answer: answered })).toEqual({ action: 'answer', reason: null });
  });

  it('still reads frustration and requests for a person first', () => {
    expect(decideHandoff({ visitorMessages: ['😡 STILL NO REFUND'], answer: abstained }).reason).toBe('frustration');
    expect(decideHandoff({ visitorMessages: ['hi, a real person please'], answer: abstained }).reason).toBe(
      'customer_request',
    );
  });

  it('takes "yes" after the bot offered a person, and a "no thanks" politely', () => {
    const asked = 'do you repair espresso machines?';
    const after = (text: string) =>
      decideHandoff({ visitorMessages: [asked, text], answer: abstained, previousUnanswered: [asked] });
    for (const yes of ['yes', 'Yes please', 'sure, go ahead', 'ok'])
      expect(after(yes)).toMatchObject({ action: 'handoff', reason: 'customer_request' });
    expect(after('no thanks')).toEqual({ action: 'answer', reason: null, reply: ODD_INPUT_REPLY.declined });
    // Small talk got small talk, not an offer: "ok" after "hi" is no request for a person.
    expect(
      decideHandoff({ visitorMessages: ['hi', 'ok'], answer: abstained, previousUnanswered: ['hi'] }).reason,
    ).not.toBe('customer_request');
    // Without an offer just before, a bare "yes" is not taken as a request for a person.
    expect(decideHandoff({ visitorMessages: ['yes'], answer: abstained }).reason).not.toBe('customer_request');
  });
});

describe('answerToOffer', () => {
  it.each([
    ['yes', 'yes'],
    ['yeah please', 'yes'],
    ["I'd like that", 'yes'],
    ['ok go ahead thanks', 'yes'],
    ['ok thanks', undefined],
    ['nope', 'no'],
    ["no thanks, I'm good", 'no'],
    ['yes but do you ship to Canada?', undefined],
    ['no, I meant the red one', undefined],
  ])('reads %j as %s', (text, answer) => {
    expect(answerToOffer(text)).toBe(answer);
  });
});
