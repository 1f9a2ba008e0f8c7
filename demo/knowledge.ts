/** Loads the demo shop's pages (Markdown, HTML, a PDF and a Q&A CSV) into its knowledge. */
import { readdirSync, readFileSync } from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../server/bot/knowledge';

const CONTENT = fileURLToPath(new URL('./content', import.meta.url));

export async function loadDemoKnowledge(knowledge: Knowledge, workspaceId: string): Promise<void> {
  const files = readdirSync(CONTENT)
    .filter((f) => /\.(md|html|pdf|csv|txt|docx)$/.test(f))
    .sort();
  for (const name of files) {
    await yieldToLoop(); // let requests in between files (see demo/history.ts)
    await knowledge.addSource(workspaceId, { kind: 'file', name, bytes: readFileSync(join(CONTENT, name)) });
  }
}
