/** The copilot's wire shapes: the suggestion panel and the owner's list of learned answers. */
import type { CopilotView } from '../queries/suggestion';
import type { LearnedAnswerView } from '../queries/learned-answers';

/** Citations get a link to their passage when they have no page of their own. */
export function presentCopilot(
  view: CopilotView,
  passageUrl: (workspaceId: string, chunkId: string) => string | null,
  workspaceId: string,
) {
  const s = view.suggestion;
  return {
    conversationId: view.conversationId,
    question: view.question,
    basedOnSeq: view.basedOnSeq,
    suggestion: {
      kind: s.kind,
      text: s.text,
      confidence: Math.round(s.confidence * 100) / 100,
      citations: s.citations.map((c) => ({ ...c, url: c.url ?? passageUrl(workspaceId, c.chunkId) })),
      learned: s.learned ? { id: s.learned.id, question: s.learned.question } : null,
      empty: s.empty ?? null,
      writtenBy: s.writtenBy,
    },
    summary: { ...view.summary, details: { ...view.summary.details } as Record<string, string> },
    suggestedTags: view.suggestedTags.map((t) => ({ ...t, confidence: Math.round(t.confidence * 100) / 100 })),
  };
}

export function presentLearnedAnswer(row: LearnedAnswerView) {
  return {
    id: row.id,
    conversationId: row.conversationId,
    question: row.question,
    answer: row.answer,
    author: row.authorName ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
