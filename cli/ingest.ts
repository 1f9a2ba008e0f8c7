/**
 * `chatref ingest <path|url>`: adds files, a folder, a page or a site to a workspace's knowledge,
 * with a progress bar. It opens the configured database directly (DATABASE_URL or the data dir);
 * with the embedded database, stop the server first (one process at a time can open it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { workspaces } from '../db/schema';
import { DEMO_SLUG } from '../demo/seed';
import { createOutbound } from '../net/outbound';
import { Knowledge, type SourceInput } from '../server/bot/knowledge';
import { ParsePool } from '../server/bot/parser';
import { loadConfig } from '../server/config';
import { EventBus } from '../server/events/bus';

const SUPPORTED = /\.(md|markdown|txt|html?|pdf|docx|csv)$/i;

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((f) => join(path, f))
    .filter((f) => SUPPORTED.test(f) && statSync(f).isFile())
    .sort();
}

export async function ingestCommand(source: string, opts: { workspace?: string; crawl?: boolean }): Promise<number> {
  const config = loadConfig();
  const handle = await openDatabase(config.database).catch((err: unknown) => {
    throw new Error(
      `could not open the database (${err instanceof Error ? err.message : String(err)}). With the embedded database, stop the server first.`,
    );
  });
  // The server's limits apply here too (a hostile file fails the same way).
  const parser = new ParsePool(config.parse);
  try {
    const slug = opts.workspace ?? DEMO_SLUG;
    const [ws] = await handle.db.select().from(workspaces).where(eq(workspaces.slug, slug));
    if (!ws) throw new Error(`no workspace "${slug}" (use --workspace with the slug shown in the dashboard)`);
    const outbound = createOutbound({ allowPrivate: config.allowPrivateUrls });
    const knowledge = new Knowledge(
      { db: handle.db, bus: new EventBus(), now: () => new Date() },
      undefined,
      {},
      null,
      outbound,
      parser.read,
    );
    const isUrl = /^https?:\/\//i.test(source);
    const inputs: SourceInput[] = isUrl
      ? [
          opts.crawl || /sitemap[^/]*\.xml$/i.test(source)
            ? { kind: 'crawl', url: source }
            : { kind: 'url', url: source },
        ]
      : filesUnder(source).map((f) => ({ kind: 'file', name: basename(f), bytes: readFileSync(f) }));
    if (!inputs.length) throw new Error(`nothing to ingest at ${source} (supported: .md .txt .html .pdf .docx .csv)`);

    const bar = new SingleBar({ format: ' {bar} {value}/{total} {label}', hideCursor: true }, Presets.shades_classic);
    bar.start(inputs.length, 0, { label: '' });
    let failed = 0;
    const results: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const label = input.kind === 'file' ? input.name : input.kind === 'qa' ? input.question : input.url;
      bar.update(i, { label });
      const s = await knowledge.addSource(ws.id, input, (done, total) =>
        bar.update(i + (total ? done / total : 0), { label }),
      );
      if (s.status === 'error') failed++;
      results.push(s.status === 'error' ? `  ✗ ${label}: ${s.error}` : `  ✓ ${label}: ${s.chunkCount} chunks`);
    }
    bar.update(inputs.length, { label: 'done' });
    bar.stop();
    process.stdout.write(results.join('\n') + '\n');
    await outbound.close();
    return failed ? 1 : 0;
  } finally {
    await parser.close();
    await handle.close();
  }
}
