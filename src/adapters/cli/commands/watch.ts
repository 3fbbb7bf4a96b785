/**
 * `redline watch CASE [--source URL|DIR ...] [--every 15m] [--once]`: fetches the case's watched sources on
 * their intervals through the job queue, ingests what is new, records developments and sends alerts.
 * `--once` runs one cycle over every source and exits. Sources given here are added to the case's list.
 */
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, table } from '../output.js';
import { openMonitorSession, parseDuration, sourceLocation } from '../../monitor/cli-support.js';
import { drainDeliveries, runCycle, watchQueue, type CycleReport } from '../../monitor/watch.js';

interface WatchOpts {
  source?: string[];
  every?: string;
  once?: boolean;
  data?: string;
  json?: boolean;
  timeout?: string;
  politeness?: string;
  maxKb?: string;
  lease?: string;
  retryBase?: string;
  robots?: boolean;
  digestDir?: string;
  concurrency?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('watch')
    .description('watch news sources (feeds, pages, inbox folders) for a case and record developments')
    .argument('<case>', 'case file (saved into the store) or the id of a stored case')
    .option('--source <url|dir>', 'add a feed, page URL or inbox folder to the case (repeatable)', collect)
    .option(
      '--every <duration>',
      'interval between fetches of a source (e.g. 15m); applies to all its sources',
    )
    .option('--once', 'run one cycle over every source and exit')
    .option(
      '--data <dir>',
      'data folder of the embedded database (ignored when DATABASE_URL is set)',
      '.redline-data',
    )
    .option('--timeout <duration>', 'timeout of one request', '15s')
    .option('--politeness <duration>', 'least time between two requests to one host', '1s')
    .option('--max-kb <n>', 'largest response read, in KB', '5120')
    .option('--lease <duration>', 'how long a fetch in progress keeps others off its source', '10m')
    .option('--retry-base <duration>', 'first webhook retry delay (later ones double)', '30s')
    .option('--no-robots', 'do not read robots.txt (only for your own servers)')
    .option('--digest-dir <dir>', 'folder for digest files of rules that name none', 'digests')
    .option('--concurrency <n>', 'sources fetched at once on PostgreSQL workers', '2')
    .option('--json', 'one JSON line per cycle')
    .action(async (caseArg: string, opts: WatchOpts) => {
      const everySeconds = opts.every ? parseDuration(opts.every, '--every') : undefined;
      const maxKb = Number(opts.maxKb);
      if (!(maxKb >= 1)) throw new CliError(`--max-kb must be a number ≥ 1, not "${opts.maxKb}"`, EXIT.usage);
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new CliError(`--concurrency must be a whole number ≥ 1`, EXIT.usage);
      const policy = {
        timeoutMs: Math.round(parseDuration(opts.timeout ?? '15s', '--timeout') * 1000),
        politenessMs: Math.round(parseDuration(opts.politeness ?? '1s', '--politeness', true) * 1000),
        maxBytes: Math.round(maxKb * 1024),
        respectRobots: opts.robots !== false,
      };
      const leaseMs = Math.round(parseDuration(opts.lease ?? '10m', '--lease') * 1000);
      const retryBaseMs = Math.round(parseDuration(opts.retryBase ?? '30s', '--retry-base') * 1000);
      const locations = (opts.source ?? []).map(sourceLocation);
      const session = await openMonitorSession(caseArg, opts.data);
      const { store, repo, caseId } = session;
      const databaseUrl = process.env.DATABASE_URL || undefined;
      const queue = watchQueue(store, databaseUrl, concurrency);
      let stopping = false;
      const stop = () => {
        stopping = true;
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        for (const l of locations)
          await repo.sources.add(caseId, { ...l, everySeconds: everySeconds ?? 900 });
        if (everySeconds)
          for (const s of await repo.sources.list(caseId))
            await repo.sources.add(caseId, { kind: s.kind, location: s.location, everySeconds });
        const sources = await repo.sources.list(caseId);
        if (sources.length === 0)
          throw new CliError(
            `case "${caseId}" watches no sources; give --source URL|DIR or use "redline sources ${caseArg} add"`,
            EXIT.usage,
          );
        await queue.start();
        const cycleOpts = {
          caseId,
          policy,
          leaseMs,
          delivery: { retryBaseMs },
          digestDirectory: opts.digestDir,
        };
        if (opts.once) {
          const report = await runCycle(store, queue, { ...cycleOpts, all: true });
          // Retries that fall due within a minute are waited for, so a one-off cycle ends with its alerts sent.
          await drainDeliveries(store, caseId, Math.min(60_000, retryBaseMs * 8), { retryBaseMs });
          show(report, opts.json);
          if (report.runs.some((r) => r.status === 'error' || r.status === 'blocked'))
            process.exitCode = EXIT.invalid;
          return;
        }
        const tickMs = Math.min(5_000, Math.max(200, Math.min(...sources.map((s) => s.everySeconds * 1000))));
        if (!opts.json) print(color.dim(`watching ${sources.length} source(s) of ${caseId}; Ctrl-C stops`));
        while (!stopping) {
          const report = await runCycle(store, queue, cycleOpts);
          if (report.runs.length || report.deliveries.length || report.digests.length)
            show(report, opts.json);
          for (let waited = 0; waited < tickMs && !stopping; waited += 100)
            await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await queue.stop();
        await session.close();
      }
    });
}

function show(report: CycleReport, json: boolean | undefined): void {
  if (json) {
    printJson(report);
    return;
  }
  const rows = report.runs.map((r) => [
    r.sourceId,
    r.status === 'ok' || r.status === 'not_modified' ? color.green(r.status) : color.red(r.status),
    r.itemsFound,
    r.itemsNew,
    r.developments,
    r.error ?? '',
  ]);
  if (rows.length) print(table(['source', 'status', 'items', 'new', 'developments', 'error'], rows));
  const sent = report.deliveries.filter((d) => d.ok).length;
  if (report.deliveries.length)
    print(`webhooks: ${sent} delivered, ${report.deliveries.length - sent} to retry`);
  for (const f of report.digests) print(`digest: ${f}`);
}
