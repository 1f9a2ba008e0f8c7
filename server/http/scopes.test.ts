import { describe, expect, it } from 'vitest';
import { hasScope, scopeNeeded } from './scopes';

describe('the scope a request needs', () => {
  it.each([
    ['GET', '/api/workspaces/:workspaceId/conversations', 'agent', 'read'],
    ['POST', '/api/workspaces/:workspaceId/conversations/:id/resolve', 'agent', 'conversations:write'],
    ['POST', '/api/workspaces/:workspaceId/analytics/gaps/draft', 'agent', 'read'],
    ['POST', '/api/workspaces/:workspaceId/knowledge/web', 'admin', 'knowledge:write'],
    ['DELETE', '/api/workspaces/:workspaceId/knowledge/sources/:id', 'admin', 'knowledge:write'],
    ['GET', '/api/workspaces/:workspaceId/webhooks', 'admin', 'admin'],
    ['PATCH', '/api/workspaces/:workspaceId/members/:id', 'admin', 'admin'],
    ['POST', '/api/workspaces/:workspaceId/api-keys', 'admin', 'admin'],
    ['POST', '/api/workspaces/:workspaceId/some-new-admin-route', 'admin', 'admin'],
  ] as const)('%s %s (%s role) needs %s', (method, route, role, scope) => {
    expect(scopeNeeded(method, route, role)).toBe(scope);
  });

  it('gives an admin key every scope and the others only their own', () => {
    expect(hasScope(['admin'], 'knowledge:write')).toBe(true);
    expect(hasScope(['read'], 'conversations:write')).toBe(false);
    expect(hasScope(['read', 'knowledge:write'], 'knowledge:write')).toBe(true);
    expect(hasScope(['conversations:write'], 'read')).toBe(false);
  });
});
