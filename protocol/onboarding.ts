/** The shapes of Get started and Try your assistant, shared by server and dashboard. */
import type { Citation } from './socket';

export interface GetStartedState {
  /** Every step is done: the dashboard stops showing the checklist. */
  done: boolean;
  content: {
    done: boolean;
    sources: number;
    ready: number;
    chunks: number;
    /** Sources still being read, with their progress (0–1). */
    ingesting: { id: string; name: string; progress: number }[];
    failed: { id: string; name: string; error: string | null }[];
  };
  assistant: { done: boolean; triedAt: string | null };
  tags: { done: boolean; tags: number; handoffTopics: number };
  widget: {
    done: boolean;
    /** The one line to paste into the shop's pages. */
    snippet: string;
    /** Where the widget was loaded from, most recent first. */
    seen: { origin: string; at: string }[];
  };
  team: { done: boolean; members: number; invitations: number };
}

/** What a visitor would get for a question, without any conversation being created. */
export interface AssistantPreview {
  question: string;
  /** `answer`: the bot replies (perhaps offering a person); `handoff`: the chat goes to the team. */
  outcome: 'answer' | 'handoff';
  /** What the visitor reads: the answer, or the bot's handoff message. */
  text: string;
  citations: Citation[];
  confidence: number;
  threshold: number;
  abstained: boolean;
  /** The handoff's (or the offer's) reason, e.g. `topic`, `low_confidence`. */
  reason: string | null;
  /** For a `topic` handoff: the topic's name. */
  topic: string | null;
  /** The bot adds an offer to talk to a person (handoff mode "suggest"). */
  offersPerson: boolean;
  /** The reply is small talk ("Hi! What can I help you with?"), not an answer from the content. */
  smallTalk: boolean;
}

/** A coverage check: questions made from each document's headings, asked as a visitor would. */
export interface CoverageReport {
  asked: number;
  answered: number;
  /** Pages the assistant cannot answer from yet, with the questions that missed. */
  gaps: { sourceId: string; source: string; title: string; questions: string[] }[];
}
