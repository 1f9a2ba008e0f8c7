/**
 * The installable dashboard's icons, drawn here rather than kept as binary files (like the
 * favicon): a white chat bubble on the accent colour, full-bleed so it also serves as a maskable
 * icon (the bubble stays inside the central 60 % safe zone). Encoded as an RGBA PNG with zlib.
 */
import { deflateSync } from 'node:zlib';

const ACCENT = [0xb4, 0x46, 0x2b]; // --accent in dashboard/src/styles/base.css

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes `rgba` (width × height × 4 bytes, rows top-down) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Is (u, v), in units of the icon's side, inside the bubble (a rounded box with a tail)? */
function inBubble(u: number, v: number): boolean {
  const [x0, y0, x1, y1, r] = [0.26, 0.28, 0.74, 0.62, 0.08];
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  if (u >= x0 && u <= x1 && v >= y0 && v <= y1 && (u - cx) ** 2 + (v - cy) ** 2 <= r * r) return true;
  // The tail: a triangle under the bubble's left side.
  return v > y1 - 0.01 && v < 0.74 && u > 0.34 && u < 0.34 + (0.74 - v) * 1.1 && u < 0.46;
}

/** Is (u, v) on one of the two text lines drawn inside the bubble? */
function onLine(u: number, v: number): boolean {
  return (v > 0.39 && v < 0.43 && u > 0.34 && u < 0.66) || (v > 0.48 && v < 0.52 && u > 0.34 && u < 0.56);
}

/** The app icon at `size` pixels square, 2×2 supersampled. */
export function appIcon(size: number): Buffer {
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let white = 0;
      for (const [dx, dy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ]) {
        const u = (x + dx) / size;
        const v = (y + dy) / size;
        if (inBubble(u, v) && !onLine(u, v)) white++;
      }
      const t = white / 4;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(ACCENT[c] * (1 - t) + 255 * t);
      px[i + 3] = 255;
    }
  return encodePng(size, size, px);
}
