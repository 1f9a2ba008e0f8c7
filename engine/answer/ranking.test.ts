import { describe, expect, it } from 'vitest';
import type { KnowledgeChunk } from '../retrieve/types';
import { answerRanking } from './ranking';
import { faq, passage, searchHit } from './testkit';

const hit = (chunk: KnowledgeChunk, probability: number) => searchHit(chunk, probability, undefined, { coverage: 1 });

const onPage = (id: string, source: string, heading: string, text: string) => ({
  ...passage(id, [heading], text),
  sourceId: source,
});

describe('answerRanking', () => {
  const returnCosts = onPage('r1', 'returns.md', 'Return shipping costs', 'Return labels are free.');
  const rates = onPage('s1', 'shipping.md', 'Shipping rates', 'Standard shipping is $7.95, free over $99.');
  const times = onPage('s2', 'shipping.md', 'Shipping times', 'Orders ship in 2 days.');
  const abroad = onPage('s3', 'shipping.md', 'International', 'We ship to Canada.');

  it("puts first the page that holds the most belief, its sections in the ranking's order", () => {
    const hits = [hit(returnCosts, 0.32), hit(rates, 0.22), hit(abroad, 0.17), hit(times, 0.13)];
    expect(answerRanking('how much is shipping', hits).map((h) => h.chunk.id)).toEqual(['s1', 's3', 's2', 'r1']);
  });

  it('keeps the order when the top hit’s page holds the most, or a Q&A entry won', () => {
    const led = [hit(returnCosts, 0.6), hit(rates, 0.2), hit(times, 0.1)];
    expect(answerRanking('how much is shipping', led)).toEqual(led);
    const entry = faq('f1', ['How much is shipping?'], 'Shipping is $7.95.');
    const qa = [hit(entry, 0.3), hit(rates, 0.25), hit(times, 0.25)];
    expect(answerRanking('how much is shipping', qa)).toEqual(qa);
  });
});
