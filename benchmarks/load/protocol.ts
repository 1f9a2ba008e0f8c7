/**
 * Messages between the bench and its load workers (child processes over IPC). One worker holds
 * many simulated visitors; the bench starts several so the clients do not share one event loop.
 */

export interface WorkerJob {
  type: 'job';
  url: string;
  workspaceId: string;
  visitors: number;
  /** Index of this worker: visitors get distinct X-Forwarded-For addresses per worker. */
  worker: number;
  /** 'chat': each visitor sends every `intervalMs` once told to go; 'idle': connect and stay. */
  mode: 'chat' | 'idle';
  intervalMs: number;
  durationMs: number;
  /** How long a reply may take before it counts as lost. */
  replyTimeoutMs: number;
  /**
   * Wait for every reply instead: after the last message, keep waiting while replies still come,
   * and count as lost only those outstanding once none has come for `quietMs` (or after `maxMs`).
   * A late reply is then late, not lost (see `lastReplyMs`).
   */
  drain?: Drain;
  /** Connections opened at once while ramping up. */
  connectConcurrency: number;
}

export interface Drain {
  quietMs: number;
  maxMs: number;
}

export type ToWorker = WorkerJob | { type: 'go' } | { type: 'stop' };

export interface ChatResult {
  /** Milliseconds from emitting `send` to receiving the reply (the first non-visitor message after it). */
  latencies: number[];
  /** When each of those messages was sent, in ms since the load began (same order as `latencies`). */
  sentAt: number[];
  /** Milliseconds from emitting `send` to its acknowledgement (stored). */
  ackLatencies: number[];
  /** When each of those messages was sent, in ms since the load began (same order as `ackLatencies`). */
  ackSentAt: number[];
  sent: number;
  acked: number;
  replied: number;
  lost: number;
  /** Conversations the bot handed to people (the visitor then starts a new one). */
  handoffs: number;
  /** Replies received twice (the same message, or a second answer to one question). */
  duplicates: number;
  /** "The assistant is busy" notices received. */
  notices: number;
  errors: Record<string, number>;
  /** When the last reply arrived, in ms since the load began (0 if none). */
  lastReplyMs: number;
  /**
   * The worst delay of the worker's own event loop in each second of the load (ms, by second):
   * a reply that arrives while the load generator is stalled is timed late, so a slow second of
   * replies beside a stalled generator second is the generator's, not the server's.
   */
  lagBySecond: number[];
}

export type FromWorker =
  | { type: 'connected'; connected: number; failed: number; firstError: string | null }
  | { type: 'result'; result: ChatResult };

/** Questions the demo shop's knowledge answers, rotated so no visitor repeats itself. */
export const QUESTIONS = [
  'How long does shipping take?',
  'Do you offer guitar lessons?',
  'Are you open on Sunday?',
  'What is your return policy?',
  'Do you sell gift cards?',
  'Can I pick up my order in the store?',
  'Do you ship internationally?',
  'How do I change the strings on my guitar?',
  'Do you buy used instruments?',
  'What payment methods do you accept?',
  'Do you repair amplifiers?',
  'How much is a guitar setup?',
];
