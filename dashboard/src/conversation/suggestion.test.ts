import { describe, expect, it } from 'vitest';
import { asReply } from './suggestion';

// Drafts the engine wrote for the demo shop (engine/copilot suggestOffline on its pages).
const STRINGS =
  '- Change one string at a time if you want to keep the bridge and tailpiece in place, or all at once if you want to clean the fretboard. - Leave 2–3 wraps around the tuning post for wound strings and 3–4 for plain strings. … - Switching to a different gauge can change the action and intonation.';
const HUMIDITY =
  'Wood moves with humidity, and this is the most common cause of guitar problems we see at the repair desk. - Keep guitars at 45–55% relative humidity and between 65 and 75 °F (18–24 °C). - In Portland, winter heating dries the air out between November and March.';
const BUILDS =
  '- Solid-body and semi-hollow electric guitars\n- 4- and 5-string electric basses, including fretless\n- Left-handed versions of any of the above\n\nWe do not build classical guitars.';

describe('the copilot draft as a reply', () => {
  it('drops the list marker a draft starts with, and those run into the text', () => {
    expect(asReply(STRINGS)).toBe(
      'Change one string at a time if you want to keep the bridge and tailpiece in place, or all at once if you want to clean the fretboard. Leave 2–3 wraps around the tuning post for wound strings and 3–4 for plain strings. Switching to a different gauge can change the action and intonation.',
    );
    expect(asReply(HUMIDITY)).toBe(
      'Wood moves with humidity, and this is the most common cause of guitar problems we see at the repair desk. Keep guitars at 45–55% relative humidity and between 65 and 75 °F (18–24 °C). In Portland, winter heating dries the air out between November and March.',
    );
  });

  it('keeps a list one item a line, without the markers', () => {
    expect(asReply(BUILDS)).toBe(
      'Solid-body and semi-hollow electric guitars\n4- and 5-string electric basses, including fretless\nLeft-handed versions of any of the above\n\nWe do not build classical guitars.',
    );
  });

  it('leaves dashes in prose, numbered steps and plain answers alone', () => {
    const plain = 'Yes. We install strings for free while you wait - about 15 minutes.';
    expect(asReply(plain)).toBe(plain);
    expect(asReply('1. Wood selection\n2. Body and neck shaping')).toBe('1. Wood selection\n2. Body and neck shaping');
    expect(asReply('Prices start at -10% for schools.')).toBe('Prices start at -10% for schools.');
  });
});
