import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { widgetSightings, workspaces } from '../../db/schema';
import { makeDeps, makeWorkspace } from '../../tests/factories';
import { markAssistantTried, pageOrigin, recordWidgetSighting } from './setup';

describe('what Get started records', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
  });
  afterAll(async () => handle?.close());

  it("reads the page's origin from Origin, else Referer, and only for web pages", () => {
    expect(pageOrigin({ origin: 'https://shop.example' })).toBe('https://shop.example');
    expect(pageOrigin({ referer: 'https://shop.example:8443/products/beans?x=1' })).toBe('https://shop.example:8443');
    expect(pageOrigin({ origin: 'null', referer: 'https://shop.example/a' })).toBe('https://shop.example');
    expect(pageOrigin({ origin: 'file:///tmp/page.html' })).toBeNull();
    expect(pageOrigin({})).toBeNull();
  });

  it('keeps the last time per origin, writing at most once a minute per origin', async () => {
    let now = new Date('2026-03-02T10:00:00Z');
    const deps = makeDeps(handle.db, () => now);
    const { workspace } = await makeWorkspace(deps);
    const seen = () =>
      handle.db
        .select({ origin: widgetSightings.origin, at: widgetSightings.lastSeenAt })
        .from(widgetSightings)
        .where(eq(widgetSightings.workspaceId, workspace.id))
        .orderBy(widgetSightings.origin);

    await recordWidgetSighting(deps, workspace.id, 'https://shop.example');
    now = new Date('2026-03-02T10:00:30Z');
    await recordWidgetSighting(deps, workspace.id, 'https://shop.example');
    await recordWidgetSighting(deps, workspace.id, 'https://blog.shop.example');
    expect(await seen()).toEqual([
      { origin: 'https://blog.shop.example', at: new Date('2026-03-02T10:00:30Z') },
      { origin: 'https://shop.example', at: new Date('2026-03-02T10:00:00Z') },
    ]);
    now = new Date('2026-03-02T10:01:05Z');
    await recordWidgetSighting(deps, workspace.id, 'https://shop.example');
    expect((await seen())[1]).toEqual({ origin: 'https://shop.example', at: new Date('2026-03-02T10:01:05Z') });
  });

  it('remembers the first time someone tried the assistant', async () => {
    let now = new Date('2026-03-02T10:00:00Z');
    const deps = makeDeps(handle.db, () => now);
    const { workspace } = await makeWorkspace(deps);
    await markAssistantTried(deps, workspace.id);
    now = new Date('2026-03-03T10:00:00Z');
    await markAssistantTried(deps, workspace.id);
    const [w] = await handle.db.select().from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(w.assistantTriedAt).toEqual(new Date('2026-03-02T10:00:00Z'));
  });
});
