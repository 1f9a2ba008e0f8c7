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
