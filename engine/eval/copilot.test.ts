import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCopilot, readChats } from './copilot';

describe('chatref eval copilot', () => {
  it('reads the shipped set: every chat has a shop folder, learnable chats have paraphrases', () => {
    const chats = readChats('eval/copilot');
    expect(chats.length).toBeGreaterThanOrEqual(50);
    expect(new Set(chats.map((c) => c.id)).size).toBe(chats.length);
    for (const c of chats) if (c.learnable) expect(c.paraphrases.length, c.id).toBeGreaterThan(0);
  });

  it("learns a shop's chats, finds a paraphrase's answer, and leaks no customer's details", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copilot-eval-'));
    const rows = [
      {
        shop: 'whisker-and-wag',
        id: 'a',
        contact: { name: 'Nina Park', phone: '(614) 555-0123' },
        thread: [
          { author: 'visitor', text: "I'm Nina Park. Do you do dog training classes? Call me on (614) 555-0123" },
          {
            author: 'agent',
            text: 'Hi Nina! Yes: puppy basics on Saturday mornings, six weeks for $150. I will call (614) 555-0123 today.',
          },
        ],
        paraphrases: ['do you run classes to train dogs'],
      },
    ];
    writeFileSync(join(dir, 'w.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const r = await evalCopilot({ chats: dir, shops: 'eval/shops' });
    expect(r.summary).toMatchObject({ chats: 1, learned: 1, team_n: 1, team_top1: 1, pii_leaks: 0 });
    expect(r.summary.pii_checked).toBeGreaterThan(r.summary.content_n);
  }, 60_000);
});
