import { describe, expect, it } from 'vitest';
import { matchCanned, type CannedReply } from './canned';

const reply = (shortcut: string, body: string): CannedReply => ({ id: shortcut, shortcut, body, updatedAt: '' });
const items = [
  reply('shipping', 'We ship within 2 business days.'),
  reply('returns', 'Returns are free within 30 days; shipping back is on us.'),
  reply('ship-intl', 'We ship to the EU and the UK.'),
  reply('hello', 'Hi! How can I help?'),
];

describe('matching canned replies to what follows "/"', () => {
  it('lists shortcuts that start with the query first, then any that contain it in shortcut or text', () => {
    expect(matchCanned(items, 'ship').map((r) => r.shortcut)).toEqual(['shipping', 'ship-intl', 'returns']);
  });

  it('ignores case, and shows every reply for an empty query', () => {
    expect(matchCanned(items, 'HELLO').map((r) => r.shortcut)).toEqual(['hello']);
    expect(matchCanned(items, 'EU').map((r) => r.shortcut)).toEqual(['ship-intl']);
    expect(matchCanned(items, '')).toEqual(items);
    expect(matchCanned(items, 'warranty')).toEqual([]);
  });
});
