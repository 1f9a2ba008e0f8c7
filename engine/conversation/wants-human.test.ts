import { describe, expect, it } from 'vitest';
import { wantsHuman } from './wants-human';
import { readJsonl } from '../eval/stats';

const data = (name: string) =>
  readJsonl<{ text: string; wants_human: boolean }>(new URL(`./testdata/${name}`, import.meta.url).pathname);

describe('wantsHuman', () => {
  it.each([
    'can I talk to someone',
    'real person please',
    'agent',
    'this bot is useless, get me a manager',
    'connect me to support staff',
    'Transfer me to a live agent please',
    'I want to speak with a representative about my order',
    'HUMAN!!!',
    'Is there anyone I can actually talk to?',
    'please have someone call me back',
    'can your support team email me',
    'who do I talk to about a custom order',
    "who's the right person to ask about wholesale?",
    'can i talk to dana or sam please',
    'Could I speak with Priya?',
    'can i talk to lena about my wholesale order',
    "I'd like to speak with Omar about the table he is building for me",
    'hey is nora in today? need to talk to her about an order',
    'how do i get in touch with a real person',
    'How do I reach a human?',
  ])('hears a request for a person: %s', (text) => {
    const r = wantsHuman(text);
    expect(r.wants).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0.5);
    expect(r.cues.length).toBeGreaterThan(0);
  });

  it.each([
    'do your staff set up guitars?',
    'who is your guitar teacher?',
    'Does the keyboard have a human voice preset?',
    'I talked to someone yesterday and they said it shipped, where is it?',
    'Can someone else pick up my order?',
    "Where's the owner's manual for the DP-10?",
    'Is the manager special still on?',
    'How do I return an item?',
    'Can you email me the invoice?',
    'who do you ship with?',
    'who is talking at the workshop on Saturday?',
    'can I talk to you about returns',
    'can I chat with the bot',
    'can I talk to it',
    'can I talk to you about my order',
    'is there a gift you would recommend for her',
    'I talked to her yesterday about the order',
    'can you do the bar too? we need someone pouring wine at the reception',
    'we need staff to serve at the party',
    'do you have a support email',
    'how do i get in touch with customer service',
    "Hi, what's the best way to get in touch with someone from your team?",
    'Hello, is there a number I can call to speak to someone?',
  ])('does not mistake a question that mentions people: %s', (text) => {
    const r = wantsHuman(text);
    expect(r.wants).toBe(false);
    expect(r.score).toBeLessThan(0.5);
  });

  it('scores a plain request above a mention of people', () => {
    expect(wantsHuman('talk to a human').score).toBeGreaterThan(wantsHuman('are your staff musicians?').score);
  });

  it('keeps precision and recall on its labelled sets (tuned on the first, not on the held-out one)', () => {
    for (const [file, floor] of [
      ['wants-human.jsonl', 0.95],
      ['wants-human.heldout.jsonl', 0.9],
    ] as const) {
      const rows = data(file);
      expect(rows.length).toBeGreaterThan(150);
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const r of rows) {
        const w = wantsHuman(r.text).wants;
        if (w && r.wants_human) tp++;
        else if (w) fp++;
        else if (r.wants_human) fn++;
      }
      expect(tp / (tp + fp)).toBeGreaterThanOrEqual(floor);
      expect(tp / (tp + fn)).toBeGreaterThanOrEqual(floor);
    }
  });
});
