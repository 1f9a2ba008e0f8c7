import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksFromKb, evalAnswer } from './answer';

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('evalAnswer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatref-eval-'));
  const kb = join(dir, 'kb.jsonl');
  const queries = join(dir, 'q.jsonl');
  writeFileSync(
    kb,
    jsonl([
      {
        id: 'returns',
        title: 'Return policy',
        text: 'Return items within 30 days.',
        questions: ['can i send it back', 'how do i return an item'],
      },
      {
        id: 'shipping',
        title: 'Shipping times',
        text: 'Orders arrive in 2 to 5 days.',
        questions: ['when will my order arrive', 'how long is delivery'],
      },
      { id: 'hours', title: 'Opening hours', text: 'We open Monday to Saturday, 10 to 7.' },
    ]),
  );
  writeFileSync(
    queries,
    jsonl([
      { query: 'how do i get a refund and send it back', expected: ['returns'] },
      { query: 'how long will delivery take', expected: ['shipping'] },
      { query: 'what are your opening hours', expected: ['hours'] },
      { query: 'who won the football match yesterday', expected: [] },
    ]),
  );

  it('reports the contract metrics', async () => {
    const r = await evalAnswer({ kb, queries });
    for (const key of ['n', 'top1', 'top5', 'mrr', 'accuracy', 'auroc', 'ms_p50', 'ms_p95'])
      expect(r).toHaveProperty(key);
    expect(r.n).toBe(4);
    expect(r.top1).toBe(1);
    expect(r.mrr).toBe(1);
    expect(r.auroc).toBe(1);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.5);
    expect(r.ms_p95).toBeGreaterThanOrEqual(r.ms_p50);
  });

  it('omits AUROC without unanswerable queries, and honours a given threshold', async () => {
    const answerable = join(dir, 'a.jsonl');
    writeFileSync(answerable, jsonl([{ query: 'when will my order arrive', expected: ['shipping'] }]));
    const r = await evalAnswer({ kb, queries: answerable, threshold: 0 });
    expect(r).not.toHaveProperty('auroc');
    expect(r.accuracy).toBe(1);
    const strict = await evalAnswer({ kb, queries: answerable, threshold: 1 });
    expect(strict.accuracy).toBe(0);
  });

  it('turns entries with questions into Q&A chunks answered by their text', () => {
    const [qa, passage] = chunksFromKb([
      { id: 'a', title: 'T', text: 'Answer.', questions: ['q?', ' '] },
      { id: 'b', text: 'Passage.' },
    ]);
    expect(qa).toMatchObject({ questions: ['q?'], answer: 'Answer.', title: 'T' });
    expect(passage).toMatchObject({ questions: [], title: '', text: 'Passage.' });
    expect(passage).not.toHaveProperty('answer');
  });
});
