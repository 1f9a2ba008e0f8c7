// Builds the server for `npm start`: the TypeScript of cli/, server/, db/, engine/, net/, demo/ and
// protocol/ as ES modules, dist/server/chatref.mjs and its chunks. Packages stay in node_modules. Run from
// TypeScript through tsx, a start spent two seconds in tsx's module hooks (Node 20 runs them on a
// thread of their own, one round trip per import); built, it loads as plain JavaScript. Tests and
// `npm run dev` still run the sources through tsx.
//
// Files find their neighbours with `new URL('./x', import.meta.url)` (migrations, word vectors,
// demo content, worker scripts). In the bundle `import.meta.url` would be the bundle's own, so each
// source file's `import.meta.url` is rewritten to its own address, relative to the bundle.
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

export const SERVER_BUNDLE = 'dist/server/chatref.mjs';

/** Each TypeScript source keeps its own `import.meta.url`. */
const ownImportMetaUrl = (outfile) => ({
  name: 'own-import-meta-url',
  setup(b) {
    // Our own sources only (packages are not bundled); .mjs too: scripts that check whether they
    // are the main module compare their import.meta.url with the command's.
    b.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
      if (!code.includes('import.meta.url')) return { contents: code, loader };
      const rel = relative(dirname(outfile), args.path).split('\\').join('/');
      return {
        contents: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader,
      };
    });
  },
});

export async function buildServer() {
  const { build } = await import('esbuild');
  const outfile = resolve(SERVER_BUNDLE);
  const outdir = dirname(outfile);
  // Built aside, then moved in: the chunks have content-hashed names, and the entry is renamed into
  // place last, so a server starting meanwhile never reads half a build.
  const aside = join(outdir, `.build-${process.pid}`);
  await build({
    entryPoints: { [basename(outfile, '.mjs')]: 'cli/main.ts' },
    bundle: true,
    // Each `await import()` its own chunk, packages imported where they are used: `chatref serve`
    // starts the embedded database (server/early.ts) before it loads Fastify and the rest.
    splitting: true,
    outdir: aside,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [ownImportMetaUrl(outfile)],
  });
  mkdirSync(outdir, { recursive: true });
  const built = readdirSync(aside);
  const entry = basename(outfile);
  for (const f of built.filter((f) => f !== entry)) renameSync(join(aside, f), join(outdir, f));
  renameSync(join(aside, entry), outfile);
  rmSync(aside, { recursive: true, force: true });
  // Chunks of earlier builds.
  for (const f of readdirSync(outdir))
    if (f.startsWith('chunk-') && !built.includes(f)) rmSync(join(outdir, f), { force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  await buildServer();
  process.stdout.write(`server built in ${Math.round(performance.now() - t0)} ms (${SERVER_BUNDLE})\n`);
}
