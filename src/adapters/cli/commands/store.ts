/** `redline store check|repair`: verify the store without changing it; back up and rebuild a damaged one. */
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { openStore, redactUrl } from '../../store/index.js';
import { checkSqliteStore, repairSqliteStore, type CheckReport } from '../../store/integrity.js';

interface StoreOpts {
  data: string;
  json?: boolean;
}

const DATA_HELP = 'data folder of the embedded database';

function printCheck(r: CheckReport): void {
  process.stdout.write(`${r.ok ? 'ok' : 'PROBLEMS'}: ${r.file} (${r.bytes} bytes)\n`);
  for (const p of r.problems) process.stdout.write(`  - ${p}\n`);
  const counts = Object.entries(r.counts);
  if (counts.length) process.stdout.write(`  rows: ${counts.map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
}

/** PostgreSQL: the check is that the store opens (migrations current) and its tables answer. */
async function checkPostgres(url: string): Promise<{ ok: boolean; problems: string[]; location: string }> {
  try {
    const store = await openStore({ databaseUrl: url });
    try {
      await store.cases.count();
      await store.jobs.list({ limit: 1 });
    } finally {
      await store.close();
    }
    return { ok: true, problems: [], location: redactUrl(url) };
  } catch (err) {
    return { ok: false, problems: [(err as Error).message], location: redactUrl(url) };
  }
}

export function register(program: Command): void {
  const store = program.command('store').description('verify or repair the store (the embedded database)');
  store
    .command('check')
    .description('verify the store without changing it (integrity, foreign keys, readable tables)')
    .option('--data <dir>', DATA_HELP, '.redline-data')
    .option('--json', 'machine-readable output')
    .action(async (opts: StoreOpts) => {
      const url = process.env.DATABASE_URL || undefined;
      if (url) {
        const r = await checkPostgres(url);
        if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        else {
          process.stdout.write(`${r.ok ? 'ok' : 'PROBLEMS'}: ${r.location}\n`);
          for (const p of r.problems) process.stdout.write(`  - ${p}\n`);
        }
        if (!r.ok) process.exitCode = EXIT.invalid;
        return;
      }
      const r = checkSqliteStore(opts.data);
      if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else printCheck(r);
      if (!r.ok && r.exists) process.exitCode = EXIT.invalid;
    });
  store
    .command('repair')
    .description(
      'back up a damaged embedded database (redline.sqlite.broken-<time>) and rebuild it from every readable row',
    )
    .option('--data <dir>', DATA_HELP, '.redline-data')
    .option('--json', 'machine-readable output')
    .action(async (opts: StoreOpts) => {
      if (process.env.DATABASE_URL)
        throw new CliError(
          'repair works on the embedded database; for PostgreSQL use its own tools (pg_dump, pg_restore, amcheck)',
          EXIT.usage,
        );
      const r = await repairSqliteStore(opts.data, async (dir) => {
        const fresh = await openStore({ dataDir: dir });
        await fresh.close();
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
      } else if (!r.repaired) {
        process.stdout.write(
          r.check.exists ? `nothing to repair: ${r.file} passes the check\n` : `no database at ${r.file}\n`,
        );
      } else {
        process.stdout.write(`repaired ${r.file}\n  the original is kept as ${r.backup}\n`);
        const rows = Object.entries(r.salvaged);
        process.stdout.write(
          rows.length
            ? `  rows copied: ${rows.map(([t, n]) => `${t} ${n}`).join(', ')}\n`
            : '  nothing could be read from the original; the store is now empty\n',
        );
        for (const [t, e] of Object.entries(r.lost))
          process.stdout.write(`  not all rows of ${t} could be read: ${e}\n`);
        printCheck(r.check);
      }
      if (r.repaired && !r.check.ok) process.exitCode = EXIT.invalid;
    });
}
