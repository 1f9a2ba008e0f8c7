/**
 * Builds the embedded database's template in `dist/db/` (see db/template.ts): a first start copies
 * it instead of running PostgreSQL's initdb in WebAssembly.
 */
import { buildTemplate } from '../db/template';

const started = Date.now();
await buildTemplate();
process.stdout.write(`embedded database template built in ${Date.now() - started} ms\n`);
