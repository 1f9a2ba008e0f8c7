// A thread of the parsing pool behind server/bot/parser.ts: reads one source (parse + chunk,
// within the limits) per task. Plain JavaScript that loads the TypeScript engine through tsx, so
// it runs the same under `npm start`, the tests and the bench. Failures come back as values: a
// thrown error would lose its code crossing threads.
import { register } from 'tsx/esm/api';

register();
const { readSource } = await import('../../engine/ingest/batch.ts');
const { asIngestError } = await import('../../engine/ingest/errors.ts');

export default async function read({ input, opts }) {
  try {
    return { ok: true, result: await readSource(input, opts) };
  } catch (err) {
    const e = asIngestError(err, input.filename);
    return { ok: false, error: { code: e.code, message: e.message } };
  }
}
