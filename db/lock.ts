/**
 * One process per embedded data directory. PGlite has no lock of its own: two servers on one
 * folder both ran, each missing the other's writes, and a restart lost one side's data. The
 * directory is locked with proper-lockfile (an atomic mkdir, kept fresh while held, taken over
 * once stale) and the lock records its holder's PID, so a holder that was killed does not block
 * a restart for the stale period: a lock whose process is gone is taken over at once.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** The data directory cannot be used: another process holds it, or it cannot be written. */
export class DataDirError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataDirError';
  }
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

const LOCK = 'chatref.lock';
/** Held by this process (a second open here would otherwise look like its own stale lock). */
const held = new Set<string>();

const PERMISSION = new Set(['EACCES', 'EPERM', 'EROFS']);

function permissionError(dataDir: string, err: unknown, doing: string): DataDirError | null {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  if (!PERMISSION.has(code)) return null;
  const why = code === 'EROFS' ? 'it is on a read-only file system' : 'permission denied';
  const uid = typeof process.getuid === 'function' ? ` (this process runs as uid ${process.getuid()})` : '';
  return new DataDirError(
    `Cannot ${doing} the data directory ${dataDir}: ${why} [${code}]${uid}. ` +
      'Give this user read and write access to it (and everything in it), or set CHATREF_DATA_DIR to a folder it can write.',
    { cause: err },
  );
}

/** Whether a process with this PID is running (EPERM: it is, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(join(lockPath, 'owner.json'), 'utf8')) as Owner;
    return Number.isInteger(o.pid) ? o : null;
  } catch {
    return null;
  }
}

function inUse(dataDir: string, owner: Owner | null): DataDirError {
  const who = owner
    ? `another Chatref process (PID ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}, since ${owner.since})`
    : 'another Chatref process';
  return new DataDirError(
    `The data directory ${dataDir} is in use by ${who}. One process at a time can use an embedded ` +
      'database: stop that one first, or run several instances on PostgreSQL (set DATABASE_URL).',
  );
}

/**
 * Creates (if needed) and locks the data directory; resolves to the release function. Throws
 * DataDirError naming the holder's PID when another live process has it, or naming the permission
 * problem when it cannot be created or written. `onCompromised` is told if the lock is lost later.
 */
export async function lockDataDir(
  dataDir: string,
  onCompromised: (err: Error) => void = () => {},
): Promise<() => Promise<void>> {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
    // A directory written by another user: PostgreSQL's files must be ours to read and write too.
    for (const f of ['PG_VERSION', 'base', 'global'])
      if (existsSync(join(dataDir, f))) accessSync(join(dataDir, f), constants.R_OK | constants.W_OK);
  } catch (err) {
    throw permissionError(dataDir, err, 'use') ?? err;
  }
  if (held.has(dataDir)) throw inUse(dataDir, { pid: process.pid, host: hostname(), since: 'earlier' });
  const lockPath = join(dataDir, LOCK);
  const take = () =>
    lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      // Kept fresh every 10 s; a lock not refreshed for 60 s (its holder frozen or gone) is stale.
      stale: 60_000,
      update: 10_000,
      retries: 0,
      onCompromised: (err) => {
        held.delete(dataDir);
        onCompromised(err);
      },
    });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw permissionError(dataDir, err, 'lock') ?? err;
    const owner = readOwner(lockPath);
    // The holder is gone (killed, crashed): its lock is taken over now, not after the stale period.
    // Only a PID of this host says anything; a lock from another host waits for staleness.
    if (!owner || owner.host !== hostname() || (alive(owner.pid) && owner.pid !== process.pid))
      throw inUse(dataDir, owner);
    rmSync(lockPath, { recursive: true, force: true });
    try {
      release = await take();
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw inUse(dataDir, readOwner(lockPath));
      throw again;
    }
  }
  const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // The lock's mtime is how proper-lockfile knows the lock is still its own: kept as it was.
  const { mtime } = statSync(lockPath);
  writeFileSync(join(lockPath, 'owner.json'), JSON.stringify(owner));
  utimesSync(lockPath, mtime, mtime);
  held.add(dataDir);
  return async () => {
    held.delete(dataDir);
    // proper-lockfile removes the lock with rmdir: it must be empty.
    rmSync(join(lockPath, 'owner.json'), { force: true });
    await release().catch(() => {});
  };
}
