/**
 * The shop folders the tuning scripts read, each loaded as `chatref eval shop` loads it and indexed
 * with the shipped word vectors, one at a time.
 */
import { loadShop, shopDirs, type Shop } from '../../engine/eval/shops';
import { loadDefaultWordVectors } from '../../engine/retrieve/dense';
import { KnowledgeIndex } from '../../engine/retrieve/knowledge-index';
import type { WordVectorsLike } from '../../engine/retrieve/types';

export interface IndexedShop {
  dir: string;
  shop: Shop;
  index: KnowledgeIndex;
  wordVectors: WordVectorsLike | null;
}

/** The shop folders under each of comma-separated roots (e.g. eval/shops and its variants). */
export function shopDirsOf(roots: string): string[] {
  return roots.split(',').flatMap(shopDirs);
}

/** Each folder's shop with its ready index. */
export async function* indexedShops(dirs: readonly string[]): AsyncGenerator<IndexedShop> {
  const wordVectors = await loadDefaultWordVectors();
  for (const dir of dirs) {
    const shop = await loadShop(dir);
    const index = new KnowledgeIndex({ wordVectors });
    index.upsert(shop.chunks);
    await index.prepared();
    yield { dir, shop, index, wordVectors };
  }
}
