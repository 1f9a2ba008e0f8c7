// Builds what a start needs when it is missing (e.g. after `npm ci --ignore-scripts`): the front
// ends and the database template; and the server bundle when missing or older than its sources,
// so `npm start` never runs yesterday's code. `npm start` and `npm test` run this first.
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

/** The newest modification time of the TypeScript files under `dir`. */
function newestTs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export async function ensureBuilt() {
  if (!FRONT_ENDS_AND_TEMPLATE.every((f) => existsSync(f))) {
    process.stdout.write('Building the front ends (first start)…\n');
    execSync('npm run build', { stdio: 'inherit' });
    return;
  }
  const built = existsSync(SERVER_BUNDLE) ? statSync(SERVER_BUNDLE).mtimeMs : 0;
  if (SERVER_SOURCES.some((dir) => newestTs(dir) > built)) await buildServer();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await ensureBuilt();
