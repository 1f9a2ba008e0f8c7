/**
 * The compact word-vector file: a vocabulary subset of GloVe 100-d, each vector Int8-quantised
 * with its own scale. Little-endian layout:
 *   magic "CRWV0001" · u32 count · u32 dim · u32 wordBytes · words (UTF-8, '\n'-joined)
 *   · padding to 4 · u32 rank[count] (position in the source's frequency order)
 *   · f32 scale[count] · i8 value[count × dim]
 */
export const MAGIC = 'CRWV0001';

export interface PackedVectors {
  words: string[];
  dim: number;
  /** Frequency rank in the source vocabulary (0 = most frequent). */
  ranks: Uint32Array;
  scales: Float32Array;
  values: Int8Array;
}

/** Serialises vectors into the layout above. */
export function pack(p: PackedVectors): Buffer {
  const wordBytes = Buffer.from(p.words.join('\n'), 'utf8');
  const count = p.words.length;
  const headerLen = 8 + 12;
  const pad = (4 - ((headerLen + wordBytes.length) % 4)) % 4;
  const total = headerLen + wordBytes.length + pad + count * 8 + count * p.dim;
  const buf = Buffer.alloc(total);
  buf.write(MAGIC, 0, 'ascii');
  buf.writeUInt32LE(count, 8);
  buf.writeUInt32LE(p.dim, 12);
  buf.writeUInt32LE(wordBytes.length, 16);
  wordBytes.copy(buf, headerLen);
  let off = headerLen + wordBytes.length + pad;
  for (let i = 0; i < count; i++, off += 4) buf.writeUInt32LE(p.ranks[i], off);
  for (let i = 0; i < count; i++, off += 4) buf.writeFloatLE(p.scales[i], off);
  Buffer.from(p.values.buffer, p.values.byteOffset, p.values.byteLength).copy(buf, off);
  return buf;
}

/** Reads the layout above; typed arrays are copies so they are aligned whatever the buffer. */
export function unpack(buf: Buffer): PackedVectors {
  if (buf.toString('ascii', 0, 8) !== MAGIC) throw new Error('not a Chatref word-vector file');
  const count = buf.readUInt32LE(8);
  const dim = buf.readUInt32LE(12);
  const wordLen = buf.readUInt32LE(16);
  const words = buf.toString('utf8', 20, 20 + wordLen).split('\n');
  if (words.length !== count) throw new Error('word-vector file is corrupt');
  let off = 20 + wordLen;
  off += (4 - (off % 4)) % 4;
  const ranks = new Uint32Array(count);
  for (let i = 0; i < count; i++, off += 4) ranks[i] = buf.readUInt32LE(off);
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++, off += 4) scales[i] = buf.readFloatLE(off);
  const values = new Int8Array(count * dim);
  values.set(new Int8Array(buf.buffer, buf.byteOffset + off, count * dim));
  return { words, dim, ranks, scales, values };
}
