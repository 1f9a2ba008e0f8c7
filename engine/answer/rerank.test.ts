import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk } from '../retrieve/types';
import { RERANK_FEATURES, RERANK_HITS, rerank, rerankBelief, RERANKER, type Reranker } from './rerank';
import { passage, searchHit } from './testkit';

const abroad = {
  ...passage('abroad', ['Shipping', 'Abroad'], 'We send parcels to every country in Europe.'),
  sourceId: 'shipping.md',
};
const hours = { ...passage('hours', ['Hours'], 'The store opens at ten every morning.'), sourceId: 'store.md' };
const extras = [1, 2, 3, 4, 5].map((n) => ({
  ...passage(`note-${n}`, [`Note ${n}`], `Gift wrapping note number ${n}.`),
  sourceId: `note-${n}.md`,
}));

async function index(wordVectors = true): Promise<KnowledgeIndex> {
  const i = new KnowledgeIndex({ wordVectors: wordVectors ? await loadDefaultWordVectors() : null, classifier: false });
  i.upsert([abroad, hours, ...extras]);
  await i.prepared();
  return i;
}

/** A hit the fusion scored as given, every ranker's own score alike: only support can tell them apart. */
const hit = (chunk: KnowledgeChunk, score: number, probability: number) => searchHit(chunk, probability, score);

const only = (name: (typeof RERANK_FEATURES)[number]): Reranker =>
  Object.fromEntries(RERANK_FEATURES.map((f) => [f, f === name ? 1 : 0])) as Reranker;

describe('rerank', () => {
  it('puts first the candidate whose words support the question, with the shipped weights', async () => {
    const i = await index();
    const hits = [hit(hours, 2, 0.5), hit(abroad, 2, 0.5)];
    expect(rerank(i, 'packages to europe', hits).map((h) => h.chunk.id)).toEqual(['abroad', 'hours']);
    expect(rerankBelief(i, 'packages to europe', [hits[1], hits[0]], RERANKER).top).toBeGreaterThan(0.5);
    expect(rerankBelief(i, 'packages to europe', hits, RERANKER).top).toBeLessThan(0.5);
  });

  it('returns the same ranking when nothing moves', async () => {
    const i = await index();
    const hits = [hit(abroad, 3, 0.7), hit(hours, 1, 0.3)];
    expect(rerank(i, 'packages to europe', hits, only('score'))).toBe(hits);
  });

  it('reorders only the best few and keeps the rest as they were', async () => {
    const i = await index();
    const hits = [...extras, hours, abroad].map((c, k) => hit(c, -k, 0.1));
    const out = rerank(i, 'packages to europe', hits, only('pageCover'));
    expect(hits.length).toBeGreaterThan(RERANK_HITS);
    expect(out.slice(RERANK_HITS)).toEqual(hits.slice(RERANK_HITS));
    expect(new Set(out.slice(0, RERANK_HITS))).toEqual(new Set(hits.slice(0, RERANK_HITS)));
  });

  it('leaves the order alone without word vectors, which its weights were fitted with', async () => {
    const i = await index(false);
    const hits = [hit(hours, 2, 0.5), hit(abroad, 2, 0.5)];
    expect(rerank(i, 'packages to europe', hits)).toBe(hits);
  });

  it('gives a lone hit all the belief and no hit none', async () => {
    const i = await index();
    expect(rerankBelief(i, 'packages to europe', [hit(hours, 1, 1)])).toEqual({ top: 1, page: 1 });
    expect(rerankBelief(i, 'packages to europe', [])).toEqual({ top: 0, page: 0 });
  });

  it("adds the belief of the top hit's sections of the same page", async () => {
    const i = await index();
    const rates = {
      ...passage('rates', ['Shipping', 'Rates'], 'Standard delivery costs 5 euros.'),
      sourceId: 'shipping.md',
    };
    const belief = rerankBelief(i, 'packages to europe', [hit(abroad, 2, 0.4), hit(hours, 2, 0.3), hit(rates, 2, 0.3)]);
    expect(belief.page).toBeGreaterThan(belief.top);
    expect(belief.page).toBeLessThan(1);
    const alone = rerankBelief(i, 'packages to europe', [hit(abroad, 2, 0.4), hit(hours, 2, 0.3)]);
    expect(alone.page).toBe(alone.top);
  });
});
