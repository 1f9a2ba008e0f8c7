/** A source that cannot be read or stored fails with a message for the owner, never the SQL behind it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { makeDeps, makeWorkspace } from '../../tests/factories';
import type { Deps } from '../commands/unit';
import { Knowledge } from './knowledge';

describe('knowledge sources that fail', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let knowledge: Knowledge;
  let workspaceId: string;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    knowledge = new Knowledge(deps);
    workspaceId = (await makeWorkspace(deps)).workspace.id;
  });
  afterAll(() => handle?.close());

  it('reads a UTF-16 text file (Notepad\'s "Unicode") as text', async () => {
    const text = '\ufeffGift wrapping costs $3 and every order can have it.';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], i * 2);
    const source = await knowledge.addSource(workspaceId, { kind: 'file', name: 'wrapping.txt', bytes });
    expect(source).toMatchObject({ status: 'ready', error: null });
  });

  it('says a database error happened without the statement or the text it held', async () => {
    // No file decodes to a NUL any more; a Q&A entry typed through the API is refused before
    // here. Stored directly, the database refuses it, as it would any statement that fails.
    const source = await knowledge.addSource(workspaceId, {
      kind: 'qa',
      question: 'Do you wrap gifts?',
      answer: 'Yes, for $3.\u0000',
    });
    expect(source.status).toBe('error');
    expect(source.error).toMatch(/database error/);
    expect(source.error).not.toMatch(/insert|Failed query|\$3/i);
  });
});
