import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainSoftmax, type SoftmaxTrainer } from '../../engine';
import type { DatabaseHandle } from '../../db/client';
import { testDatabases } from '../../tests/databases';
import { makeDeps, makeWorkspace } from '../../tests/factories';
import type { Deps } from '../commands/unit';
import { indexBytes, Knowledge } from './knowledge';

const SHOPS = [
  ['How long does shipping take?', 'Orders ship the next working day and arrive in two to four days.'],
  ['Do you sell gift cards?', 'Gift cards from 10 to 500 dollars are sold in store and online.'],
  ['Are you open on Sunday?', 'The shop opens on Sundays from 11 to 5.'],
];

describe.each(testDatabases())('knowledge indexes in bounded memory ($name)', (database) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  const ids: string[] = [];
  let trained = 0;
  const trainer: SoftmaxTrainer = (job) => {
    trained++;
    const m = trainSoftmax(job.xs, job.labels, job.classes, job.features, job.opts);
    return Promise.resolve({ w: m.w, b: m.b });
  };

  beforeAll(async () => {
    handle = await database.open();
    deps = makeDeps(handle.db);
    const setup = new Knowledge(deps, undefined, {}, trainer);
    for (const [question, answer] of SHOPS) {
      const id = (await makeWorkspace(deps)).workspace.id;
      await setup.addSource(id, { kind: 'qa', question, answer });
      await setup.addSource(id, { kind: 'qa', question: 'Can I pay by card?', answer: 'Every card is taken.' });
      ids.push(id);
    }
  }, 120_000);
  afterAll(() => handle?.close());

  it('keeps only what the bound holds, and a dropped index loads again on use, without retraining', async () => {
    // Room for two of these small indexes, not three.
    const probe = new Knowledge(deps, undefined, {}, trainer);
    await probe.answer(ids[0], SHOPS[0][0], null);
    const one = probe.loaded().bytes;
    // Its classifier's weights are counted too.
    expect(one).toBeGreaterThan(indexBytes(await probe.index(ids[0])));
    const knowledge = new Knowledge(deps, undefined, {}, trainer, null, undefined, {
      maxMb: (one * 2.5) / (1024 * 1024),
      idleMs: 0,
    });
    const ask = async (i: number) => (await knowledge.answer(ids[i], SHOPS[i][0], null)).text;

    const first = [await ask(0), await ask(1)];
    expect(knowledge.loaded().workspaces).toBe(2);
    await ask(2);
    // The least recently used (shop 0) went; memory stays within the bound.
    expect(knowledge.loaded().workspaces).toBe(2);
    expect(knowledge.loaded().bytes).toBeLessThanOrEqual(one * 2.5);
    const trainedBefore = trained;
    // Shop 0 asks again: its index is built from the database and answers as before.
    expect(await ask(0)).toBe(first[0]);
    expect(first[0]).toContain('two to four days');
    expect(knowledge.loaded().workspaces).toBe(2);
    // Its classifier came from the stored model, not a new training.
    expect(trained).toBe(trainedBefore);
    // And shop 1, used before shop 2, is the one dropped this time.
    expect(await ask(1)).toBe(first[1]);
  }, 120_000);

  it('answers from every shop when they outnumber what memory holds', async () => {
    const knowledge = new Knowledge(deps, undefined, {}, trainer, null, undefined, { maxMb: 0.01, idleMs: 0 });
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < SHOPS.length; i++)
        expect((await knowledge.answer(ids[i], SHOPS[i][0], null)).text).toContain(SHOPS[i][1].slice(0, 20));
    // A bound smaller than one index keeps one (the last used), never none.
    expect(knowledge.loaded().workspaces).toBe(1);
  }, 120_000);

  it("answers at once while it checks for another instance's changes, and finds them", async () => {
    const id = (await makeWorkspace(deps)).workspace.id;
    const checkMs = 50;
    const here = new Knowledge(deps, undefined, {}, trainer, null, undefined, { maxMb: 512, idleMs: 0, checkMs });
    const elsewhere = new Knowledge(deps, undefined, {}, trainer);
    await elsewhere.addSource(id, { kind: 'qa', question: SHOPS[0][0], answer: SHOPS[0][1] });
    expect((await here.answer(id, 'Do you sell gift cards?', 0.5)).abstained).toBe(true);
    expect(here.answersAtOnce(id, 0.5)).toBe(true);
    await elsewhere.addSource(id, { kind: 'qa', question: SHOPS[1][0], answer: SHOPS[1][1] });
    await new Promise((resolve) => setTimeout(resolve, checkMs * 2));
    // Due for its check: still answers now (no message waits on the read), and the check starts.
    expect(here.answersAtOnce(id, 0.5)).toBe(true);
    for (let i = 0; i < 100 && here.answersAtOnce(id, 0.5); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    // The check found the change: the index is read again before the next answer.
    expect(here.answersAtOnce(id, 0.5)).toBe(false);
    expect((await here.answer(id, 'Do you sell gift cards?', 0.5)).text).toContain('Gift cards');
  }, 120_000);
});
