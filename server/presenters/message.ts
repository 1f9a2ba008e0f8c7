/** Messages as they travel on the socket, for each audience (the visibility rules are in domain/visibility). */
import type { Queryable } from '../../db/client';
import type { WireMessage } from '../../protocol/socket';
import type { Message } from '../commands/conversations';
import { metaFor, type Audience } from '../domain/visibility';
import { userNames } from '../queries/people';

/** Resolves author names (agents by user id; the bot by the workspace's bot name). */
export async function presentMessages(
  db: Queryable,
  rows: Message[],
  audience: Audience,
  botName: string,
): Promise<WireMessage[]> {
  const ids = [
    ...new Set(
      rows.flatMap((m) => [
        m.authorType === 'agent' ? m.authorId : null,
        typeof m.meta.assigneeId === 'string' ? m.meta.assigneeId : null,
      ]),
    ),
  ].filter((id): id is string => !!id);
  const names = await userNames(db, ids);
  return rows.map((m) => ({
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    author: {
      type: m.authorType,
      name:
        m.authorType === 'agent' ? (names.get(m.authorId ?? '') ?? 'Team') : m.authorType === 'bot' ? botName : null,
    },
    kind: m.kind,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    meta: metaFor(
      typeof m.meta.assigneeId === 'string' ? { ...m.meta, agentName: names.get(m.meta.assigneeId) ?? null } : m.meta,
      audience,
    ) as WireMessage['meta'],
  }));
}
