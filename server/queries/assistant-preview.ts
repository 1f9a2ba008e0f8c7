/**
 * Try your assistant: what a visitor would get for a question — the answer with its citations and
 * confidence, or the handoff and its reason — without creating a conversation. It takes the same
 * turn as the bot's first reply in a chat (`readTurn`, shared with server/processors/bot.ts and the eval).
 */
import { asc, eq } from 'drizzle-orm';
import { knowledgeChunks, knowledgeSources } from '../../db/schema';
import { readTurn } from '../../engine/conversation/turn';
import type { AssistantPreview, CoverageReport } from '../../protocol/onboarding';
import type { Knowledge } from '../bot/knowledge';
import type { Taggers } from '../bot/tagger';
import { botReply, HANDOFF_TEXT } from '../commands/handoff';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import type { Deps } from '../commands/unit';

export interface AssistantParts {
  knowledge: Knowledge;
  taggers: Taggers;
  config: WorkspaceCache<WorkspaceConfig>;
}

/** The reply a visitor's first message would get, as the bot's turn decides it. */
export async function previewAnswer(
  parts: AssistantParts,
  workspaceId: string,
  question: string,
): Promise<AssistantPreview> {
  const { settings } = await parts.config.get(workspaceId);
  const { answer, topics, decision } = await readTurn({
    question,
    visitorMessages: [question],
    previousUnanswered: [],
    answer: (q) => parts.knowledge.answer(workspaceId, q, settings.handoff.answerThreshold, []),
    topics: async (text) =>
      (await parts.taggers.topics(workspaceId, text)).map((t) => ({ ...t, needsHuman: t.tag.needsHuman })),
    settings: settings.handoff,
  });
  const base = {
    question,
    citations: answer.citations,
    confidence: answer.confidence,
    threshold: answer.threshold,
    abstained: answer.abstained,
    reason: decision.reason ?? null,
    topic: decision.reason === 'topic' ? (topics.find((t) => t.tagId === decision.detail)?.tag.name ?? null) : null,
  };
  if (decision.action === 'handoff' && decision.reason)
    return {
      ...base,
      outcome: 'handoff',
      text: HANDOFF_TEXT[decision.reason],
      citations: [],
      offersPerson: false,
      smallTalk: false,
    };
  const { carriesAnswer: _carriesAnswer, ...reply } = botReply(answer, decision);
  return { ...base, outcome: 'answer', ...reply };
}

const MAX_DOCUMENTS = 40;
const PER_DOCUMENT = 3;

/**
 * Questions made from a document's own words: a Q&A entry's question, else the section headings
 * (and the title) turned into what a visitor might type.
 */
export function questionsFor(chunks: { title: string; headingPath: string[]; questions: string[] }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (q: string) => {
    const key = q.toLowerCase();
    if (!q || seen.has(key)) return;
    seen.add(key);
    out.push(q);
  };
  for (const c of chunks) {
    if (c.questions.length) add(c.questions[0].trim());
    else {
      const heading = (c.headingPath.at(-1) ?? c.title).trim().replace(/[.:!]+$/, '');
      if (heading.length < 3) continue;
      add(heading.endsWith('?') ? heading : `What can you tell me about ${heading.toLowerCase()}?`);
    }
  }
  return out;
}

/**
 * Asks questions made from each document and lists the pages the assistant cannot answer from yet:
 * a question missed when the answer abstains, or cites none of that document's passages.
 */
export async function checkCoverage(deps: Deps, parts: AssistantParts, workspaceId: string): Promise<CoverageReport> {
  const rows = await deps.db
    .select({
      id: knowledgeChunks.id,
      documentId: knowledgeChunks.documentId,
      sourceId: knowledgeChunks.sourceId,
      source: knowledgeSources.name,
      title: knowledgeChunks.title,
      headingPath: knowledgeChunks.headingPath,
      questions: knowledgeChunks.questions,
    })
    .from(knowledgeChunks)
    .innerJoin(knowledgeSources, eq(knowledgeSources.id, knowledgeChunks.sourceId))
    .where(eq(knowledgeChunks.workspaceId, workspaceId))
    .orderBy(asc(knowledgeChunks.createdAt));
  const documents = new Map<string, typeof rows>();
  for (const r of rows) {
    // A Q&A entry is a document of its own; a page's passages share its document.
    const key = r.questions.length ? r.id : (r.documentId ?? r.sourceId);
    documents.set(key, [...(documents.get(key) ?? []), r]);
  }
  const { settings } = await parts.config.get(workspaceId);
  const report: CoverageReport = { asked: 0, answered: 0, gaps: [] };
  for (const chunks of [...documents.values()].slice(0, MAX_DOCUMENTS)) {
    const own = new Set(chunks.map((c) => c.id));
    const missed: string[] = [];
    for (const q of questionsFor(chunks).slice(0, PER_DOCUMENT)) {
      const a = await parts.knowledge.answer(workspaceId, q, settings.handoff.answerThreshold, []);
      report.asked++;
      const fromIt = !a.abstained && a.confidence >= a.threshold && a.citations.some((c) => own.has(c.chunkId));
      if (fromIt) report.answered++;
      else missed.push(q);
    }
    if (missed.length)
      report.gaps.push({
        sourceId: chunks[0].sourceId,
        source: chunks[0].source,
        title: chunks[0].headingPath[0] ?? chunks[0].title,
        questions: missed,
      });
  }
  return report;
}
