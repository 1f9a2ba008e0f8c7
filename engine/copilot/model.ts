/**
 * The suggested reply written by a configured model from the same material as the offline draft:
 * the team's closest past replies and the shop's best passages. Passage markers become citations;
 * any failure, a slow model or "nothing in the material" falls back to the offline draft.
 */
import type { LanguageModel, ModelMessage } from 'ai';
import { mapCitations, NOT_FOUND, passagesPrompt, type ChatTurn } from '../answer/model';
import {
  compose,
  CONTENT_FLOOR,
  gather,
  LEARNED_MIN,
  suggestOffline,
  type SuggestInput,
  type Suggestion,
} from './suggest';

export const COPILOT_PROMPT = `You draft a reply for a support agent of an online shop to send to a customer.
Use ONLY the team's past replies and the numbered passages from the shop's content given below.
- Cite facts from passages with their number in square brackets, e.g. [1].
- Be brief, friendly and concrete; write as the shop's team ("we").
- Never include names, emails, phone numbers or order numbers of anyone.
- Never invent policies, prices, dates or links.
- If the material does not answer the customer's question, reply with exactly ${NOT_FOUND}.`;

export interface ModelSuggestInput extends SuggestInput {
  model: LanguageModel;
  /** The conversation so far, oldest first (the last few turns are sent). */
  history?: ChatTurn[];
  timeoutMs?: number;
}

const HISTORY_TURNS = 8;

export async function suggestWithModel(input: ModelSuggestInput): Promise<Suggestion> {
  const offline = suggestOffline(input);
  if (offline.kind === 'none') return offline;
  const m = gather(input)!;
  const replies = m.matches.filter((x) => x.similarity >= LEARNED_MIN).slice(0, 2);
  const hits = m.contentConfidence >= CONTENT_FLOOR ? m.hits.slice(0, 4) : [];
  if (!replies.length && !hits.length) return offline;
  const material = [
    replies.length
      ? `The team's past replies to similar questions:\n${replies.map((r) => `- Q: ${r.entry.question}\n  A: ${r.entry.answer}`).join('\n')}`
      : '',
    hits.length ? `Passages:\n${passagesPrompt(hits, m.question)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const messages: ModelMessage[] = [
    ...(input.history ?? []).slice(-HISTORY_TURNS).map((t): ModelMessage => ({ role: t.role, content: t.content })),
    { role: 'user', content: `${material}\n\nCustomer question: ${m.question}\n\nDraft the agent's reply.` },
  ];
  try {
    const { generateText } = await import('ai'); // loaded on the first model draft, not at start
    const result = await generateText({
      model: input.model,
      system: COPILOT_PROMPT,
      messages,
      maxRetries: 0,
      temperature: 0.2,
      abortSignal: AbortSignal.timeout(input.timeoutMs ?? 15_000),
    });
    const text = result.text.trim();
    if (!text || text.includes(NOT_FOUND)) return offline;
    const mapped = mapCitations(text, hits);
    const draft = compose(m, input);
    return {
      ...draft,
      kind: replies.length && draft.kind === 'team' ? 'team' : hits.length ? 'content' : 'team',
      text: mapped.text,
      citations: mapped.citations.length ? mapped.citations : draft.citations,
      writtenBy: 'model',
    };
  } catch {
    return offline;
  }
}
