/**
 * DOCX to blocks: mammoth turns Word's structure (Heading 1..6 styles, lists, tables) into
 * HTML, which is then read like any page's content.
 */
import { parseHTML } from './dom';
import { IngestError } from './errors';
import { domToBlocks } from './html';
import { DEFAULT_PARSE_LIMITS } from './limits';
import type { ParsedDocument } from './types';
import { checkZipSize } from './zip';

/**
 * Parses a .docx file; throws CORRUPT_FILE when it is not a readable Word document, and
 * TOO_LARGE_UNPACKED when it inflates to more than `maxInflatedBytes` (checked before mammoth
 * inflates anything).
 */
export async function parseDocx(
  bytes: Uint8Array,
  fallbackTitle: string,
  filename = fallbackTitle,
  maxInflatedBytes = DEFAULT_PARSE_LIMITS.maxInflatedBytes,
): Promise<ParsedDocument> {
  await checkZipSize(bytes, filename, maxInflatedBytes);
  let html: string;
  try {
    // Loaded on the first DOCX, not at start.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Pictures are not knowledge: not read, not inlined as base64.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    throw new IngestError(
      'CORRUPT_FILE',
      `${filename} is not a readable Word document (${err instanceof Error ? err.message : String(err)})`,
      filename,
      { cause: err },
    );
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = domToBlocks(document.body as unknown as Parameters<typeof domToBlocks>[0]);
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  return { title: h1 && h1.kind === 'heading' ? h1.text : fallbackTitle, format: 'docx', blocks };
}
