import type { Socket } from 'socket.io';

/** Socket.IO room names, in one place. */
export const rooms = {
  /** Every tab of one visitor. */
  visitor: (workspaceId: string, visitorId: string) => `visitor:${workspaceId}:${visitorId}`,
  /** The visitor side of a conversation. */
  conversation: (conversationId: string) => `conv:${conversationId}`,
  /** Every signed-in member of a workspace (agent namespace). */
  workspace: (workspaceId: string) => `ws:${workspaceId}`,
  /** One member's sockets (agent namespace). */
  user: (userId: string) => `user:${userId}`,
  /** One member's sockets in one workspace (agent namespace): closed when their access there changes. */
  member: (workspaceId: string, userId: string) => `member:${workspaceId}:${userId}`,
  /** The sockets of one sign-in (agent namespace; key: `sessionKey`): closed at sign-out. */
  session: (key: string) => `session:${key}`,
};

/**
 * Puts `socket` and the other sockets in `group` (another tab of the same visitor, on any
 * instance) into `room`. The socket itself joins at once: through the PostgreSQL adapter, even a
 * local socket joins only after the adapter has told the other instances (a round trip to the
 * database), so a message broadcast to `room` just after — a new chat's first answer — could miss
 * it.
 */
export function joinWithGroup(socket: Socket, group: string, room: string): void {
  void socket.join(room);
  socket.nsp.in(group).except(socket.id).socketsJoin(room);
}
