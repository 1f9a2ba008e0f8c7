/**
 * Each workspace's learned answers in memory (engine/copilot's LearnedIndex), built from the
 * stored rows on first use and rebuilt after an answer is learned or removed, on any instance.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { learnedAnswers } from '../../db/schema';
import { LearnedIndex } from '../../engine/copilot/learned';
import { loadDefaultWordVectors } from '../../engine/retrieve/dense';
import type { Deps } from '../commands/unit';

export class LearnedAnswers {
  private readonly indexes = new Map<string, Promise<LearnedIndex>>();

  constructor(private readonly deps: Pick<Deps, 'db' | 'bus'>) {}

  /** Drops a workspace's index when its learned answers change (here or relayed from elsewhere). */
  start(): () => void {
    const drop = (e: { workspaceId: string }) => void this.indexes.delete(e.workspaceId);
    const offs = [
      this.deps.bus.on('learned_answer.created', drop, { elsewhere: true }),
      this.deps.bus.on('learned_answer.removed', drop, { elsewhere: true }),
    ];
    return () => offs.forEach((off) => off());
  }

  index(workspaceId: string): Promise<LearnedIndex> {
    let index = this.indexes.get(workspaceId);
    if (!index) {
      index = (async () => {
        const idx = new LearnedIndex({ wordVectors: await loadDefaultWordVectors() });
        const rows = await this.deps.db
          .select({ id: learnedAnswers.id, question: learnedAnswers.question, answer: learnedAnswers.answer })
          .from(learnedAnswers)
          .where(and(eq(learnedAnswers.workspaceId, workspaceId), isNull(learnedAnswers.removedAt)));
        idx.upsert(rows);
        return idx;
      })();
      index.catch(() => this.indexes.delete(workspaceId));
      this.indexes.set(workspaceId, index);
    }
    return index;
  }
}
