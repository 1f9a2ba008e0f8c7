/**
 * The bot's whole offline turn on the demo shop, in this process and one question at a time: the
 * answer (spelling, search, confidence, the sentences quoted), the topics and the handoff decision,
 * as `chatref eval shop` runs them. It is the work a reply adds to storing the message, so it
 * reads beside `store_echo_ms_*`: a reply cannot come back faster than the anchor plus this.
 */
import { fileURLToPath } from 'node:url';
import { calibratedThreshold } from '../engine/answer/calibrate';
import { firstTurn, loadShop, shopTagger } from '../engine/eval/shops';
import { loadDefaultWordVectors } from '../engine/retrieve/dense';
import { KnowledgeIndex } from '../engine/retrieve/knowledge-index';
import { QUESTIONS } from './load/protocol';
import { percentile, round } from './stats';

/** The demo shop as a shop folder: its documents, tags and questions. */
const DEMO_SHOP = fileURLToPath(new URL('../eval/shops/riff-and-rhythm', import.meta.url));

/**
 * Milliseconds per turn (p50, p99) over `rounds` of the load's questions, after one warm-up round,
 * and the share of the questions answered with a citation (a turn that abstains is quicker, so the
 * time means little without it).
 */
export async function turnMs(rounds: number): Promise<{ p50: number; p99: number; answered: number }> {
  const shop = await loadShop(DEMO_SHOP);
  const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  index.upsert(shop.chunks);
  await index.prepared();
  const threshold = calibratedThreshold(index);
  const turn = firstTurn(index, threshold, shopTagger(shop.tags));
  let answered = 0;
  for (const q of QUESTIONS) {
    const { answer, decision } = await turn(q);
    if (decision.action === 'answer' && !decision.reply && !answer.abstained && answer.citations.length) answered++;
  }
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of QUESTIONS) {
      const t0 = performance.now();
      await turn(q);
      times.push(performance.now() - t0);
    }
  return { p50: percentile(times, 50), p99: percentile(times, 99), answered: answered / QUESTIONS.length };
}

/** `turnMs` as the bench's figures. */
export async function turnFigures(rounds: number): Promise<Record<string, number>> {
  const t = await turnMs(rounds);
  return { turn_ms_p50: round(t.p50, 3), turn_ms_p99: round(t.p99, 3), turn_answered: round(t.answered, 2) };
}
