/**
 * The embedded database's template: a PGlite data directory initialised and migrated at build
 * time (`scripts/build-db-template.ts`). A first start copies the directory (a fraction of a
 * second) instead of running initdb in WebAssembly (seconds); an in-memory database loads the same
 * data from the archive. It is used only while it matches this PGlite version and these
 * migrations; otherwise the database is initialised the slow way, and is just as good.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * PostgreSQL settings of the embedded database, after PGlite's own. A 32 MB buffer pool holds a
 * small shop's working set (pages beyond it come from the operating system's cache); PostgreSQL's
 * default 128 MB took half a second of every start to set up in WebAssembly (1.17 → 0.68 s).
 */
export const EMBEDDED_SETTINGS = ['-c', 'shared_buffers=32MB'];

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
export const TEMPLATE_DIR = fileURLToPath(new URL('../dist/db/template', import.meta.url));
export const TEMPLATE_FILE = fileURLToPath(new URL('../dist/db/template.tar.gz', import.meta.url));
export const TEMPLATE_STAMP_FILE = fileURLToPath(new URL('../dist/db/template.json', import.meta.url));

/** What a template was built from: the PGlite version and a hash of the migrations. */
export function currentStamp(): { pglite: string; migrations: string } {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  return { pglite: pgliteVersion(), migrations: hash.digest('hex') };
}

function pgliteVersion(): string {
  const pkg = fileURLToPath(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url));
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : 'unknown';
}

function templateIsCurrent(): boolean {
  if (!existsSync(TEMPLATE_STAMP_FILE)) return false;
  return readFileSync(TEMPLATE_STAMP_FILE, 'utf8') === JSON.stringify(currentStamp());
}

/** The template directory, when there is a current one (the database's thread copies it into a new data directory). */
export function templateDir(): string | null {
  return templateIsCurrent() && existsSync(join(TEMPLATE_DIR, 'PG_VERSION')) ? TEMPLATE_DIR : null;
}

let archive: Blob | null | undefined;

/** The template as an archive for an in-memory database, when there is a current one (read once). */
export function templateArchive(): Blob | null {
  if (archive !== undefined) return archive;
  if (!templateIsCurrent() || !existsSync(TEMPLATE_FILE)) return (archive = null);
  // Unpacked here: Node's zlib is several times faster than PGlite's own gunzip.
  return (archive = new Blob([gunzipSync(readFileSync(TEMPLATE_FILE))], { type: 'application/x-tar' }));
}

/** Builds the template directory and archive (run at build time). */
export async function buildTemplate(): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const client = new PGlite(TEMPLATE_DIR);
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(TEMPLATE_STAMP_FILE, JSON.stringify(currentStamp()));
}
