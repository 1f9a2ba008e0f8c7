import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { ANSWER_FEATURES, answerConfidence, answerFeatures, SHOP_ANSWER_MODEL } from './answer-model';
import { confidenceOf } from './confidence';
import { SHOP_CHUNKS } from './testkit';

async function index(): Promise<KnowledgeIndex> {
  const i = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  i.upsert(SHOP_CHUNKS);
  await i.prepared();
  return i;
}

describe('answerConfidence', () => {
  it('has one input per feature and reads 0 without hits', async () => {
    const i = await index();
    expect(answerFeatures(i, 'how long does shipping take', i.search('how long does shipping take', 5))).toHaveLength(
      ANSWER_FEATURES.length,
    );
    expect(answerConfidence(i, 'anything', [])).toBe(0);
  });

  it('is surer of a question the content answers than of one it does not', async () => {
    const i = await index();
    const sure = (q: string) => answerConfidence(i, q, i.search(q, 5), SHOP_ANSWER_MODEL);
    expect(sure('when will my order arrive')).toBeGreaterThan(sure('do you sell koi carp for ponds'));
  });

  it('falls back to the calibrated confidence without a model', async () => {
    const i = await index();
    const hits = i.search('what is your return policy', 5);
    expect(answerConfidence(i, 'what is your return policy', hits, null)).toBe(confidenceOf(hits));
  });
});
