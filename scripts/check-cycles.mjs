// Fails on any import cycle (dpdm, type-only imports included) not listed in known-cycles.json;
// warns about listed cycles that are gone, so the list can be emptied.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [
  'cli/**/*.ts',
  'server/**/*.ts',
  'engine/**/*.ts',
  'protocol/**/*.ts',
  'db/**/*.ts',
  'net/**/*.ts',
  'demo/**/*.ts',
  'scripts/**/*.ts',
  'benchmarks/**/*.ts',
  'tests/**/*.ts',
  'dashboard/src/**/*.{ts,tsx}',
  'widget/src/**/*.{ts,tsx}',
];

/** A cycle's one spelling: rotated to start at its smallest path. */
const key = (cycle) => {
  const i = cycle.indexOf([...cycle].sort()[0]);
  return [...cycle.slice(i), ...cycle.slice(0, i)].join(' -> ');
};

const dir = mkdtempSync(join(tmpdir(), 'chatref-cycles-'));
try {
  const out = join(dir, 'dpdm.json');
  execFileSync(
    join(root, 'node_modules/.bin/dpdm'),
    ['--no-tree', '--no-warning', '--no-circular', '--no-progress', '-o', out, ...SOURCES],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const found = new Map(JSON.parse(readFileSync(out, 'utf8')).circulars.map((c) => [key(c), c]));
  const known = new Set(JSON.parse(readFileSync(join(root, 'scripts/known-cycles.json'), 'utf8')).cycles.map(key));
  const added = [...found.keys()].filter((k) => !known.has(k));
  for (const k of known)
    if (!found.has(k)) process.stderr.write(`gone (remove it from scripts/known-cycles.json): ${k}\n`);
  if (added.length) {
    process.stderr.write(`import cycles not in scripts/known-cycles.json:\n${added.map((k) => `  ${k}\n`).join('')}`);
    process.exit(1);
  }
  process.stdout.write(`no new import cycles (${found.size} known, listed in scripts/known-cycles.json)\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
