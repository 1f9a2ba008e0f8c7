import { simulateReadableStream } from 'ai';
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { answerWithModel, mapCitations, NOT_FOUND } from './model';
import { answerOffline } from './offline';
import { SHOP_CHUNKS, shopIndex } from './testkit';
import { NOT_SURE_TEXT } from './types';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** A mock model streaming `pieces` as text deltas (optionally slowly). */
function streamingModel(pieces: string[], chunkDelayInMs = 0): MockLanguageModelV3 {
  const chunks: LanguageModelV3StreamPart[] = [
    { type: 'text-start', id: 't' },
    ...pieces.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
    { type: 'text-end', id: 't' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
  ];
  return new MockLanguageModelV3({
    doStream: async () => ({ stream: simulateReadableStream({ chunks, chunkDelayInMs }) }),
  });
}

describe('answerWithModel', () => {
  const index = shopIndex();

  it('streams a grounded answer and maps its markers to citations, renumbered by first use', async () => {
    const model = streamingModel(['Customs duties are paid ', 'by the buyer [1]. ', 'Returns take 30 days [2].']);
    const tokens: string[] = [];
    const a = await answerWithModel({
      model,
      index,
      query: 'who pays customs on international shipping',
      threshold: 0.1,
      onToken: (t) => tokens.push(t),
    });
    expect(a.source).toBe('model');
    expect(a.abstained).toBe(false);
    expect(tokens.join('')).toBe('Customs duties are paid by the buyer [1]. Returns take 30 days [2].');
    expect(a.citations.length).toBe(2);
    expect(a.text).toBe('Customs duties are paid by the buyer [1]. Returns take 30 days [2].');
    // The prompt carries the numbered passages and the question, and only them.
    const call = model.doStreamCalls[0];
    const prompt = JSON.stringify(call.prompt);
    expect(prompt).toContain('[1] Shipping — International');
    expect(prompt).toContain('who pays customs');
    expect(prompt).toContain(NOT_FOUND);
  });

  it('falls back to the offline answer when the model errors', async () => {
    const model = new MockLanguageModelV3({
      doStream: async () => {
        throw new Error('provider down');
      },
    });
    const a = await answerWithModel({ model, index, query: 'what is your return policy' });
    expect(a).toMatchObject({ source: 'faq', abstained: false });
    expect(a.citations[0].chunkId).toBe('returns');
  });

  it('falls back to the offline answer when the model is too slow', async () => {
    const model = streamingModel(['Slow ', 'answer [1].'], 2_000);
    const started = Date.now();
    const a = await answerWithModel({ model, index, query: 'what is your return policy', timeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(a.source).toBe('faq');
  });

  it('abstains when the model says the passages do not hold the answer, without leaking the sentinel', async () => {
    const tokens: string[] = [];
    const a = await answerWithModel({
      model: streamingModel(['NOT_', 'FOUND']),
      index,
      query: 'what is your return policy',
      onToken: (t) => tokens.push(t),
    });
    expect(a).toMatchObject({ abstained: true, source: 'none', text: NOT_SURE_TEXT });
    expect(tokens).toEqual([]);
  });

  it('does not call the model below the threshold', async () => {
    const model = streamingModel(['anything']);
    const a = await answerWithModel({ model, index, query: 'what is the capital of peru' });
    expect(a.abstained).toBe(true);
    expect(model.doStreamCalls.length).toBe(0);
  });

  it('sends recent history and uses it to retrieve follow-ups', async () => {
    const model = streamingModel(['It costs $59 [1].']);
    const a = await answerWithModel({
      model,
      index,
      query: 'and how much does it cost?',
      history: [
        { role: 'user', content: 'do you do guitar setups' },
        { role: 'assistant', content: 'Yes, our techs do full setups.' },
      ],
      threshold: 0.3,
    });
    expect(a.citations[0].chunkId).toBe('setup');
    expect(JSON.stringify(model.doStreamCalls[0].prompt)).toContain('do you do guitar setups');
  });
});

describe('answerWithModel with word vectors', () => {
  it('reads the passages in the order the offline answer does, so both are as sure of a question', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert(SHOP_CHUNKS);
    await index.prepared();
    const query = 'who pays customs on international shipping';
    const model = streamingModel(['Customs duties are paid by the buyer [1].']);
    const a = await answerWithModel({ model, index, query, threshold: 0.1 });
    const offline = answerOffline(index, query, { threshold: 0.1 });
    expect(a.source).toBe('model');
    expect(a.confidence).toBeCloseTo(offline.confidence, 6);
    expect(a.citations[0].chunkId).toBe(offline.citations[0].chunkId);
  });
});

describe('mapCitations', () => {
  it('drops markers that point at no passage', async () => {
    const hits = shopIndex().search('return policy', 2);
    const m = mapCitations('See [2] and [7] .', hits);
    expect(m.text).toBe('See [1] and.');
    expect(m.citations.map((c) => c.chunkId)).toEqual([hits[1].chunk.id]);
  });
});
