/**
 * The `chatref` command line: serve, ingest, eval, bench.
 * Each command is a thin shell over a function in server/, engine/ or benchmarks/.
 */
import { Command, InvalidArgumentError, Option } from 'commander';

const program = new Command('chatref').description('Customer-support chat for small shops');

program
  .command('serve')
  .description('run the server (embedded database unless DATABASE_URL is set)')
  .action(async () => {
    // The embedded database opens in its own thread while the server's modules load.
    const { openEarly } = await import('../server/early');
    const opening = openEarly();
    const [{ serve }, { demoHook }] = await Promise.all([import('../server/serve'), import('./demo')]);
    await serve(opening, demoHook);
  });

program
  .command('ingest')
  .argument('<source>', 'a file, a folder, a URL, or a sitemap URL')
  .option('--workspace <slug>', 'workspace slug (default: the demo workspace)')
  .option('--crawl', 'follow same-host links from the URL (bounded)')
  .description("add content to a workspace's knowledge, with a progress bar")
  .action(async (source: string, opts: { workspace?: string; crawl?: boolean }) => {
    const { ingestCommand } = await import('./ingest');
    process.exitCode = await ingestCommand(source, opts);
  });

const evalCmd = program.command('eval').description('measure the engine on labelled data (offline)');

/** A whole number above 0, for options such as --visitors. */
function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number above 0');
  return n;
}

