import { describe, expect, it } from 'vitest';
import { readTurn, surest } from './turn';

const settings = { mode: 'suggest' as const };

describe('readTurn', () => {
  it('reads the topics of the question alone and with the last messages, each at its surer reading', async () => {
    const read: string[] = [];
    const r = await readTurn({
      question: 'how much would it be?',
      visitorMessages: ['hi', 'I want a custom guitar', 'with P90s', 'how much would it be?'],
      previousUnanswered: [],
      answer: async () => ({ confidence: 0.9, abstained: false, threshold: 0.6, text: 'x' }),
      topics: async (text) => {
        read.push(text);
        return text.includes('custom')
          ? [{ tagId: 'custom', confidence: 0.97, needsHuman: true }]
          : [{ tagId: 'custom', confidence: 0.2, needsHuman: true }];
      },
      settings,
    });
    expect(read).toEqual(['how much would it be?', 'I want a custom guitar\nwith P90s\nhow much would it be?']);
    expect(r.topics).toEqual([{ tagId: 'custom', confidence: 0.97, needsHuman: true }]);
    expect(r.decision).toMatchObject({ action: 'handoff', reason: 'topic', detail: 'custom' });
    expect(r.answer.text).toBe('x');
  });

  it("reads a chat's first message once", async () => {
    const read: string[] = [];
    const r = await readTurn({
      question: 'quote for a custom guitar?',
      visitorMessages: ['quote for a custom guitar?'],
      previousUnanswered: [],
      answer: async () => ({ confidence: 0.1, abstained: true, threshold: 0.6 }),
      topics: async (text) => {
        read.push(text);
        return [{ tagId: 'custom', confidence: 0.97, needsHuman: true }];
      },
      settings,
    });
    expect(read).toEqual(['quote for a custom guitar?']);
    expect(r.decision).toMatchObject({ action: 'handoff', reason: 'topic', detail: 'custom' });
  });

  it("judges the answer against the answer's own threshold", async () => {
    const turn = (threshold: number) =>
      readTurn({
        question: 'do you rent violins?',
        visitorMessages: ['do you rent violins?'],
        previousUnanswered: [],
        answer: async () => ({ confidence: 0.55, abstained: false, threshold }),
        topics: async () => [],
        settings: { ...settings, answerThreshold: null },
      });
    expect((await turn(0.5)).decision.action).toBe('answer');
    expect((await turn(0.6)).decision).toMatchObject({ action: 'suggest', reason: 'low_confidence' });
  });
});

describe('surest', () => {
  it('keeps each topic once at its higher confidence, surest first', () => {
    expect(
      surest(
        [
          { tagId: 'a', confidence: 0.2 },
          { tagId: 'b', confidence: 0.5 },
        ],
        [{ tagId: 'a', confidence: 0.9 }],
      ),
    ).toEqual([
      { tagId: 'a', confidence: 0.9 },
      { tagId: 'b', confidence: 0.5 },
    ]);
  });
});
