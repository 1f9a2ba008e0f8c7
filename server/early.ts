/**
 * The first thing `chatref serve` does: start opening the embedded database in its thread, so
 * PostgreSQL starts there while the server's modules load here (about a second of a start). Only
 * light imports here; the server itself is loaded after.
 */
import { openDataDir, type PGliteThread } from '../db/pglite-thread';
import { loadConfig, type Config } from './config';

/** Null with PostgreSQL, or when the configuration is invalid (`startServer` then says what is wrong). */
export function openEarly(env: NodeJS.ProcessEnv = process.env): Promise<PGliteThread> | null {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch {
    return null;
  }
  if (config.database.driver !== 'pglite') return null;
  const opening = openDataDir(config.database.dataDir);
  // A failure is reported when the server awaits it, not as an unhandled rejection before.
  opening.catch(() => {});
  return opening;
}
