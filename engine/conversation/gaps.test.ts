import { describe, expect, it } from 'vitest';
import { groupGaps, type GapItem } from './gaps';

const items: GapItem[] = [
  { id: 'a1', text: 'do you rent PA systems?', weight: 5 },
  { id: 'a2', text: 'can I rent a PA system for a gig', weight: 7 },
  { id: 'a3', text: 'PA system rental prices', weight: 4 },
  { id: 'b1', text: 'can you restring my 12-string guitar?', weight: 30 },
  { id: 'b2', text: 'do you restring twelve string guitars', weight: 25 },
  { id: 'c1', text: 'are you open on bank holidays?', weight: 2 },
];

describe('groupGaps', () => {
  it('groups similar questions and ranks groups by the human minutes they cost', () => {
    const groups = groupGaps(items);
    expect(groups.map((g) => [...g.items].sort())).toEqual([['b1', 'b2'], ['a1', 'a2', 'a3'], ['c1']]);
    expect(groups.map((g) => g.weight)).toEqual([55, 16, 2]);
    expect(groups.map((g) => g.count)).toEqual([2, 3, 1]);
    expect(groups[0].label).toMatch(/restring/);
    expect(groups[1].label).toMatch(/PA system/i);
  });

  it('is deterministic whatever the input order', () => {
    const a = groupGaps(items);
    const b = groupGaps([...items].reverse());
    expect(b).toEqual(a);
  });

  it('handles no items and one item', () => {
    expect(groupGaps([])).toEqual([]);
    expect(groupGaps([items[0]])).toEqual([{ label: items[0].text, items: ['a1'], count: 1, weight: 5 }]);
  });
});
