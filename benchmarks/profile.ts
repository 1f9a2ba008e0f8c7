/**
 * Where the server's time goes under the bench's load: run the bench with
 * `CHATREF_BENCH_PROFILE=/some/dir` (the server processes then write V8 CPU profiles there), then
 * `npx tsx benchmarks/profile.ts /some/dir` prints self time grouped by package / project folder,
 * and the hottest functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@scope/pkg`, `node_modules/pkg`, a project folder (`server/realtime`), or a V8 bucket. */
export function groupOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return `(${functionName || 'native'})`;
  const nm = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node internals';
  const project = /\/(server|engine|db|protocol|demo|cli)\/([^/]+\/)?/.exec(url);
  return project ? `${project[1]}/${project[2]?.replace(/\/$/, '') ?? ''}` : url;
}

export function summarize(profile: CpuProfile): {
  total: number;
  groups: Map<string, number>;
  functions: Map<string, number>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += dt;
    const g = groupOf(node.callFrame);
    groups.set(g, (groups.get(g) ?? 0) + dt);
    const f = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules|main|snap)\//, '')}:${node.callFrame.lineNumber + 1}`;
    functions.set(f, (functions.get(f) ?? 0) + dt);
  });
  return { total, groups, functions };
}

function print(title: string, map: Map<string, number>, total: number, n: number) {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    process.stdout.write(
      `${((100 * v) / total).toFixed(1).padStart(6)}%  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}\n`,
    );
  }
}

if (process.argv[1]?.endsWith('profile.ts')) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx benchmarks/profile.ts <dir with .cpuprofile files>');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const s = summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
    process.stdout.write(`\n== ${file}: ${(s.total / 1e6).toFixed(1)} s sampled\n`);
    print('self time by package / folder', s.groups, s.total, 15);
    print('hottest functions (self time)', s.functions, s.total, 15);
  }
}
