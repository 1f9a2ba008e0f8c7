/**
 * The favicon every page asks for (/favicon.ico), drawn here rather than kept as a binary file:
 * a 16×16 chat bubble in the dashboard's accent colour, as a one-image ICO (32-bit BMP inside).
 */
const PIXELS = [
  '................',
  '..############..',
  '.##############.',
  '.##############.',
  '.###wwwwwwww###.',
  '.##############.',
  '.###wwwwww#####.',
  '.##############.',
  '.##############.',
  '..############..',
  '...####.........',
  '...###..........',
  '...##...........',
  '...#............',
  '................',
  '................',
];
const ACCENT = [0xb4, 0x46, 0x2b]; // --accent in dashboard/src/styles/base.css

function ico(): Buffer {
  const size = 16;
  const xor = Buffer.alloc(size * size * 4);
  // BMP rows run bottom-up, pixels as B, G, R, A.
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const o = ((size - 1 - y) * size + x) * 4;
      const c = PIXELS[y][x];
      if (c === '#') xor.set([ACCENT[2], ACCENT[1], ACCENT[0], 0xff], o);
      else if (c === 'w') xor.set([0xff, 0xff, 0xff, 0xff], o); // the bubble's lines of text
    }
  const and = Buffer.alloc(size * 4); // 1-bit mask rows padded to 4 bytes; alpha already says it
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(xor.length + and.length, 20);
  const image = Buffer.concat([header, xor, and]);
  const dir = Buffer.alloc(6 + 16);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(1, 4); // one image
  dir.writeUInt8(size, 6);
  dir.writeUInt8(size, 7);
  dir.writeUInt16LE(1, 10);
  dir.writeUInt16LE(32, 12);
  dir.writeUInt32LE(image.length, 14);
  dir.writeUInt32LE(dir.length, 18);
  return Buffer.concat([dir, image]);
}

export const FAVICON = ico();
