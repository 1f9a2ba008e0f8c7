/**
 * Hostile files, generated for tests (never committed): a PDF of many pages, a zip-bomb DOCX,
 * PDFs whose page tree is cyclic or nested very deep. Test support only.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF of `pages` pages, a line of text on each (10,000 pages: about 3 MB). */
export async function makeManyPagesPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    pdf.addPage([300, 200]).drawText(`Page ${i} of the catalogue.`, { x: 20, y: 150, size: 12, font });
  return pdf.save();
}

/** A PDF assembled from numbered objects, with a correct cross-reference table. */
function rawPdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A PDF whose page tree loops: the pages node's kid is a node whose kid is the first again. */
export function makeCyclicPdf(): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
    '<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 /Parent 2 0 R >>',
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 300 200] >>',
  ]);
}

/**
 * A PDF nested `depth` levels deep twice over: a page tree of that depth, and a dictionary of that
 * depth in the page's resources.
 */
export function makeDeepPdf(depth: number): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let i = 0; i < depth; i++) {
    const self = objects.length + 1;
    const kid = self + 1;
    objects.push(`<< /Type /Pages /Kids [${kid} 0 R] /Count 1${i ? ` /Parent ${self - 1} 0 R` : ''} >>`);
  }
  const deep = '<< /A '.repeat(depth) + '1' + ' >>'.repeat(depth);
  objects.push(`<< /Type /Page /Parent ${objects.length} 0 R /MediaBox [0 0 300 200] /Resources ${deep} >>`);
  return rawPdf(objects);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOC_TAIL = '</w:body></w:document>';

interface ZipEntry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function zip(entries: ZipEntry[], declare: (e: ZipEntry) => number): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declare(e), 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(declare(e), 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, end]));
}

const small = (name: string, text: string): ZipEntry => {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
};

/**
 * A valid DOCX whose document.xml inflates to about `bytes` (1 GiB fits in under 4 MB). The
 * deflate stream is built, not computed over the gigabyte: each part is compressed on its own and
 * ended with a full flush (which resets the dictionary), so one compressed megabyte of paragraphs
 * can be repeated. With `lie`, the zip declares every entry's size as 1 KB.
 */
export function makeZipBombDocx(bytes: number, opts: { lie?: boolean } = {}): Uint8Array {
  const para = '<w:p><w:r><w:t>Every guitar ships in a hard case, insured. </w:t></w:r></w:p>';
  const block = Buffer.from(para.repeat(Math.ceil(1048576 / para.length)));
  const repeats = Math.max(1, Math.round((bytes - DOC_HEAD.length - DOC_TAIL.length) / block.length));
  const full = { finishFlush: constants.Z_FULL_FLUSH };
  const head = Buffer.from(DOC_HEAD);
  const tail = Buffer.from(DOC_TAIL);
  const packedBlock = deflateRawSync(block, full);
  const packed = Buffer.concat([
    deflateRawSync(head, full),
    ...Array.from({ length: repeats }, () => packedBlock),
    deflateRawSync(tail),
  ]);
  let crc = crc32(head);
  for (let i = 0; i < repeats; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  const size = head.length + repeats * block.length + tail.length;
  return zip(
    [
      small('[Content_Types].xml', CONTENT_TYPES),
      small('_rels/.rels', RELS),
      { name: 'word/document.xml', data: packed, crc, size },
    ],
    (e) => (opts.lie ? 1024 : e.size),
  );
}
