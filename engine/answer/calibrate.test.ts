import { describe, expect, it } from 'vitest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk } from '../retrieve/types';
import {
  calibratedThreshold,
  calibrateIndex,
  generatedQuestions,
  thresholdFrom,
  CALIBRATION_RULE,
  OFF_TOPIC_REACHING_ANSWERS,
} from './calibrate';
import { OFF_TOPIC_QUESTIONS } from './off-topic';
import { answerOffline } from './offline';
import { DEFAULT_ANSWER_THRESHOLD } from './types';

/** A small new shop (a tea shop of a few pages, no Q&A), written here, never tuned on. */
function passage(id: string, page: string, heading: string, text: string): KnowledgeChunk {
  return { id, sourceId: page, title: heading, headingPath: [page], url: null, text, questions: [] };
}

const TEA_SHOP: KnowledgeChunk[] = [
  passage(
    'ship-time',
    'Shipping',
    'Delivery',
    'We pack orders the next business day. Orders arrive in 3–5 business days.',
  ),
  passage('ship-cost', 'Shipping', 'Costs', 'Shipping is a flat $5 per order. Orders over $40 ship for free.'),
  passage(
    'ship-where',
    'Shipping',
    'Destinations',
    'We ship within the United States only. We do not ship outside the United States.',
  ),
  passage('returns', 'Returns', 'Tea and teaware', 'Unopened tea can be sent back within 30 days for a full refund.'),
  passage('shop', 'Visit us', 'Opening hours', 'Our tea room is open Wednesday to Sunday, 10am to 6pm.'),
  passage('brew', 'Brewing', 'Green tea', 'Steep green tea at 80°C for two minutes; boiling water makes it bitter.'),
];

describe('workspace calibration', () => {
  it('gives a small new shop its own threshold: answers everyday questions, abstains off-topic', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert(TEA_SHOP);
    const threshold = calibratedThreshold(index);
    expect(threshold).toBeGreaterThanOrEqual(CALIBRATION_RULE.floor);
    expect(threshold).toBeLessThanOrEqual(CALIBRATION_RULE.ceiling);

    const shipping = answerOffline(index, 'how long does shipping take', { threshold });
    expect(shipping.abstained).toBe(false);
    expect(shipping.citations.map((c) => c.chunkId)).toEqual(['ship-time']);
    expect(shipping.text).toContain('3–5 business days');

    const offTopic = answerOffline(index, 'who won the football game last night', { threshold });
    expect(offTopic.abstained).toBe(true);
  });

  it('remembers the threshold until the content changes', async () => {
    const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
    index.upsert(TEA_SHOP.slice(0, 3));
    const first = calibratedThreshold(index);
    const generation = index.generation;
    expect(calibratedThreshold(index)).toBe(first);
    expect(index.generation).toBe(generation);
    index.upsert(TEA_SHOP.slice(3));
    expect(index.generation).toBeGreaterThan(generation);
    expect(calibrateIndex(index).offTopic).toHaveLength(OFF_TOPIC_REACHING_ANSWERS.length);
  });

  it('falls back to the default on an empty index', () => {
    expect(calibratedThreshold(new KnowledgeIndex())).toBe(DEFAULT_ANSWER_THRESHOLD);
  });

  it('sets the threshold from the off-topic quantile, within floor and ceiling', () => {
    const rule = { offTopicQuantile: 0.5, margin: 0.1, floor: 0.2, ceiling: 0.6, generatedQuantile: 0 };
    expect(thresholdFrom([0.1, 0.2, 0.3, 0.4], [], rule)).toBe(0.3);
    expect(thresholdFrom([0, 0, 0, 0], [], rule)).toBe(0.2);
    expect(thresholdFrom([0.9, 0.9], [], rule)).toBe(0.6);
    // Capped by the generated questions' own confidences.
    expect(thresholdFrom([0.4, 0.5], [0.25, 0.9], rule)).toBe(0.25);
  });

  it('generates terse questions from a chunk, a Q&A phrasing missing a word', () => {
    const qs = generatedQuestions({
      ...TEA_SHOP[0],
      questions: ['When will my tea order arrive?'],
      answer: 'Orders arrive in 3–5 business days.',
    });
    expect(qs[0]).toBe('shipping delivery');
    expect(qs).toContain('when will my tea order');
  });

  it('ships a bank of a few hundred distinct off-topic questions', () => {
    expect(OFF_TOPIC_QUESTIONS.length).toBeGreaterThanOrEqual(250);
    expect(new Set(OFF_TOPIC_QUESTIONS).size).toBe(OFF_TOPIC_QUESTIONS.length);
    // Small talk and questions about the assistant are the turn's to answer, not the content's.
    expect(OFF_TOPIC_REACHING_ANSWERS).not.toContain('who made you');
    expect(OFF_TOPIC_REACHING_ANSWERS).toContain('what is the capital of australia');
  });
});
