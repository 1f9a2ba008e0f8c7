/**
 * `chatref eval copilot`: the agent's suggested reply on chats that look real — the demo shop's
 * history and the new-shop dev sets' handoffs, each answered by a person (format in
 * eval/copilot/README.md). Every chat teaches as the product learns (engine/copilot/lessons.ts);
 * then, with each shop's content indexed as the product indexes it:
 * - `team_top1`: a paraphrase of a question a person answered before gets that answer (top-1);
 * - `content_cited`: a question the content answers (the shop's questions.jsonl) gets a draft
 *   citing one of its source documents (`content_cited_top1`: the first citation does);
 * - `pii_leaks`: drafts (and the past questions they show) holding a customer's name, email,
 *   phone or order number from the chats, of `pii_checked` drafts (must be 0).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { calibratedThreshold } from '../answer/calibrate';
import { LearnedIndex } from '../copilot/learned';
import { lessonsOf } from '../copilot/lessons';
import { customerDetails } from '../copilot/scrub';
import { suggestOffline, type Suggestion } from '../copilot/suggest';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import { loadWordVectors } from '../vectors/index';
import { percentile } from './metrics';
import { fromSources, loadShop } from './shops';

export const CopilotChatSchema = z.object({
  shop: z.string(),
  id: z.string(),
  /** Chats whose answers are the same (a paraphrase may get either). */
  group: z.string().optional(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }).partial().default({}),
  thread: z.array(z.object({ author: z.enum(['visitor', 'bot', 'agent']), text: z.string() })).min(2),
  /** The same question in other words, as another customer would ask it. */
  paraphrases: z.array(z.string()).default([]),
  /** false: every reply carries the customer's details, nothing may be learned. */
  learnable: z.boolean().default(true),
});
export type CopilotChat = z.infer<typeof CopilotChatSchema>;

export interface CopilotCase {
  shop: string;
  kind: 'team' | 'content';
  q: string;
  expected: string;
  right: boolean;
  got: Suggestion['kind'];
  from: string | null;
  cited: string[];
  ms: number;
}

export interface CopilotReport {
  summary: {
    chats: number;
    /** Question–reply pairs learned, and those left out for personal details. */
    learned: number;
    skipped: number;
    /** Chats marked not learnable that taught nothing, of those marked. */
    skipped_right: number;
    not_learnable: number;
    team_n: number;
    team_top1: number;
    content_n: number;
    content_cited: number;
    content_cited_top1: number;
    pii_checked: number;
    pii_leaks: number;
    ms_p50: number;
    ms_p95: number;
  };
  perShop: Record<string, { team_n: number; team_top1: number; content_n: number; content_cited: number }>;
  failures: CopilotCase[];
  leaks: { q: string; value: string; text: string }[];
}

