/**
 * What a chat teaches: each visitor question paired with the team reply that answered it (the
 * knowledge gaps' pairing, engine/conversation/gap-answers.ts), both with the customer's details
 * taken out; a reply that cannot be kept without them is skipped.
 */
import { answersToQuestions, type ThreadMessage } from '../conversation/gap-answers';
import type { WordVectors } from '../vectors/index';
import { customerDetails, learnableQuestion, learnableReply, type KnownCustomer } from './scrub';

export interface Lesson {
  questionId: string;
  replyId: string;
  question: string;
  answer: string;
}

export interface Lessons {
  learned: Lesson[];
  /** Replies left out: they carried the customer's details and too little was left without them. */
  skipped: { replyId: string }[];
}

export function lessonsOf(thread: readonly ThreadMessage[], contact: KnownCustomer = {}, wv?: WordVectors): Lessons {
  const who = customerDetails(
    thread.filter((m) => m.author === 'visitor').map((m) => m.text),
    contact,
  );
  const byId = new Map(thread.map((m) => [m.id, m]));
  const out: Lessons = { learned: [], skipped: [] };
  // Replies are paired as they would be remembered: one that cannot be kept answers nothing, so
  // a later general reply ("Refunds take 3–5 days") teaches instead of a personal one.
  const kept: ThreadMessage[] = [];
  for (const m of thread) {
    if (m.author !== 'agent') kept.push(m);
    else {
      const text = learnableReply(m.text, who);
      if (text) kept.push({ ...m, text });
      else out.skipped.push({ replyId: m.id });
    }
  }
  for (const [questionId, reply] of answersToQuestions(kept, wv)) {
    const question = learnableQuestion(byId.get(questionId)!.text, who);
    if (question.split(/\s+/).filter(Boolean).length < 2) out.skipped.push({ replyId: reply.id });
    else out.learned.push({ questionId, replyId: reply.id, question, answer: reply.text });
  }
  return out;
}
