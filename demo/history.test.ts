import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { makeDeps } from '../tests/factories';
import { tagBreaches } from '../server/queries/tag-breaches';
import { seedHistory } from './history';
import { seedDemoIfEmpty } from './seed';

describe('the demo history', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
  });
  afterAll(() => handle?.close());

  it('meets the default first-response target mostly, as a small team does, and misses it a few times', async () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const deps = makeDeps(handle.db, () => now);
    const demo = await seedDemoIfEmpty(deps, { email: null, password: 'demo password 1' });
    expect(await seedHistory(deps, demo!.workspaceId)).toBeGreaterThan(0);
    const { total } = await tagBreaches(
      deps.db,
      demo!.workspaceId,
      new Date(now.getTime() - 30 * 86_400_000),
      now,
      now,
    );
    expect(total.handoffs).toBeGreaterThanOrEqual(20);
    expect(total.firstResponseBreaches).toBeGreaterThan(0);
    expect(total.firstResponseBreaches / total.handoffs).toBeLessThanOrEqual(0.25);
  });
});