export function readChats(dir: string): CopilotChat[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          if (!line.trim()) return [];
          const parsed = CopilotChatSchema.safeParse(JSON.parse(line));
          if (!parsed.success)
            throw new Error(`${f}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
          return [parsed.data];
        }),
    );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Customer details of a chat, as strings to look for: each word of a name, emails, phones, order numbers. */
function personalValues(chat: CopilotChat): string[] {
  const who = customerDetails(
    chat.thread.filter((m) => m.author === 'visitor').map((m) => m.text),
    chat.contact,
  );
  const names = (who.names ?? []).flatMap((n) => n.split(/\s+/)).filter((w) => w.length >= 3 && !/^ms\.?$/i.test(w));
  return [...new Set([...names, ...(who.values ?? [])])];
}

function leaksIn(text: string, values: readonly string[]): string | null {
  for (const v of values) {
    const digits = v.replace(/\D/g, '');
    if (/@/.test(v) || /\d/.test(v)) {
      if (text.toLowerCase().includes(v.toLowerCase())) return v;
      if (digits.length >= 7 && text.replace(/\D/g, '').includes(digits)) return v;
    } else if (new RegExp(`(?<![\\p{L}])${escape(v)}(?![\\p{L}])`, 'iu').test(text)) return v;
  }
  return null;
}

export async function evalCopilot(opts: { chats: string; shops: string }): Promise<CopilotReport> {
  const chats = readChats(opts.chats);
  const wv = await loadDefaultWordVectors();
  const gapVectors = loadWordVectors();
  const cases: CopilotCase[] = [];
  const leaks: CopilotReport['leaks'] = [];
  let learnedN = 0;
  let skippedN = 0;
  let skippedRight = 0;
  let piiChecked = 0;
  const shops = [...new Set(chats.map((c) => c.shop))];
  for (const shopName of shops) {
    const dir = join(opts.shops, shopName);
    if (!existsSync(dir)) throw new Error(`no shop folder ${dir} for the chats of ${shopName}`);
    const shop = await loadShop(dir);
    const content = new KnowledgeIndex({ wordVectors: wv });
    content.upsert(shop.chunks);
    await content.prepared();
    const threshold = calibratedThreshold(content);
    const learned = new LearnedIndex({ wordVectors: wv });
    const mine = chats.filter((c) => c.shop === shopName);
    const origin = new Map<string, CopilotChat>();
    for (const chat of mine) {
      const thread = chat.thread.map((m, i) => ({ id: `${chat.id}:${i}`, author: m.author, text: m.text }));
      const { learned: lessons, skipped } = lessonsOf(thread, chat.contact, gapVectors);
      learnedN += lessons.length;
      skippedN += skipped.length;
      if (!chat.learnable && !lessons.length) skippedRight++;
      const entries = lessons.map((l) => ({
        id: `${chat.id}#${l.questionId}`,
        question: l.question,
        answer: l.answer,
      }));
      for (const e of entries) origin.set(e.id, chat);
      learned.upsert(entries);
    }
    const values = mine.flatMap(personalValues);
    const fileOf = new Map(shop.chunks.map((c) => [c.id, c.sourceId]));
    const run = (q: string) => {
      const t0 = performance.now();
      const s = suggestOffline({ question: q, content, learned, threshold });
      const ms = performance.now() - t0;
      piiChecked++;
      const shown = `${s.text}\n${s.learned?.question ?? ''}`;
      const leak = leaksIn(shown, values);
      if (leak) leaks.push({ q, value: leak, text: shown });
      return { s, ms, cited: s.citations.map((c) => fileOf.get(c.chunkId) ?? c.title) };
    };
    for (const chat of mine) {
      for (const q of chat.paraphrases) {
        const { s, ms, cited } = run(q);
        const from = s.learned ? origin.get(s.learned.id) : undefined;
        const right =
          s.kind === 'team' && !!from && (from.id === chat.id || (!!chat.group && from.group === chat.group));
        cases.push({
          shop: shopName,
          kind: 'team',
          q,
          expected: chat.id,
          right,
          got: s.kind,
          from: from?.id ?? null,
          cited,
          ms,
        });
      }
    }
    for (const q of shop.questions) {
      if (!q.expect.includes('answer') || !q.sources.length) {
        run(q.q); // every draft is checked for personal data, answerable or not
        continue;
      }
      const { s, ms, cited } = run(q.q);
      const right = cited.some((f) => fromSources(f, q.sources));
      cases.push({
        shop: shopName,
        kind: 'content',
        q: q.q,
        expected: q.sources.join('|'),
        right,
        got: s.kind,
        from: s.learned ? (origin.get(s.learned.id)?.id ?? null) : null,
        cited,
        ms: Math.round(ms * 100) / 100,
      });
    }
  }
  const rate = (xs: CopilotCase[], ok: (c: CopilotCase) => boolean) =>
    xs.length ? Math.round((xs.filter(ok).length / xs.length) * 1000) / 1000 : 0;
  const team = cases.filter((c) => c.kind === 'team');
  const contentCases = cases.filter((c) => c.kind === 'content');
  const perShop: CopilotReport['perShop'] = {};
  for (const shop of shops) {
    const t = team.filter((c) => c.shop === shop);
    const k = contentCases.filter((c) => c.shop === shop);
    perShop[shop] = {
      team_n: t.length,
      team_top1: rate(t, (c) => c.right),
      content_n: k.length,
      content_cited: rate(k, (c) => c.right),
    };
  }
  const ms = cases.map((c) => c.ms);
  return {
    summary: {
      chats: chats.length,
      learned: learnedN,
      skipped: skippedN,
      skipped_right: skippedRight,
      not_learnable: chats.filter((c) => !c.learnable).length,
      team_n: team.length,
      team_top1: rate(team, (c) => c.right),
      content_n: contentCases.length,
      content_cited: rate(contentCases, (c) => c.right),
      content_cited_top1: rate(contentCases, (c) => !!c.cited[0] && fromSources(c.cited[0], c.expected.split('|'))),
      pii_checked: piiChecked,
      pii_leaks: leaks.length,
      ms_p50: Math.round(percentile(ms, 50) * 100) / 100,
      ms_p95: Math.round(percentile(ms, 95) * 100) / 100,
    },
    perShop,
    failures: cases.filter((c) => !c.right),
    leaks,
  };
}
