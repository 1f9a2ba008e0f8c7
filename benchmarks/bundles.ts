/** Built front-end sizes, gzipped: what a shop's visitor and an agent download. */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzKb = (files: string[]) => files.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0) / 1024;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export interface BundleSizes {
  loader_gz_kb: number;
  chat_gz_kb: number;
  /** Every script and stylesheet of the dashboard (its whole first load and lazy chunks). */
  dashboard_gz_kb: number;
}

/** Builds first when the widget's files are missing (a fresh checkout). */
export function bundleSizes(root = process.cwd(), log: (s: string) => void = () => {}): BundleSizes {
  const loader = join(root, 'dist/widget/loader.js');
  const chat = join(root, 'dist/widget/chat.js');
  if (!existsSync(loader) || !existsSync(chat)) {
    log('building the front ends (npm run build)…');
    execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const dashboard = walk(join(root, 'dist/dashboard')).filter((f) => /\.(m?js|css)$/.test(f));
  return {
    loader_gz_kb: gzKb([loader]),
    chat_gz_kb: gzKb([chat]),
    dashboard_gz_kb: dashboard.length ? gzKb(dashboard) : Number.NaN,
  };
}
