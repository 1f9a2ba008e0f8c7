/**
 * `chatref eval answer`: builds the index from a knowledge-base JSONL (each entry one chunk:
 * title + text as its passage, questions as its phrasings), answers every query offline and
 * reports ranking quality, accuracy at the threshold, AUROC of the confidence and latency.
 * Definitions: ARCHITECTURE.md "Contracts" and shared/eval/FORMAT.md.
 */
import { answerOffline } from '../answer/offline';
import { answerConfidence } from '../answer/answer-model';
import { calibratedThreshold } from '../answer/calibrate';
import { loadDefaultWordVectors } from '../retrieve/dense';
import { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { KnowledgeChunk } from '../retrieve/types';
import { aurocOf, firstRelevantRank, hitsAt, meanReciprocalRank, percentile } from './metrics';
import { readJsonl } from './stats';

export interface KbEntry {
  id: string;
  title?: string;
  text?: string;
  questions?: string[];
}

export interface LabelledQuery {
  query: string;
  expected: string[];
}

/** Knowledge-base entries as chunks: entries with questions are Q&A entries answered by their text. */
export function chunksFromKb(entries: readonly KbEntry[], sourceId = 'kb'): KnowledgeChunk[] {
  return entries.map((e) => {
    const questions = (e.questions ?? []).filter((q) => q.trim());
    const text = e.text ?? '';
    return {
      id: e.id,
      sourceId,
      title: e.title ?? '',
      headingPath: [],
      url: null,
      text,
      questions,
      ...(questions.length ? { answer: text } : {}),
    };
  });
}

/** Builds a ready index over a knowledge-base file, with the default word vectors. */
export async function indexFromKbFile(path: string): Promise<KnowledgeIndex> {
  const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  index.upsert(chunksFromKb(readJsonl<KbEntry>(path)));
  index.prepare();
  return index;
}

export async function evalAnswer(opts: {
  kb: string;
  queries: string;
  threshold?: number;
}): Promise<Record<string, number>> {
  const queries = readJsonl<LabelledQuery>(opts.queries);
  const t0 = performance.now();
  const index = await indexFromKbFile(opts.kb);
  const buildMs = performance.now() - t0;
  // As the product does: the knowledge's own calibrated threshold unless one is given.
  const threshold = opts.threshold ?? calibratedThreshold(index);

  const ranks: number[] = [];
  const correctConf: number[] = [];
  const unanswerableConf: number[] = [];
  const ms: number[] = [];
  let right = 0;
  for (const q of queries) {
    const start = performance.now();
    const hits = index.search(q.query, 10);
    const answer = answerOffline(index, q.query, { threshold, hits });
    ms.push(performance.now() - start);
    const confidence = answerConfidence(index, q.query, hits);
    if (!q.expected.length) {
      unanswerableConf.push(confidence);
      if (answer.abstained) right++;
      continue;
    }
    const rank = firstRelevantRank(
      hits.map((h) => h.chunk.id),
      q.expected,
    );
    ranks.push(rank);
    if (rank === 1) {
      correctConf.push(confidence);
      if (!answer.abstained) right++;
    }
  }
  const out: Record<string, number> = {
    n: queries.length,
    answerable: ranks.length,
    top1: hitsAt(ranks, 1),
    top5: hitsAt(ranks, 5),
    mrr: meanReciprocalRank(ranks),
    accuracy: queries.length ? right / queries.length : 0,
  };
  if (unanswerableConf.length) out.auroc = aurocOf(correctConf, unanswerableConf);
  out.threshold = threshold;
  out.ms_p50 = percentile(ms, 50);
  out.ms_p95 = percentile(ms, 95);
  out.build_ms = Math.round(buildMs);
  return out;
}