/** A share from 0 to 1, for options such as --threshold. */
function share(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

const THRESHOLD_HELP =
  "answer from this confidence on, in every shop (default: each shop's own, calibrated on its content " +
  'as the product does; 0 answers whatever ranks first, the most the ranking can get right)';

/** Prints an eval result as JSON (--json) or as aligned lines for people. */
function report(result: Record<string, unknown>, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  for (const [k, v] of Object.entries(result)) {
    process.stdout.write(`${k.padEnd(14)} ${typeof v === 'number' ? +v.toFixed(4) : JSON.stringify(v)}\n`);
  }
}

evalCmd
  .command('answer')
  .requiredOption('--kb <file>', 'knowledge base JSONL')
  .requiredOption('--queries <file>', 'queries JSONL')
  .option('--threshold <n>', 'abstention threshold (default: the engine default)', parseFloat)
  .option('--json', 'one JSON object on stdout')
  .action(async (opts: { kb: string; queries: string; threshold?: number; json?: boolean }) => {
    const { evalAnswer } = await import('../engine/eval/answer');
    report(await evalAnswer(opts), opts.json);
  });

evalCmd
  .command('tags')
  .requiredOption('--train <file>', 'tagged texts JSONL (examples)')
  .requiredOption('--test <file>', 'tagged texts JSONL (to predict)')
  .option('--json', 'one JSON object on stdout')
  .action(async (opts: { train: string; test: string; json?: boolean }) => {
    const { evalTags } = await import('../engine/eval/tags');
    report(await evalTags(opts), opts.json);
  });

evalCmd
  .command('frustration')
  .requiredOption('--data <file>', 'frustration turns JSONL')
  .option('--json', 'one JSON object on stdout')
  .action(async (opts: { data: string; json?: boolean }) => {
    const { evalFrustration } = await import('../engine/eval/frustration');
    report(await evalFrustration(opts), opts.json);
  });

evalCmd
  .command('human')
  .requiredOption('--data <file>', 'rows {"text","wants_human"} JSONL')
  .option('--json', 'one JSON object on stdout')
  .action(async (opts: { data: string; json?: boolean }) => {
    const { evalHuman } = await import('../engine/eval/human');
    report(await evalHuman(opts), opts.json);
  });

/** The handoff settings of a workspace that changed none (the product's defaults). */
async function defaultHandoffSettings() {
  const { WorkspaceSettings } = await import('../server/domain/settings');
  return WorkspaceSettings.parse({}).handoff;
}

evalCmd
  .command('shop')
  .argument('<dirs...>', 'shop folders (content/, tags.json, questions.jsonl; see eval/shops/README.md)')
  .option('--json', 'one JSON object on stdout')
  .option('--verbose', 'every question with its outcome on stderr')
  .option('--threshold <n>', THRESHOLD_HELP, share)
  .description("a shop's documents and customer questions through the product's ingestion and bot turn")
  .action(async (dirs: string[], opts: { json?: boolean; verbose?: boolean; threshold?: number }) => {
    const { evalShops } = await import('../engine/eval/shops');
    const r = await evalShops(dirs, { settings: await defaultHandoffSettings(), threshold: opts.threshold });
    if (opts.verbose) for (const rep of r.reports) printResults(rep);
    report(
      dirs.length === 1
        ? { ...r.reports[0].summary, ...(r.reports[0].skipped.length ? { skipped: r.reports[0].skipped } : {}) }
        : { shops: r.shops, pooled: r.pooled, spread: r.spread },
      opts.json,
    );
  });

evalCmd
  .command('shops')
  .argument('<root>', 'a folder of shop folders (e.g. eval/shops)')
  .option('--json', 'one JSON object on stdout')
  .option('--verbose', 'every question with its outcome on stderr')
  .option('--threshold <n>', THRESHOLD_HELP, share)
  .description('every shop folder under a folder: per shop, pooled, and the spread across shops')
  .action(async (root: string, opts: { json?: boolean; verbose?: boolean; threshold?: number }) => {
    const { evalShops, shopDirs } = await import('../engine/eval/shops');
    const dirs = shopDirs(root);
    if (!dirs.length) throw new InvalidArgumentError(`no shop folder (with questions.jsonl) under ${root}`);
    const r = await evalShops(dirs, { settings: await defaultHandoffSettings(), threshold: opts.threshold });
    if (opts.verbose) for (const rep of r.reports) printResults(rep);
    report({ shops: r.shops, pooled: r.pooled, spread: r.spread }, opts.json);
  });

evalCmd
  .command('copilot')
  .option('--chats <dir>', 'chats answered by people (see eval/copilot/README.md)', 'eval/copilot')
  .option('--shops <dir>', 'the shop folders their content comes from', 'eval/shops')
  .option('--json', 'one JSON object on stdout')
  .option('--verbose', 'every miss and leak on stderr')
  .description("the agent's suggested reply: past answers reproduced, content cited, no personal data")
  .action(async (opts: { chats: string; shops: string; json?: boolean; verbose?: boolean }) => {
    const { evalCopilot } = await import('../engine/eval/copilot');
    const r = await evalCopilot(opts);
    if (opts.verbose) for (const x of [...r.failures, ...r.leaks]) process.stderr.write(`${JSON.stringify(x)}\n`);
    report({ ...r.summary, perShop: r.perShop }, opts.json);
  });

/** One line per question on stderr: mark, outcome, confidence, question → cited file or topic. */
function printResults(rep: import('../engine/eval/shops').ShopReport): void {
  for (const s of rep.skipped) process.stderr.write(`${rep.shop}: skipped ${s.file}: ${s.error}\n`);
  for (const q of rep.results) {
    const offer = q.action === 'suggest' ? ` (offers a person: ${q.reason})` : '';
    const where = q.outcome === 'handoff' ? `${q.reason} ${q.detail ?? ''}` : `${q.cited[0] ?? '-'}${offer}`;
    process.stderr.write(
      `${q.allowed ? 'ok ' : 'XX '} ${rep.shop.slice(0, 12).padEnd(12)} ${q.expect.join('|').padEnd(15)} ${q.outcome.padEnd(7)} ` +
        `${q.confidence.toFixed(2)} ${q.rank === undefined ? '  ' : `R${q.rank}`} ${q.q}  →  ${where}${q.topTopic ? `  [${q.topTopic.tag} ${q.topTopic.confidence}]` : ''}\n`,
    );
  }
}

program
  .command('bench')
  .option('--json', 'one JSON object on stdout')
  .option('--quick', 'a smaller load')
  .addOption(new Option('--store <store>', 'only this database').choices(['embedded', 'postgres']))
  .addOption(new Option('--visitors <n>', 'chatting visitors (default 500, quick 100)').argParser(positiveInt))
  .option(
    '--parts <list>',
    'only these parts, comma-separated: classic,engine,anchor,first,curve,burst,two,knowledge,shops',
  )
  .option('--steps <list>', 'the capacity curve, visitors per step (default 250,500,1000,2000,4000)')
  .addOption(new Option('--step-s <s>', 'seconds per step of the curve (default 30)').argParser(positiveInt))
  .addOption(new Option('--burst-s <s>', 'seconds of the burst (default 30)').argParser(positiveInt))
  .description('measure speed on this machine')
  .action(
    async (opts: {
      json?: boolean;
      quick?: boolean;
      store?: 'embedded' | 'postgres';
      visitors?: number;
      parts?: string;
      steps?: string;
      stepS?: number;
      burstS?: number;
    }) => {
      const { runBench, PARTS } = await import('../benchmarks/run');
      const parts = opts.parts?.split(',').map((p) => p.trim());
      const unknown = parts?.filter((p) => !(PARTS as readonly string[]).includes(p));
      if (unknown?.length) throw new InvalidArgumentError(`unknown part(s): ${unknown.join(', ')}`);
      const steps = opts.steps?.split(',').map((n) => positiveInt(n.trim()));
      report(await runBench({ ...opts, parts: parts as (typeof PARTS)[number][] | undefined, steps }), opts.json);
    },
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`chatref: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
