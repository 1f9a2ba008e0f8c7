/**
 * The colours new tags take, in order: distinct hues, each at least 4.5:1 against the dashboard's
 * white panels (so a tag's dot, line and bar read as well as text would), next to each other
 * as far apart as the palette allows. Shared by the server (the default) and the dashboard (the
 * colour a new tag's picker starts on).
 */
export const TAG_PALETTE = [
  '#1d4ed8', // blue
  '#b45309', // amber
  '#047857', // green
  '#be123c', // rose
  '#6d28d9', // violet
  '#0e7490', // cyan
  '#4d7c0f', // lime
  '#a21caf', // fuchsia
  '#c2410c', // orange
  '#475569', // slate
] as const;

/** The first palette colour no tag uses yet; once all are used, the one fewest tags use. */
export function nextTagColour(used: readonly string[]): string {
  const counts = new Map<string, number>(TAG_PALETTE.map((c) => [c, 0]));
  for (const c of used) {
    const k = c.toLowerCase();
    if (counts.has(k)) counts.set(k, counts.get(k)! + 1);
  }
  let best: string = TAG_PALETTE[0];
  for (const c of TAG_PALETTE) if (counts.get(c)! < counts.get(best)!) best = c;
  return best;
}
