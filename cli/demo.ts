/**
 * The demo shop for `chatref serve`: the server takes it as a hook, so server/ never imports demo/.
 */
import { loadDemoKnowledge } from '../demo/knowledge';
import { DEMO_SLUG, seedDemoContent, seedDemoIfEmpty } from '../demo/seed';
import type { DemoHook } from '../server/serve';

export const demoHook: DemoHook = {
  slug: DEMO_SLUG,
  seedIfEmpty: seedDemoIfEmpty,
  seedContent: (deps, workspaceId, knowledge, onPages) =>
    seedDemoContent(deps, workspaceId, async (id) => {
      await loadDemoKnowledge(knowledge, id);
      onPages();
    }),
};
