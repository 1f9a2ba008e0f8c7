/**
 * The workspace's tagger: a TagClassifier built from its topic tags (name, description, examples)
 * plus the corrections its agents made, rebuilt when those change.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { TagClassifier, type TagDefinition } from '../../engine/classify/classifier';
import { tags } from '../../db/schema';
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
    const usable = rows.filter((t) => t.examples.length > 0);
    if (!usable.length) return null;
    const key = createHash('sha1')
      .update(JSON.stringify(usable.map((t) => [t.id, t.name, t.description, t.examples])))
      .digest('hex');
    const hit = this.cache.get(workspaceId);
    if (hit?.key === key) return hit;
    const defs: TagDefinition[] = usable.map((t) => ({ id: t.id, name: t.name, description: t.description, examples: t.examples, needsHuman: t.needsHuman }));
    const entry: Cached = {
      key,
      classifier: new TagClassifier(defs),
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
