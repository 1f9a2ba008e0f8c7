import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evalShop, loadShop, summarizeShop, type QuestionResult, type ShopSummary } from './shops';

/** A tiny shop written by the test: two documents, two tags, five questions. */
function tinyShop(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chatref-shop-'));
  mkdirSync(join(dir, 'content'));
  writeFileSync(
    join(dir, 'content', 'shipping.md'),
    '# Shipping\n\n## Delivery times\n\nOrders leave our bakery within one business day and arrive in 2 to 4 business days anywhere in the United States.\n\n## Shipping costs\n\nStandard shipping is $6 per order and free on orders over $40.\n',
  );
  writeFileSync(
    join(dir, 'content', 'faq.csv'),
    'question,answer\nDo you sell gift cards?,"Yes, e-gift cards from $10 to $100, emailed right away."\nWhere can I get help?,"Write to us for help: we reply within a day."\n',
  );
  writeFileSync(join(dir, 'content', 'notes.ts'), 'export {};\n');
  writeFileSync(
    join(dir, 'tags.json'),
    JSON.stringify([
      {
        name: 'Wedding cakes',
        description: 'Custom wedding and event cakes that need a quote',
        examples: ['Can you make our wedding cake?', 'Quote for a three tier cake for 120 guests'],
        needsHuman: true,
      },
      { name: 'Shipping', description: 'Delivery', examples: ['How long does shipping take?'] },
    ]),
  );
  const rows = [
    { q: 'How much is standard shipping?', expect: 'answer', sources: ['shipping.md'] },
    { q: 'Can I talk to a person please?', expect: 'handoff' },
    { q: 'what is the capital of peru', expect: 'abstain' },
    { q: 'gift card?', expect: 'answer|abstain', sources: ['faq.csv'] },
    { q: 'thanks so much for your help!', expect: 'abstain' },
  ];
  writeFileSync(join(dir, 'questions.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return dir;
}

const KEYS = [
  'n',
  'answerable',
  'answered_right',
  'answer_recall',
  'confident_wrong',
  'abstain_right',
  'handoff_right',
  'needless_handoffs',
];

describe('eval shop', () => {
  it('ingests the documents an upload accepts and skips the rest', async () => {
    const shop = await loadShop(tinyShop());
    expect(new Set(shop.chunks.map((c) => c.sourceId))).toEqual(new Set(['shipping.md', 'faq.csv']));
    expect(shop.skipped.map((s) => s.file)).toEqual(['notes.ts']);
    expect(shop.questions[3].expect).toEqual(['answer', 'abstain']);
  });

  it('answers a clearly answerable question from the right document and hands a person request off', async () => {
    const { summary, results } = await evalShop(tinyShop());
    for (const k of KEYS) expect(summary).toHaveProperty(k);
    const shipping = results.find((r) => r.q.startsWith('How much'))!;
    expect(shipping).toMatchObject({ outcome: 'answer', right: true });
    expect(shipping.cited[0]).toBe('shipping.md');
    expect(results.find((r) => r.q.startsWith('Can I talk'))).toMatchObject({
      outcome: 'handoff',
      reason: 'customer_request',
    });
    expect(summary).toMatchObject({ n: 5, answerable: 2, handoff_right: 1, needless_handoffs: 0 });
  });

  it('judges the section an answer quotes when the question names it', async () => {
    const dir = tinyShop();
    const rows = [
      { q: 'How much is standard shipping?', expect: 'answer', sources: ['shipping.md'], section: 'Shipping costs' },
      { q: 'How long does delivery take?', expect: 'answer', sources: ['shipping.md'], section: 'Shipping costs' },
      { q: 'gift card?', expect: 'answer', sources: ['faq.csv'] },
    ];
    writeFileSync(join(dir, 'questions.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { summary, results } = await evalShop(dir);
    expect(results.map((r) => [r.outcome, r.right, r.sectionRight])).toEqual([
      ['answer', true, true],
      // The right page, quoted from "Delivery times": not the section the question names.
      ['answer', true, false],
      ['answer', true, undefined],
    ]);
    expect(summary).toMatchObject({ section_right: 0.5, sections: 2 });
  });

  it('counts small talk as no answer, as the product sends it without the content', async () => {
    const { results } = await evalShop(tinyShop());
    const bye = results.find((r) => r.q.startsWith('thanks so much'))!;
    // The content alone would answer it ("Where can I get help?") with confidence; the bot says
    // "you're welcome" instead.
    expect(bye.confidence).toBeGreaterThan(0.75);
    expect(bye).toMatchObject({ outcome: 'abstain', action: 'answer', cited: [] });
  });

  it('reads documents in subfolders, tags as {"tags": [...]}, and sources given with content/', async () => {
    const dir = tinyShop();
    mkdirSync(join(dir, 'content', 'pages'));
    writeFileSync(
      join(dir, 'content', 'pages', 'hours.html'),
      '<html><body><nav>Home | Shop</nav><main><h1>Hours</h1><p>The bakery opens at 7 am every day except Monday.</p></main></body></html>',
    );
    writeFileSync(join(dir, 'tags.json'), JSON.stringify({ tags: [{ name: 'Cakes', examples: ['wedding cake'] }] }));
    writeFileSync(
      join(dir, 'questions.jsonl'),
      JSON.stringify({ q: 'when do you open', expect: 'answer', sources: ['content/pages/hours.html'] }),
    );
    const shop = await loadShop(dir);
    expect(shop.chunks.some((c) => c.sourceId === 'pages/hours.html')).toBe(true);
    expect(shop.tags).toEqual([
      { name: 'Cakes', description: '', examples: ['wedding cake'], needsHuman: false, kind: 'topic' },
    ]);
    expect(shop.questions[0].sources).toEqual(['pages/hours.html']);
  });

  it('rejects a question citing a file that is not in content/', async () => {
    const dir = tinyShop();
    writeFileSync(join(dir, 'questions.jsonl'), JSON.stringify({ q: 'x', expect: 'answer', sources: ['nope.md'] }));
    await expect(loadShop(dir)).rejects.toThrow(/nope\.md/);
    writeFileSync(join(dir, 'questions.jsonl'), JSON.stringify({ q: 'x', expect: 'answr' }));
    await expect(loadShop(dir)).rejects.toThrow(/questions\.jsonl:1/);
  });

  it('prints one JSON object with the figures (chatref eval shop DIR --json)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'cli/main.ts', 'eval', 'shop', tinyShop(), '--json'],
      { cwd: process.cwd() },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]) as Record<string, unknown>;
    for (const k of KEYS) expect(typeof out[k]).toBe('number');
    expect(out).toMatchObject({ n: 5, handoff_right: 1 });
  }, 120_000);

  it('answers from the threshold given, a share from 0 to 1 (--threshold)', async () => {
    const dir = tinyShop();
    const run = (threshold: string) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'cli/main.ts', 'eval', 'shop', dir, '--json', '--threshold', threshold],
        { cwd: process.cwd() },
      );
    const answered = async (threshold: string) =>
      (JSON.parse((await run(threshold)).stdout) as ShopSummary).outcomes.answer;
    expect(await answered('0')).toBeGreaterThan(await answered('1'));
    await expect(run('1.5')).rejects.toThrow(/a number from 0 to 1/);
  }, 120_000);
});

