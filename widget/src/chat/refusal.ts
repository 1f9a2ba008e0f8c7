/** What the widget tells the visitor when the server refuses its connection. */
import { PROTOCOL_OUTDATED } from '../../../protocol/socket';

/** Shown when the server no longer speaks this widget's protocol (the page holds an old chat.js). */
export const RELOAD_TEXT = 'This chat was updated. Please reload this page.';

export type Refusal =
  /** The server was updated past this widget: only a reload helps, the visitor's token stays. */
  | { kind: 'outdated'; text: string }
  /** Refused for another reason (a stale token, an origin): the server's message, if it sent one. */
  | { kind: 'other'; text: string };

/** Reads a `connect_error` (its `data` carries the server's code and message). */
export function refusalOf(err: Error & { data?: unknown }): Refusal {
  const data = err.data as { code?: unknown; message?: unknown } | undefined;
  if (data?.code === PROTOCOL_OUTDATED) return { kind: 'outdated', text: RELOAD_TEXT };
  const text =
    err.message && !/^(xhr|websocket)/i.test(err.message) ? err.message : 'The chat is unavailable right now.';
  return { kind: 'other', text };
}
