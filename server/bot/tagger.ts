/**
 * The workspace's tagger: a TagClassifier built from its topic tags (name, description, examples)
 * plus the corrections its agents made, rebuilt when those change.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { TagClassifier, type TagDefinition } from '../../engine/classify/classifier';
import { tagFeedback, tags } from '../../db/schema';
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
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly deps: Deps) {}

  /** The classifier for the workspace's current topic tags (null when it has none with examples). */
  async forWorkspace(workspaceId: string): Promise<Cached | null> {
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
    const hit = this.cache.get(workspaceId);
    if (hit?.key === key) return hit;
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
    const entry: Cached = {
      key,
      classifier,
      tags: usable.map((t) => ({ id: t.id, name: t.name, needsHuman: t.needsHuman, routeTeamId: t.routeTeamId })),
    };
    this.cache.set(workspaceId, entry);
    return entry;
  }

  /** Topics of a text with their tag rows, best first. */
  async topics(workspaceId: string, text: string) {
    const t = await this.forWorkspace(workspaceId);
    if (!t) return [];
    return t.classifier
      .predict(text)
      .map((p) => ({ ...p, tag: t.tags.find((x) => x.id === p.tagId)! }))
      .filter((p) => p.tag);
  }
}
