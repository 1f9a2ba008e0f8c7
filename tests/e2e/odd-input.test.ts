/**
 * Odd input over the live chat: emoji, small talk, chit-chat, a pasted order confirmation, a long
 * paste, another language and a question about what is free right now each get a sensible reply
 * from the bot, never an error or a guessed answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ODD_INPUT_REPLY } from '../../engine/conversation/odd-input';
import type { WireMessage } from '../../protocol/socket';
import { connectVisitor, type VisitorClient } from '../clients';
import { startLiveServer, type LiveServer } from '../server';

const ORDER = `Order confirmation RR-48213
Thank you for your order!
1 x Ridgeline HH electric guitar, Forest Green   $649.00
1 x Gig bag                                         $39.00
Subtotal: $688.00
Shipping: $0.00
Total: $688.00
Ship to: Jo Park, 22 Alder Ave, Eugene OR`;

describe('odd input over the live chat', () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(async () => server?.close());

  const reply = async (v: VisitorClient, text: string): Promise<WireMessage> => {
    const sent = await v.send(text);
    if (!sent.ok) throw new Error(sent.error.message);
    return v.next((m) => m.author.type === 'bot' && m.seq > sent.data.seq);
  };

  it('answers emoji and small talk in kind, without offering a person', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    expect((await reply(v, '👍')).body).toBe(ODD_INPUT_REPLY.empty);
    expect((await reply(v, 'hello')).body).toBe(ODD_INPUT_REPLY.greeting);
    const thanks = await reply(v, 'ok thanks');
    expect(thanks.body).toBe(ODD_INPUT_REPLY.thanks);
    expect(thanks.meta.suggestHandoff).toBeUndefined();
    // Chit-chat about the weather is no question for the shop, nor a topic for its team.
    const weather = await reply(v, "what's the weather going to be like this weekend?");
    expect(weather.body).toBe(ODD_INPUT_REPLY.chit_chat);
    expect(weather.meta.suggestHandoff).toBeUndefined();
    // A closing after an answer is small talk too, not a question (nor a topic) for the content.
    await reply(v, 'How long does shipping take?');
    const closing = await reply(v, "thanks, that's all!");
    expect(closing.body).toBe(ODD_INPUT_REPLY.thanks);
    expect(closing.meta.citations ?? []).toEqual([]);
    v.close();
  });

  it('takes "that\'s not right" as the answer missing, not as a question for the returns page', async () => {
    // The demo's returns page says "If something is not right, you can return…".
    const v = await connectVisitor(server.url, server.workspaceId);
    await reply(v, 'How long does shipping take?');
    const missed = await reply(v, 'that is not right');
    expect(missed.body).toBe(ODD_INPUT_REPLY.correction);
    expect(missed.meta.citations ?? []).toEqual([]);
    expect((await reply(v, 'are you a bot?')).body).toBe(ODD_INPUT_REPLY.about);
    v.close();
  });

  it.each([
    ['a pasted order confirmation', ORDER],
    [
      'a long paste',
      'Copied from the listing: '.concat(
        Array.from({ length: 45 }, (_, i) => `Model ${i + 1}: alder body, maple neck, 22 frets, two humbuckers.`).join(
          ' ',
        ),
      ),
    ],
    [
      'a 5,000-character paste',
      Array.from(
        { length: 80 },
        (_, i) => `Item ${i + 1} of my wish list: a short-scale bass, a strap and spare strings.`,
      )
        .join('\n')
        .padEnd(5000, '.'),
    ],
    ['another language', '¿Tienen guitarras para zurdos en la tienda?'],
    ['a question about what is free right now', 'any spots left in the beginner guitar class?'],
  ])('offers a person for %s instead of guessing', async (_, text) => {
    const v = await connectVisitor(server.url, server.workspaceId);
    const r = await reply(v, text);
    expect(r.meta.suggestHandoff).toBe(true);
    expect(r.meta.citations ?? []).toEqual([]);
    expect(r.body).toMatch(/person from our team/);
    v.close();
  });
});
