/**
 * The workspace's tagger: a TagClassifier built from its topic tags (name, description, examples)
 * plus the corrections its agents made, rebuilt when those change.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { TagClassifier, type TagDefinition } from '../../engine/classify/classifier';
import { tagFeedback, tags } from '../../db/schema';
import { isTagCorrection, onPartChanged, WorkspaceCache } from '../commands/cached';
import type { Deps } from '../commands/unit';

export interface TopicTag {
  id: string;
  name: string;
  needsHuman: boolean;
  routeTeamId: string | null;
}

interface Cached {
  key: string;
  classifier: TagClassifier;
  tags: TopicTag[];
}

export class Taggers {
  /** The classifier last built per workspace, kept while its tags and corrections stay the same. */
  private readonly built = new Map<string, Cached>();
  private readonly current: WorkspaceCache<{ tagger: Cached | null }>;

  constructor(
    private readonly deps: Deps,
    ttlMs?: number,
  ) {
    this.current = new WorkspaceCache(
      async (workspaceId) => ({ tagger: await this.load(workspaceId) }),
      (e) => onPartChanged('tags')(e) || isTagCorrection(e),
      { ttlMs },
    );
  }

  /** Drops cached taggers when tags change or agents correct a tag; returns the unsubscribe function. */
  start(): () => void {
    return this.current.start(this.deps);
  }

  /** The classifier for the workspace's current topic tags (null when it has none with examples). */
  async forWorkspace(workspaceId: string): Promise<Cached | null> {
    return (await this.current.get(workspaceId)).tagger;
  }

  /** Whether `forWorkspace` answers from memory now (no read, no training). */
  loaded(workspaceId: string): boolean {
    return this.current.has(workspaceId);
  }

  private async load(workspaceId: string): Promise<Cached | null> {
    const rows = await this.deps.db
      .select()
      .from(tags)
      .where(and(eq(tags.workspaceId, workspaceId), eq(tags.kind, 'topic')))
      .orderBy(tags.name);
    const feedback = await this.deps.db
      .select({ id: tagFeedback.id, tagId: tagFeedback.tagId, text: tagFeedback.text, positive: tagFeedback.positive })
      .from(tagFeedback)
      .where(eq(tagFeedback.workspaceId, workspaceId))
      .orderBy(asc(tagFeedback.id));
    // A topic tag can be learned from examples typed by the admin or from agents' corrections.
    const usable = rows.filter((t) => t.examples.length > 0 || feedback.some((f) => f.tagId === t.id && f.positive));
    if (!usable.length) return null;
    const key = createHash('sha1')
      .update(JSON.stringify([usable.map((t) => [t.id, t.name, t.description, t.examples]), feedback.at(-1)?.id ?? 0]))
      .digest('hex');
    // Whether a tag needs a person, or routes to a team, changes the decision, not the classifier.
    const current = usable.map((t) => ({
      id: t.id,
      name: t.name,
      needsHuman: t.needsHuman,
      routeTeamId: t.routeTeamId,
    }));
    const hit = this.built.get(workspaceId);
    if (hit?.key === key) return { ...hit, tags: current };
    const defs: TagDefinition[] = usable.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      examples: t.examples.length
        ? t.examples
        : feedback
            .filter((f) => f.tagId === t.id && f.positive)
            .slice(0, 1)
            .map((f) => f.text),
      needsHuman: t.needsHuman,
    }));
    const classifier = new TagClassifier(defs);
    // Agents' corrections, in the order they were made.
    const known = new Set(defs.map((d) => d.id));
    for (const f of feedback) {
      if (!known.has(f.tagId)) continue;
      if (f.positive) classifier.learn(f.tagId, f.text);
      else classifier.unlearn(f.tagId, f.text);
    }
    const entry: Cached = { key, classifier, tags: current };
    this.built.set(workspaceId, entry);
    return entry;
  }

  /** Topics of a visitor's text (each at its surest sentence) with their tag rows, best first. */
  async topics(workspaceId: string, text: string) {
    const t = await this.forWorkspace(workspaceId);
    if (!t) return [];
    return t.classifier
      .predictMessage(text)
      .map((p) => ({ ...p, tag: t.tags.find((x) => x.id === p.tagId)! }))
      .filter((p) => p.tag);
  }
}
