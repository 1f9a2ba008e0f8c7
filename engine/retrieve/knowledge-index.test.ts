import { describe, expect, it } from 'vitest';
import { faq, passage, SHOP_CHUNKS } from '../answer/testkit';
import { loadDefaultWordVectors } from './dense';
import { KnowledgeIndex } from './knowledge-index';
import type { Embedder } from './types';

function index(opts: ConstructorParameters<typeof KnowledgeIndex>[0] = {}): KnowledgeIndex {
  const i = new KnowledgeIndex(opts);
  i.upsert(SHOP_CHUNKS);
  return i;
}

describe('KnowledgeIndex', () => {
  it('reaches a Q&A entry through any of its phrasings, and says which one matched', () => {
    const [hit] = index().search('when will my order arrive', 3);
    expect(hit.chunk.id).toBe('shipping-time');
    expect(hit.matchedQuestion).toBe('when will my order arrive');
    expect(hit.probability).toBeGreaterThan(0.5);
    expect(hit.probability).toBeLessThanOrEqual(1);
  });

  it('finds passages by their text and heading path', () => {
    expect(index().search('customs duties abroad', 1)[0].chunk.id).toBe('intl');
    expect(index().search('guitar setup price', 1)[0].chunk.id).toBe('setup');
  });

  it('reads a hyphenated compound as one word, typed with or without its hyphen', async () => {
    const i = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    i.upsert([
      passage(
        'fit',
        ['Bike fitting', 'Follow-up'],
        'A follow-up visit within 30 days of a full fit is free, to fine-tune anything that still does not feel right.',
      ),
      passage(
        'turnaround',
        ['Service & Repairs', 'Turnaround'],
        'Most repairs are ready in 2 to 3 working days. In spring the wait for a full tune-up can stretch to a week, so book ahead.',
      ),
      passage('hours', ['Visit', 'Opening hours'], 'We are open Tuesday to Saturday, 9 am to 6 pm.'),
    ]);
    // "fine-tune … follow-up" holds the words "tune" and "up", not a tune-up.
    for (const q of ['how much for a tune up', 'how much is a tune-up']) {
      const coverage = new Map(i.search(q, 3).map((h) => [h.chunk.id, h.features.coverage]));
      expect(coverage.get('turnaround'), q).toBe(1);
      expect(coverage.get('fit'), q).toBeLessThan(0.6);
    }
  });

  it('tolerates typos', () => {
    expect(index().search('custms dutys', 1)[0].chunk.id).toBe('intl');
    expect(index().search('opning hours', 1)[0].chunk.id).toBe('store-hours');
  });

  it('returns hits best first, at most k, each with its rankers’ features', () => {
    const hits = index().search('guitar', 3);
    expect(hits.length).toBe(3);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
    expect(Object.keys(hits[0].features).sort()).toEqual([
      'chars',
      'classifier',
      'coverage',
      'embedding',
      'kind',
      'passage',
      'phrasing',
      'qa',
      'title',
      'vector',
    ]);
    expect(index().search('', 3)).toEqual([]);
    expect(new KnowledgeIndex().search('anything')).toEqual([]);
  });

  it('updates incrementally: upsert, replace, remove by chunk and by source', () => {
    const i = index();
    expect(i.size).toBe(SHOP_CHUNKS.length);
    i.upsert([faq('gift', ['do you sell gift cards'], 'Yes, from $10 to $500.')]);
    expect(i.search('gift card', 1)[0].chunk.id).toBe('gift');
    i.upsert([faq('gift', ['can i rent a cello'], 'Cello rental starts at $30 a month.')]);
    expect(i.size).toBe(SHOP_CHUNKS.length + 1);
    expect(i.search('rent a cello', 1)[0].chunk.id).toBe('gift');
    expect(i.removeChunks(['gift', 'missing'])).toBe(1);
    expect(i.search('rent a cello', 5).map((h) => h.chunk.id)).not.toContain('gift');
    expect(i.removeSource('docs')).toBe(3);
    expect(i.size).toBe(3);
    expect(i.search('customs duties', 5).every((h) => h.chunk.sourceId === 'faq')).toBe(true);
  });

  it('lets a configured embedder join the fusion', async () => {
    // A toy embedder that knows "woodshed" means lessons (no word overlap at all).
    const embedder: Embedder = {
      id: 'toy',
      embed: async (texts) => texts.map((t) => Float32Array.from(/woodshed|lesson|teach/i.test(t) ? [1, 0] : [0, 1])),
    };
    const i = index({ embedder, classifier: false });
    expect(await i.embedPending()).toBe(SHOP_CHUNKS.length);
    const hits = await i.searchAsync('woodshed', 3);
    expect(hits[0].chunk.id).toBe('lessons');
    expect(hits[0].features.embedding).toBeCloseTo(1);
  });

  it('matches meaning through word vectors when they are available', async () => {
    const wordVectors = await loadDefaultWordVectors();
    if (!wordVectors) return expect(wordVectors).toBeNull(); // vectors not built here: nothing to test
    const i = new KnowledgeIndex({ wordVectors });
    i.upsert([
      passage('phones', ['Support', 'Phones'], 'We repair broken telephone screens and batteries.'),
      passage('tables', ['Furniture'], 'Oak tables and chairs for the dining room.'),
    ]);
    const [hit] = i.search('my cellphone display cracked', 1);
    expect(hit.chunk.id).toBe('phones');
    expect(hit.features.vector).toBeGreaterThan(0.3);
  });

  it('searches by what a question asks, not by its light words ("work on", "want to")', () => {
    // Without a classifier, the words alone decide.
    const i = new KnowledgeIndex({ classifier: false });
    i.upsert([
      passage('service', ['Service'], 'Our mechanics fix every kind of bike, e-bikes and cargo bikes included.'),
      passage('jobs', ['Jobs'], 'Want to work on bikes with us? We need a mechanic to work weekends.'),
      passage('rentals', ['Rentals'], 'Rent a bike by the hour or the day.'),
    ]);
    expect(i.search('do you work on e-bikes', 1)[0].chunk.id).toBe('service');
    expect(i.search('I want to rent a bike', 1)[0].chunk.id).toBe('rentals');
    // The words stay in the content: a question about them still finds them.
    expect(i.search('jobs for a mechanic', 1)[0].chunk.id).toBe('jobs');
  });

  it('works without a classifier (as for large sites)', () => {
    const i = index({ classifier: false });
    expect(i.search('return policy', 1)[0].chunk.id).toBe('returns');
    i.prepare();
    expect(i.hasClassifier).toBe(false);
  });
});
