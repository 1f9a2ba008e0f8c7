// Builds what a start needs when it is missing (e.g. after `npm ci --ignore-scripts`) or older than
// its sources: the front ends, the database template and the server bundle, so `npm start` and the
// browser tests never run yesterday's code (a pull or a merge changes sources, not dist/).
// `npm start` and `npm test` run this first.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { buildServer, SERVER_BUNDLE } from './build-server.mjs';

const FRONT_ENDS_AND_TEMPLATE = [
  'dist/widget/loader.js',
  'dist/widget/chat.js',
  'dist/dashboard/index.html',
  'dist/db/template.tar.gz',
];
const SERVER_SOURCES = ['cli', 'server', 'db', 'engine', 'net', 'demo', 'protocol'];

/** Each built part after the first build: what it is built from, and the command that builds it. */
const PARTS = [
  { output: 'dist/widget/chat.js', sources: ['widget/src', 'protocol'], script: 'build:widget' },
  {
    output: 'dist/dashboard/index.html',
    sources: ['dashboard/src', 'dashboard/index.html', 'protocol'],
    script: 'build:dashboard',
  },
  { output: 'dist/db/template.tar.gz', sources: ['db/migrations'], script: 'build:db' },
];

/** The newest modification time of the source files (TypeScript, CSS, HTML, SQL) under `path`. */
function newestSource(path, ext = /\.(tsx?|css|html|sql|json)$/) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return ext.test(path) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true }))
    newest = Math.max(newest, newestSource(join(path, entry.name), ext));
  return newest;
}

/** The newest modification time of the TypeScript files under `dir`. */
function newestTs(dir) {
  return newestSource(dir, /\.ts$/);
}

/**
 * Builds for production whatever started this: `npm test` runs with NODE_ENV=test, which Vite
 * would otherwise pass on to React, and `npm start` would serve its development build.
 */
const BUILD = { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } };

export async function ensureBuilt() {
  if (!FRONT_ENDS_AND_TEMPLATE.every((f) => existsSync(f))) {
    process.stdout.write('Building the front ends (first start)…\n');
    execSync('npm run build', BUILD);
    return;
  }
  for (const part of PARTS) {
    const built = statSync(part.output).mtimeMs;
    if (part.sources.some((src) => newestSource(src) > built)) {
      process.stdout.write(`Rebuilding ${part.output} (its sources changed)…\n`);
      execSync(`npm run ${part.script}`, BUILD);
    }
  }
  const built = existsSync(SERVER_BUNDLE) ? statSync(SERVER_BUNDLE).mtimeMs : 0;
  if (SERVER_SOURCES.some((dir) => newestTs(dir) > built)) await buildServer();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await ensureBuilt();
