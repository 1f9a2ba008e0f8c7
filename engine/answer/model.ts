/**
 * Answers written by a language model, grounded only in retrieved passages. The model sees the
 * passages numbered [1]..[n] and must cite them; its markers are mapped back to chunks and
 * renumbered in order of first use. Retrieval confidence still decides whether to answer at all,
 * and any failure (error, timeout, empty or "not in the passages") falls back to the offline
 * answer: the visitor never gets silence.
 */
import type { LanguageModel, ModelMessage } from 'ai';
import { contentStems } from '../retrieve/features';
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { SearchHit } from '../retrieve/types';
import { answerConfidence } from './answer-model';
import { confidenceOf } from './confidence';
import { answerOffline, citationOf } from './offline';
import { rerankedForAnswer } from './ranking';
import { relevantSentences } from './sentences';
import { DEFAULT_ANSWER_THRESHOLD, NOT_SURE_TEXT, type EngineAnswer } from './types';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ModelAnswerOptions {
  model: LanguageModel;
  index: KnowledgeIndex;
  query: string;
  /** Earlier turns of the conversation, oldest first (the last few are sent). */
  history?: ChatTurn[];
  threshold?: number;
  /** Give up on the model after this long and answer offline (default 15 s). */
  timeoutMs?: number;
  /** Receives the answer's text as it is written (model markers, before renumbering). */
  onToken?: (delta: string) => void;
  /** Passages given to the model (default 4). */
  passages?: number;
}

/** What the model must say, alone, when the passages do not hold the answer. */
export const NOT_FOUND = 'NOT_FOUND';

const HISTORY_TURNS = 6;
const PASSAGE_WORDS = 220;

export const SYSTEM_PROMPT = `You are the customer-support assistant of an online shop.
Answer the customer's question using ONLY the numbered passages from the shop's own content.
- Cite every fact with the passage number in square brackets, e.g. [1] or [2][3].
- Be brief, friendly and concrete; use the customer's language.
- Never invent policies, prices, dates or links that are not in the passages.
- If the passages do not contain the answer, reply with exactly ${NOT_FOUND} and nothing else.`;

/** The numbered passages block given to the model. */
export function passagesPrompt(hits: readonly SearchHit[], query: string): string {
  return hits
    .map((h, i) => {
      const c = h.chunk;
      const body = c.questions.length
        ? `Q: ${c.questions[0]}\nA: ${c.answer ?? c.text}`
        : relevantSentences(c.text, query, PASSAGE_WORDS);
      return `[${i + 1}] ${citationOf(c).title}${c.url ? ` (${c.url})` : ''}\n${body}`;
    })
    .join('\n\n');
}

/**
 * Maps the model's [n] markers to citations, renumbered 1..m in order of first use; markers that
 * point at no passage are dropped.
 */
export function mapCitations(text: string, hits: readonly SearchHit[]): Pick<EngineAnswer, 'text' | 'citations'> {
  const order: number[] = [];
  const out = text.replace(/\[(\d+)\]/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (!hits[i]) return '';
    if (!order.includes(i)) order.push(i);
    return `[${order.indexOf(i) + 1}]`;
  });
  return {
    text: out.replace(/[ \t]+([.,;:!?])/g, '$1').trim(),
    citations: order.map((i) => citationOf(hits[i].chunk)),
  };
}

/** Words that point back at an earlier turn ("how much is it?", "and that one?"). */
const ANAPHORA = /\b(it|its|that|this|they|them|those|these|one|there)\b/i;

/**
 * Searches with the question and, when there was an earlier question, with both: a follow-up
 * (short, or pointing back) uses the joint search; otherwise the more confident one wins.
 */
async function retrieve(index: KnowledgeIndex, query: string, history: ChatTurn[], k: number): Promise<SearchHit[]> {
  const hits = await index.searchAsync(query, k);
  const previous = [...history].reverse().find((t) => t.role === 'user');
  if (!previous) return hits;
  const withContext = await index.searchAsync(`${previous.content} ${query}`, k);
  if (ANAPHORA.test(query) || contentStems(query).length <= 2) return withContext;
  return confidenceOf(withContext) > confidenceOf(hits) ? withContext : hits;
}

/** Answers with the model, or offline when the model fails, is slow or finds nothing. */
export async function answerWithModel(opts: ModelAnswerOptions): Promise<EngineAnswer> {
  const threshold = opts.threshold ?? DEFAULT_ANSWER_THRESHOLD;
  const history = opts.history ?? [];
  const found = await retrieve(opts.index, opts.query, history, Math.max(5, opts.passages ?? 4));
  // In the order the offline answer reads them (ranking.ts): the answer model was fitted on it, and
  // the model reads its best passage first.
  const hits = rerankedForAnswer(opts.index, opts.index.correct(opts.query), found);
  const confidence = answerConfidence(opts.index, opts.query, hits);
  const offline = () => answerOffline(opts.index, opts.query, { threshold, hits });
  if (!hits.length || confidence < threshold) return offline();

  const used = hits.slice(0, opts.passages ?? 4);
  const messages: ModelMessage[] = [
    ...history.slice(-HISTORY_TURNS).map((t): ModelMessage => ({ role: t.role, content: t.content })),
    {
      role: 'user',
      content: `Passages:\n${passagesPrompt(used, opts.query)}\n\nCustomer question: ${opts.query}`,
    },
  ];
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  let text = '';
  let forwarded = 0;
  const consume = async () => {
    const { streamText } = await import('ai'); // loaded on the first model answer, not at start
    const result = streamText({
      model: opts.model,
      system: SYSTEM_PROMPT,
      messages,
      abortSignal: abort.signal,
      maxRetries: 0,
      temperature: 0.2,
      onError: () => undefined, // errors surface in fullStream; no console noise
    });
    for await (const part of result.fullStream) {
      if (settled) return;
      if (part.type === 'error') throw part.error;
      if (part.type === 'abort') throw new Error('model call aborted');
      if (part.type !== 'text-delta') continue;
      text += part.text;
      // Hold back output while it could still be the NOT_FOUND sentinel.
      if (opts.onToken && !NOT_FOUND.startsWith(text.trim())) {
        opts.onToken(text.slice(forwarded));
        forwarded = text.length;
      }
    }
  };
  // The race, not only the abort signal, bounds the wait: a provider may ignore the signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error('model timed out'));
    }, opts.timeoutMs ?? 15_000);
  });
  const consuming = consume();
  consuming.catch(() => undefined); // a late failure after the timeout has nothing left to tell
  try {
    await Promise.race([consuming, timeout]);
  } catch {
    return offline();
  } finally {
    settled = true;
    clearTimeout(timer);
  }
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith(NOT_FOUND)) {
    return trimmed
      ? {
          text: NOT_SURE_TEXT,
          citations: [],
          confidence: Math.min(confidence, threshold / 2),
          abstained: true,
          source: 'none',
        }
      : offline();
  }
  const mapped = mapCitations(trimmed, used);
  // An answer must rest on something: if the model cited nothing, cite the passage it was given first.
  const citations = mapped.citations.length ? mapped.citations : [citationOf(used[0].chunk)];
  return { text: mapped.text, citations, confidence, abstained: false, source: 'model' };
}
