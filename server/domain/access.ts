/** Which committed events change what a member may do live (see server/realtime/access.ts). */
import type { EventName } from '../../protocol/events';

/** After these, a member's open sockets are closed and their cached access dropped, on every instance. */
export const ACCESS_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  'workspace.member.removed',
  'workspace.member.updated',
  'session.ended',
]);

export const changesAccess = (e: { name: EventName }): boolean => ACCESS_EVENTS.has(e.name);
