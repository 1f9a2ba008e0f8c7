/** Runs `chatref serve` as a real child process and waits for it to print its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  output: () => string;
  child: ChildProcess;
  dataDir: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const tempDir = (prefix = 'chatref-'): string => mkdtempSync(join(tmpdir(), prefix));

/** What a server process runs: the TypeScript sources through tsx, or the bundle `npm start` runs. */
const ENTRY = { source: 'bin/chatref.js', built: 'dist/server/chatref.mjs' } as const;

export async function startServerProcess(
  env: Record<string, string> = {},
  timeoutMs = 60_000,
  entry: keyof typeof ENTRY = 'source',
): Promise<ServerProcess> {
  const dataDir = env.CHATREF_DATA_DIR ?? tempDir();
  const child = spawn(process.execPath, [ENTRY[entry], 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CHATREF_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /Dashboard:\s+(http:\/\/[^\s]+)\/app/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    dataDir,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
