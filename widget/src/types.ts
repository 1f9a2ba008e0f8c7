/**
 * The contract between the loader and the lazily loaded chat. Types only: the two bundles share
 * no runtime code, so the loader stays a few hundred bytes of its own.
 */

import type { WidgetConfig } from '../../protocol/settings';

/** `GET {BASE}/api/widget/{workspaceId}/config`, defined once in protocol/. */
export type { WidgetConfig };

export interface MountOptions {
  /** The loader's shadow root; the chat renders its panel and styles into it. */
  root: ShadowRoot;
  /** Where the Chatref server lives, e.g. `https://chat.example.com` (no trailing slash). */
  base: string;
  workspaceId: string;
  config: WidgetConfig;
  /** The visitor asked to close the panel (Escape, or the panel's own minimise button). */
  onClose(): void;
  /** Replies that arrived while the panel was closed (0 when it opens). */
  onUnread(count: number): void;
}

export interface ChatHandle {
  /** Shows or hides the panel; `focus` moves keyboard focus into it (not on an automatic reopen). */
  setOpen(open: boolean, focus: boolean): void;
}

/** The key of the visitor token in localStorage (the loader reads it, the chat writes it). */
export const tokenKey = (workspaceId: string): string => `chatref:${workspaceId}`;
/** The key of the "panel was open" flag in sessionStorage (per tab, survives reloads). */
export const openKey = (workspaceId: string): string => `chatref:${workspaceId}:open`;
