import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { NOT_FOUND } from '../answer/model';
import { shopIndex } from '../answer/testkit';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { LearnedIndex } from './learned';
import { suggestWithModel } from './model';

const reply = (text: string) =>
  new MockLanguageModelV3({
    doGenerate: async () => ({
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: 10, text: 10, reasoning: 0 },
      },
      warnings: [],
    }),
  });

describe('suggestWithModel', async () => {
  const learned = new LearnedIndex({ wordVectors: await loadDefaultWordVectors() });
  learned.upsert([
    {
      id: 'synth',
      question: 'Do you take trade-ins of vintage synthesizers?',
      answer: 'We appraise vintage synths in person.',
    },
  ]);
  const content = shopIndex();

  it("writes the draft from the team's past reply and the passages, citing them", async () => {
    const model = reply('Yes, returns are accepted within 30 days [1].');
    const s = await suggestWithModel({
      model,
      question: 'what is your return policy',
      content,
      learned,
      threshold: 0.5,
    });
    expect(s).toMatchObject({
      writtenBy: 'model',
      kind: 'content',
      text: 'Yes, returns are accepted within 30 days [1].',
    });
    expect(s.citations).toHaveLength(1);
    const prompt = JSON.stringify(model.doGenerateCalls[0].prompt);
    expect(prompt).toContain('Passages:');
    expect(prompt).toContain('what is your return policy');
  });

  it('shows the model the past reply for a paraphrase', async () => {
    const model = reply('We would love to see it: we appraise vintage synths in person.');
    const s = await suggestWithModel({
      model,
      question: 'would you buy my old vintage synth',
      content: null,
      learned,
      threshold: 0.5,
    });
    expect(s).toMatchObject({ writtenBy: 'model', kind: 'team' });
    expect(JSON.stringify(model.doGenerateCalls[0].prompt)).toContain('We appraise vintage synths in person.');
  });

  it('falls back to the offline draft when the model fails or finds nothing', async () => {
    const failing = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error('provider down');
      },
    });
    const a = await suggestWithModel({
      model: failing,
      question: 'would you buy my old vintage synth',
      content: null,
      learned,
      threshold: 0.5,
    });
    expect(a).toMatchObject({ writtenBy: 'engine', kind: 'team', text: 'We appraise vintage synths in person.' });
    const b = await suggestWithModel({
      model: reply(NOT_FOUND),
      question: 'what is your return policy',
      content,
      learned,
      threshold: 0.5,
    });
    expect(b.writtenBy).toBe('engine');
  });

  it('never calls the model with nothing to draft from', async () => {
    const model = reply('made up');
    const s = await suggestWithModel({
      model,
      question: 'hello?',
      content: null,
      learned: new LearnedIndex(),
      threshold: 0.5,
    });
    expect(s.kind).toBe('none');
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});
