/**
 * linkedom's `parseHTML`, loaded on the first page parsed rather than at start (it takes a few
 * hundred milliseconds to load, and most starts parse no page).
 */
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');

const require = createRequire(import.meta.url);
let linkedom: Linkedom | null = null;

export function parseHTML(html: string): ReturnType<Linkedom['parseHTML']> {
  linkedom ??= require('linkedom') as Linkedom;
  return linkedom.parseHTML(html);
}