describe('summarizeShop', () => {
  const r = (p: Partial<QuestionResult>): QuestionResult => ({
    q: '',
    expect: ['answer'],
    sources: [],
    outcome: 'answer',
    right: false,
    allowed: false,
    action: 'answer',
    reason: null,
    confidence: 1,
    cited: [],
    ms: 1,
    text: '',
    ...p,
  });

  it('counts each figure on the questions it is defined over', () => {
    const s = summarizeShop([
      r({ expect: ['answer'], outcome: 'answer', right: true, allowed: true }),
      r({ expect: ['answer'], outcome: 'answer', right: false }),
      r({ expect: ['answer'], outcome: 'handoff' }),
      r({ expect: ['abstain'], outcome: 'answer' }),
      r({ expect: ['abstain', 'handoff'], outcome: 'handoff', allowed: true }),
      r({ expect: ['handoff'], outcome: 'handoff', allowed: true }),
      r({ expect: ['handoff'], outcome: 'abstain' }),
    ]);
    expect(s).toMatchObject({
      n: 7,
      answerable: 3,
      answered_right: 1,
      answer_recall: 0.333,
      confident_wrong: 0.286, // the wrong source and the answered abstain question
      abstain_right: 0.5,
      handoff_right: 0.5, // only the questions whose sole expectation is a handoff
      needless_handoffs: 0.25, // 1 of the 4 without handoff in expect
    });
    expect(s.per_kind['abstain|handoff']).toEqual({ n: 1, right: 1 });
  });
});
