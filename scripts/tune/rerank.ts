/**
 * Fits the reranker (engine/answer/rerank.ts) on the shop sets: a linear score over each answerable
 * question's best few hits, as a softmax across them, pushed towards the hits from the question's
 * own sources. Each shop weighs the same. The L2 strength is the one whose fit, leaving one shop
 * out, puts a right page first most often; then the shipped weights are fitted on every shop.
 *   npx tsx scripts/tune/rerank.ts eval/shops[,variants…] [heldOutRoot]
 * (variants: folders written by scripts/tune/shop-variants.ts; a shop's variants share its name,
 * its weight and its fold.)
 * With a second folder (eval/heldout), also prints what the shipped fit does on those shops, which
 * nothing was fitted on. Prints JSON: per shop and pooled top-1 before and after, and the weights.
 */
import { answerRanking } from '../../engine/answer/ranking';
import { RERANK_FEATURES, rerankFeatures, type Reranker } from '../../engine/answer/rerank';
import { fromSources } from '../../engine/eval/shops';
import { indexedShops, shopDirsOf } from './indexed-shops';

interface Question {
  shop: string;
  /** Features of each candidate, in the reading order before the reranker. */
  xs: number[][];
  /** Whether each candidate comes from one of the question's sources. */
  right: boolean[];
}

const L2S = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3];

/** Every shop under each root (comma-separated); a shop's variants share its name. */
async function questions(roots: string): Promise<Question[]> {
  const out: Question[] = [];
  for await (const { shop, index } of indexedShops(shopDirsOf(roots))) {
    for (const q of shop.questions) {
      if (!q.expect.includes('answer')) continue;
      const query = index.correct(q.q);
      const hits = answerRanking(query, index.search(query, 5));
      if (!hits.length) continue;
      out.push({
        shop: shop.name,
        xs: rerankFeatures(index, query, hits),
        right: hits.slice(0, 5).map((h) => fromSources(h.chunk.sourceId, q.sources)),
      });
    }
  }
  return out;
}

/** Softmax over each question's candidates on standardised features; weights returned in raw units. */
function fit(data: readonly Question[], l2: number): Reranker {
  const D = RERANK_FEATURES.length;
  const all = data.flatMap((d) => d.xs);
  const mu = new Array<number>(D).fill(0);
  const sd = new Array<number>(D).fill(0);
  for (const x of all) x.forEach((v, i) => (mu[i] += v / all.length));
  for (const x of all) x.forEach((v, i) => (sd[i] += (v - mu[i]) ** 2 / all.length));
  for (let i = 0; i < D; i++) sd[i] = Math.sqrt(sd[i]) || 1;
  const shops = [...new Set(data.map((d) => d.shop))];
  const perShop = new Map(shops.map((s) => [s, data.filter((d) => d.shop === s).length]));
  // Only questions whose candidates disagree teach anything.
  const train = data
    .filter((d) => d.right.some(Boolean) && !d.right.every(Boolean))
    .map((d) => ({
      ...d,
      z: d.xs.map((x) => x.map((v, i) => (v - mu[i]) / sd[i])),
      w: 1 / perShop.get(d.shop)! / shops.length,
    }));
  const w = new Array<number>(D).fill(0);
  w[RERANK_FEATURES.indexOf('score')] = 1; // start from the fused order
  for (let it = 0; it < 1500; it++) {
    const g = new Array<number>(D).fill(0);
    for (const d of train) {
      const s = d.z.map((x) => x.reduce((a, v, i) => a + w[i] * v, 0));
      const m = Math.max(...s);
      const e = s.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / sum);
      const right = p.reduce((a, v, k) => a + (d.right[k] ? v : 0), 0);
      // The gradient of -log(the belief the right candidates hold).
      d.z.forEach((x, k) => {
        const gk = (p[k] - (d.right[k] ? p[k] / right : 0)) * d.w;
        x.forEach((v, i) => (g[i] += gk * v));
      });
    }
    for (let i = 0; i < D; i++) w[i] -= 0.5 * (g[i] + l2 * w[i]);
  }
  return Object.fromEntries(RERANK_FEATURES.map((f, i) => [f, round(w[i] / sd[i])])) as Reranker;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Whether the candidate a reranker (or, without one, the reading order) puts first is right. */
function firstRight(d: Question, r: Reranker | null): boolean {
  if (!r) return d.right[0];
  const s = d.xs.map((x) => RERANK_FEATURES.reduce((a, f, i) => a + r[f] * x[i], 0));
  return d.right[s.indexOf(Math.max(...s))];
}

function top1(data: readonly Question[], r: Reranker | null): number {
  return round(data.filter((d) => firstRight(d, r)).length / (data.length || 1));
}

function byShop(data: readonly Question[], r: (shop: string) => Reranker) {
  const shops = [...new Set(data.map((d) => d.shop))];
  const out: Record<string, { n: number; before: number; after: number }> = {};
  let right = 0;
  for (const s of shops) {
    const rows = data.filter((d) => d.shop === s);
    const reranker = r(s);
    right += rows.filter((d) => firstRight(d, reranker)).length;
    out[s] = { n: rows.length, before: top1(rows, null), after: top1(rows, reranker) };
  }
  return { shops: out, pooled: { n: data.length, before: top1(data, null), after: round(right / data.length) } };
}

async function main(): Promise<void> {
  const [root, heldRoot] = process.argv.slice(2);
  const dev = await questions(root);
  const shops = [...new Set(dev.map((d) => d.shop))];
  const leftOut = L2S.map((l2) => {
    const fits = new Map(
      shops.map((s) => [
        s,
        fit(
          dev.filter((d) => d.shop !== s),
          l2,
        ),
      ]),
    );
    return { l2, ...byShop(dev, (s) => fits.get(s)!) };
  });
  const best = leftOut.reduce((a, b) => (b.pooled.after > a.pooled.after ? b : a));
  const reranker = fit(dev, best.l2);
  const held = heldRoot ? byShop(await questions(heldRoot), () => reranker) : undefined;
  const report = {
    leave_one_shop_out: leftOut.map((l) => ({ l2: l.l2, ...l.pooled })),
    chosen: best,
    ...(held ? { held_out: held } : {}),
    reranker,
  };
  process.stdout.write(JSON.stringify(report, null, 1) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
