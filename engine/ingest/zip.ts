/**
 * A look inside a zip (DOCX) before a library inflates it: the sizes its directory declares, then
 * the sizes its entries really inflate to (streamed and counted, never held), so a small file
 * that unpacks to gigabytes is refused without the gigabytes ever being in memory.
 */
import { createInflateRaw } from 'node:zlib';
import { IngestError } from './errors';
import { tooLargeUnpacked } from './limits';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Sizes of 0xFFFFFFFF mean zip64: entries of 4 GB and more, never a shop's document. */
const ZIP64 = 0xffffffff;

function corrupt(filename: string, why: string): IngestError {
  return new IngestError('CORRUPT_FILE', `${filename} is not a readable Word document (${why})`, filename);
}

/** The central directory's entries. */
function entriesOf(bytes: Uint8Array, filename: string): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is within the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt(filename, 'no zip directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw corrupt(filename, 'a broken zip directory');
    const nameLength = view.getUint16(at + 28, true);
    out.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Bytes a deflated stream inflates to, counted up to just past `cap`. */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw();
    let n = 0;
    z.on('data', (c: Buffer) => {
      n += c.length;
      if (n > cap) {
        z.destroy();
        resolve(n);
      }
    });
    z.on('end', () => resolve(n));
    z.on('error', reject);
    z.end(data);
  });
}

/**
 * Throws TOO_LARGE_UNPACKED when the zip's entries declare, or really inflate to, more than
 * `maxBytes` together; CORRUPT_FILE when it is not a zip that can be read.
 */
export async function checkZipSize(bytes: Uint8Array, filename: string, maxBytes: number): Promise<void> {
  const entries = entriesOf(bytes, filename);
  let declared = 0;
  for (const e of entries) {
    if (e.declaredSize === ZIP64 || e.compressedSize === ZIP64)
      throw tooLargeUnpacked(filename, 2 ** 32, maxBytes, false);
    declared += e.declaredSize;
  }
  if (declared > maxBytes) throw tooLargeUnpacked(filename, declared, maxBytes, true);
  // The declared sizes may lie: inflate each entry, counting, within what is left of the budget.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let actual = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
      throw corrupt(filename, `a broken entry ${e.name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) actual += data.length;
    else if (e.method === 8) {
      try {
        actual += await inflatedSize(data, maxBytes - actual);
      } catch (err) {
        throw corrupt(filename, `entry ${e.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else throw corrupt(filename, `entry ${e.name} uses compression method ${e.method}`);
    if (actual > maxBytes) throw tooLargeUnpacked(filename, actual, maxBytes, false);
  }
}
