import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalFrustration } from './frustration';
import { evalHuman } from './human';
import { evalTags } from './tags';

const dir = mkdtempSync(join(tmpdir(), 'chatref-eval-'));
const jsonl = (name: string, rows: object[]) => {
  const file = join(dir, name);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
};

describe('classification evals', () => {
  it('evalTags trains on tagged texts and reports accuracy, macro F1 and latency', async () => {
    const train = jsonl('train.jsonl', [
      { text: 'where is my parcel', tag: 'shipping' },
      { text: 'my delivery is late', tag: 'shipping' },
      { text: 'how long does shipping take', tag: 'shipping' },
      { text: 'I want my money back', tag: 'refund' },
      { text: 'refund my order please', tag: 'refund' },
      { text: 'how do I get a refund', tag: 'refund' },
    ]);
    const test = jsonl('test.jsonl', [
      { text: 'my parcel has not arrived', tag: 'shipping' },
      { text: 'can I have a refund', tag: 'refund' },
    ]);
    const r = await evalTags({ train, test });
    expect(r).toMatchObject({ n: 2, accuracy: 1, macro_f1: 1 });
    expect(r.ms_p50).toBeGreaterThan(0);
  });

  it('evalFrustration reports AUROC and F1 over labelled turns', async () => {
    const data = jsonl('turns.jsonl', [
      { text: 'THIS IS RIDICULOUS!!! still no refund after 3 weeks, worst service ever', frustrated: true },
      { text: 'I already told you twice, nobody ever answers. Unacceptable.', frustrated: true },
      { text: 'thanks, that helps a lot!', frustrated: false },
      { text: 'do you have this in blue?', frustrated: false },
    ]);
    const r = await evalFrustration({ data });
    expect(r.n).toBe(4);
    expect(r.auroc).toBe(1);
    expect(r.f1).toBe(1);
  });

  it('evalHuman reports AUROC, precision and recall', async () => {
    const data = jsonl('human.jsonl', [
      { text: 'talk to a human', wants_human: true },
      { text: 'agent please', wants_human: true },
      { text: 'do your staff set up guitars?', wants_human: false },
      { text: 'where is my order', wants_human: false },
    ]);
    expect(await evalHuman({ data })).toMatchObject({ n: 4, auroc: 1, precision: 1, recall: 1 });
  });
});
