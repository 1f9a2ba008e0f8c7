/**
 * The bot's reading of a visitor's message, without storage: answer from the knowledge, read the
 * topics, decide whether to answer, offer a person or hand over. The server's turn
 * (server/bot/turn.ts) and `chatref eval shop` both run it, so the eval measures the product.
 */
import { decideHandoff, RECENT_MESSAGES, type HandoffDecision, type HandoffInput } from './handoff';

/** What the turn needs of an answer: the threshold it was judged against comes with it. */
export interface TurnAnswer {
  confidence: number;
  abstained: boolean;
  threshold: number;
}

export interface TurnTopic {
  tagId: string;
  confidence: number;
  needsHuman: boolean;
}

export interface TurnInput<A extends TurnAnswer, T extends TurnTopic = TurnTopic> {
  /** The visitor's latest message. */
  question: string;
  /** The visitor's messages in this stretch with the AI, the question last. */
  visitorMessages: string[];
  /** Earlier questions of this stretch the bot could not answer. */
  previousUnanswered: string[];
  /** Answers the question (with whatever history the caller holds). */
  answer: (question: string) => Promise<A>;
  /** The workspace's topics of a text, surest first (empty when it has no tagger). */
  topics: (text: string) => Promise<T[]>;
  /** The workspace's handoff settings; the answer threshold is the answer's own. */
  settings: Omit<NonNullable<HandoffInput['settings']>, 'answerThreshold'> & { answerThreshold?: number | null };
}

export interface TurnResult<A extends TurnAnswer, T extends TurnTopic = TurnTopic> {
  answer: A;
  topics: T[];
  decision: HandoffDecision;
}

/**
 * One turn: the answer, then the topics of the question alone and with the visitor's last
 * messages (a follow-up such as "how much would it be?" means nothing alone; read only together,
 * an earlier topic can drown the one asked now), each topic at its surer reading, then the decision.
 */
export async function readTurn<A extends TurnAnswer, T extends TurnTopic = TurnTopic>(
  input: TurnInput<A, T>,
): Promise<TurnResult<A, T>> {
  const answer = await input.answer(input.question);
  const alone = await input.topics(input.question);
  // A chat's first message is its last messages too: one reading serves both.
  const recent = input.visitorMessages.slice(-RECENT_MESSAGES).join('\n');
  const topics = surest(alone, recent === input.question ? [] : await input.topics(recent));
  const decision = decideHandoff({
    visitorMessages: input.visitorMessages,
    answer,
    previousUnanswered: input.previousUnanswered,
    topics: topics.map((t) => ({ tagId: t.tagId, confidence: t.confidence, needsHuman: t.needsHuman })),
    settings: { ...input.settings, answerThreshold: answer.threshold },
  });
  return { answer, topics, decision };
}

/** Each topic once, at the higher of its confidences in the two readings, surest first. */
export function surest<T extends { tagId: string; confidence: number }>(a: T[], b: T[]): T[] {
  const best = new Map<string, T>();
  for (const t of [...a, ...b]) if ((best.get(t.tagId)?.confidence ?? -1) < t.confidence) best.set(t.tagId, t);
  return [...best.values()].sort((x, y) => y.confidence - x.confidence);
}
