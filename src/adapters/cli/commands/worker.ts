/** `redline worker`: runs job parts from the PostgreSQL queue (DATABASE_URL); start as many as you like, anywhere. */
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { openStore, redactUrl } from '../../store/index.js';
import { jobHandlers, PgWorker, workerId } from '../../jobs/index.js';

interface WorkerOpts {
  concurrency: string;
  reclaimAfter: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'process queued jobs (Monte Carlo, stability, ingest) from the PostgreSQL database in DATABASE_URL',
    )
    .option('--concurrency <n>', 'job parts to run at once in this process', '1')
    .option('--reclaim-after <seconds>', 'release parts locked longer than this by workers that died', '300')
    .option('--json', 'log one JSON object per line')
    .action(async (opts: WorkerOpts) => {
      const databaseUrl = process.env.DATABASE_URL;
      if (!databaseUrl)
        throw new CliError(
          'redline worker needs DATABASE_URL (a PostgreSQL URL); in the embedded mode `redline serve` runs jobs itself',
          EXIT.usage,
        );
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw new CliError('--concurrency must be a whole number from 1 to 64', EXIT.usage);
      const reclaim = Number(opts.reclaimAfter);
      if (!Number.isFinite(reclaim) || reclaim <= 0)
        throw new CliError('--reclaim-after must be a positive number of seconds', EXIT.usage);
      const store = await openStore({ databaseUrl });
      const id = workerId();
      const log = (line: string) =>
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ worker: id, at: new Date().toISOString(), message: line })}\n`
            : `[${id}] ${line}\n`,
        );
      // Parts run in this thread: a worker process has nothing else to keep responsive.
      const worker = new PgWorker(store, jobHandlers(store, { offThread: false }), {
        databaseUrl,
        workerId: id,
        concurrency,
        reclaimAfterMs: reclaim * 1000,
        log,
      });
      await worker.start();
      log(`worker started on ${redactUrl(databaseUrl)} (concurrency ${concurrency})`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          log('stopping: finishing the current part');
          void worker
            .stop()
            .then(() => store.close())
            .finally(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
