/**
 * Starts a baseline server as a child process: the bare Socket.IO echo (echo-server.ts) or, with
 * `store`, the store-and-echo anchor (store-echo-server.ts) on that store's environment.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./echo-server.ts', import.meta.url));
const STORE_SERVER = fileURLToPath(new URL('./store-echo-server.ts', import.meta.url));

export async function startEchoServer(
  store?: Record<string, string>,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', store ? STORE_SERVER : SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(store ?? {}) },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => (clearTimeout(kill), resolve()));
      child.kill('SIGTERM');
    });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the echo server did not start in 60 s')), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the echo server exited with ${code}`))));
    });
    return { url, pid: child.pid!, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
