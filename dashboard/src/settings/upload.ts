/**
 * Uploading knowledge files one by one: what was added, and what was not with why, by file name.
 * The dashboard may import protocol/ only, so the server's limits are repeated here, each with where
 * it comes from.
 */
import { ApiError, errorMessage } from '../api';
import { sourceProblem } from '../lib/format';
import type { Source } from '../types';

/** The largest file the server takes: MAX_UPLOAD_BYTES in server/routes/knowledge.ts (and the engine's DEFAULT_MAX_BYTES). */
export const MAX_UPLOAD_MB = 20;
const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/** The extensions the engine reads a file by (BY_EXTENSION in engine/ingest/parse.ts), for the file picker. */
export const UPLOAD_EXTENSIONS = [
  '.md',
  '.markdown',
  '.mdx',
  '.txt',
  '.text',
  '.html',
  '.htm',
  '.xhtml',
  '.pdf',
  '.docx',
  '.csv',
  '.tsv',
];

export interface UploadResult {
  added: string[];
  failed: { name: string; message: string }[];
}

/**
 * Sends each file in turn (`onFile` before each, for progress); a file over the limit is not sent.
 * The server reads a file before it answers: a file it could not read comes back as a source in
 * error, and is not added either. One file's failure does not stop the others.
 */
export async function uploadEach(
  files: File[],
  send: (file: File) => Promise<Pick<Source, 'status' | 'error'>>,
  onFile: (file: File, index: number) => void = () => undefined,
): Promise<UploadResult> {
  const result: UploadResult = { added: [], failed: [] };
  for (const [i, f] of files.entries()) {
    if (f.size > MAX_UPLOAD_BYTES) {
      result.failed.push({ name: f.name, message: tooLarge(f.name) });
      continue;
    }
    onFile(f, i);
    try {
      const source = await send(f);
      // Worded as the Sources list words it: the file named once, the code (for API clients) left out.
      if (source.status === 'error') result.failed.push({ name: f.name, message: sourceProblem(f.name, source.error) });
      else result.added.push(f.name);
    } catch (err) {
      result.failed.push({ name: f.name, message: failureMessage(f.name, err) });
    }
  }
  return result;
}

/** "Added 2 files." for what the server took; nothing when none was. */
export function addedText(result: UploadResult): string | null {
  const n = result.added.length;
  return n ? `Added ${n} file${n === 1 ? '' : 's'}.` : null;
}

const tooLarge = (name: string) => `${name} is larger than ${MAX_UPLOAD_MB} MB`;

/** Why a file was not added, naming it once. */
function failureMessage(name: string, err: unknown): string {
  // Our server's own 413 (a proxy in front may refuse at a smaller size, and says so in its own way).
  if (err instanceof ApiError && err.code === 'payload_too_large') return tooLarge(name);
  if (err instanceof ApiError && err.status === 413) return `${name} is too large for the server to accept`;
  return naming(name, err instanceof ApiError ? err.message : errorMessage(err));
}

/** The engine's messages name the file already ("notes.zip is an archive…"); others get its name first. */
function naming(name: string, message: string | null): string {
  if (!message) return `${name} could not be read`;
  return message.startsWith(name) ? message : `${name}: ${message}`;
}
