/**
 * What an API key may do, chosen when it is created. Shared by the server (which enforces them
 * per route, server/http/scopes.ts) and the dashboard (Settings → API keys).
 */
export const API_KEY_SCOPES = ['read', 'conversations:write', 'knowledge:write', 'admin'] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What each scope allows, in the words the dashboard shows. */
export const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  read: 'Read conversations, contacts, knowledge, tags and analytics',
  'conversations:write': 'Tag, assign, pick up and resolve conversations; tag contacts',
  'knowledge:write': 'Add, re-sync and delete knowledge sources',
  admin: 'Everything, including settings, members, webhooks and API keys',
};
