/** Records that a member is working on a conversation (the input of human-minute accounting). */
import { agentActivity } from '../../db/schema';
import type { Deps } from './unit';

/** Heartbeats closer together than this add nothing to the accounting, so they are not stored. */
const MIN_GAP_MS = 10_000;
const last = new Map<string, number>();

export async function recordActivity(
  deps: Deps,
  input: { workspaceId: string; conversationId: string; userId: string; kind: 'view' | 'typing' | 'reply' | 'note' },
): Promise<void> {
  const now = deps.now();
  const key = `${input.userId}:${input.conversationId}`;
  if (input.kind === 'view' || input.kind === 'typing') {
    const prev = last.get(key);
    if (prev !== undefined && now.getTime() - prev < MIN_GAP_MS) return;
  }
  last.set(key, now.getTime());
  if (last.size > 50_000) last.clear();
  await deps.db.insert(agentActivity).values({ ...input, at: now });
}
