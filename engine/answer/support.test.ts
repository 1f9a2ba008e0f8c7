import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { pageSize, SUPPORT_FEATURES, supportFeatures } from './support';
import { passage } from './testkit';

const shipping = {
  ...passage('abroad', ['Shipping', 'Abroad'], 'We send parcels to every country in Europe.'),
  sourceId: 'shipping.md',
};
const rates = {
  ...passage('rates', ['Shipping', 'Rates'], 'Standard delivery costs 5 euros.'),
  sourceId: 'shipping.md',
};
const hours = { ...passage('hours', ['Hours'], 'The store opens at ten every morning.'), sourceId: 'store.md' };

async function index(): Promise<KnowledgeIndex> {
  const i = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors(), classifier: false });
  i.upsert([shipping, rates, hours]);
  await i.prepared();
  return i;
}
const at = (name: (typeof SUPPORT_FEATURES)[number], xs: number[]) => xs[SUPPORT_FEATURES.indexOf(name)];

describe('supportFeatures', () => {
  it('counts a word the passage holds in full, and a synonym in part', async () => {
    const i = await index();
    const exact = supportFeatures(i, 'parcels to europe', shipping);
    expect(at('chunkCover', exact)).toBe(1);
    const synonym = supportFeatures(i, 'packages to europe', shipping);
    expect(at('chunkCover', synonym)).toBeLessThan(1);
    expect(at('chunkCover', synonym)).toBeGreaterThan(
      at('chunkCover', supportFeatures(i, 'violins to europe', shipping)),
    );
  });

  it('reads the whole page beside the section, and words found nowhere in the shop', async () => {
    const i = await index();
    const x = supportFeatures(i, 'delivery costs for parcels', shipping);
    expect(at('pageCover', x)).toBeGreaterThan(at('chunkCover', x));
    expect(at('shopMissing', x)).toBe(0);
    expect(at('shopMissing', supportFeatures(i, 'do you sell koi', hours))).toBeGreaterThan(0.5);
  });

  it('leaves out who the visitor speaks of and chat filler, unless the shop writes the word', async () => {
    const i = await index();
    const plain = supportFeatures(i, 'can you send a parcel to europe', shipping);
    expect(supportFeatures(i, 'can you send a parcel to my mum in europe lol', shipping)).toEqual(plain);
    expect(supportFeatures(i, 'what happens if you send a parcel to europe', shipping)).toEqual(
      supportFeatures(i, 'what if you send a parcel to europe', shipping),
    );
    i.upsert([{ ...passage('kids', ['Kids'], 'Kids under 12 shop with a parent.'), sourceId: 'kids.md' }]);
    await i.prepared();
    expect(at('chunkCover', supportFeatures(i, 'can you send a parcel to europe for my kids', shipping))).toBeLessThan(
      1,
    );
  });

  it('reads a question the same when asked again, after others, as on a fresh index', async () => {
    const asked = await index();
    const first = supportFeatures(asked, 'packages to europe', shipping);
    supportFeatures(asked, 'packages to europe', rates);
    supportFeatures(asked, 'violins by courier', shipping);
    supportFeatures(asked, 'violins by courier', hours);
    expect(supportFeatures(asked, 'packages to europe', shipping)).toEqual(first);
    expect(supportFeatures(asked, 'violins by courier', rates)).toEqual(
      supportFeatures(await index(), 'violins by courier', rates),
    );
  });

  it('counts the chunks of a page', async () => {
    const i = await index();
    expect(pageSize(i, 'shipping.md')).toBe(2);
    expect(pageSize(i, 'store.md')).toBe(1);
  });

  it('gives no support without a hit', async () => {
    expect(supportFeatures(await index(), 'anything', undefined)).toEqual([0, 0, 0, 0, 1]);
  });
});
