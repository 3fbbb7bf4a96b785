/**
 * The `redline` command: a commander program with one module per command under commands/.
 */
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './exit-codes.js';

export interface CommandModule {
  register(program: Command): void;
}

/**
 * Every command, in the order `redline --help` lists them. Modules load on demand: a command's module pulls in
 * what it needs (zod schema, NLP model, database drivers, fastify), so `redline check` must not pay for
 * `serve`, and `--version` pays for none.
 */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  init: () => import('./commands/init.js'),
  validate: () => import('./commands/validate.js'),
  check: () => import('./commands/check.js'),
  diff: () => import('./commands/diff.js'),
  zopa: () => import('./commands/zopa.js'),
  scenarios: () => import('./commands/scenarios.js'),
  schema: () => import('./commands/schema.js'),
  forecast: () => import('./commands/forecast.js'),
  sensitivity: () => import('./commands/sensitivity.js'),
  backtest: () => import('./commands/backtest.js'),
  import: () => import('./commands/import.js'),
  stability: () => import('./commands/stability.js'),
  brief: () => import('./commands/brief.js'),
  ingest: () => import('./commands/ingest.js'),
  evidence: () => import('./commands/evidence.js'),
  serve: () => import('./commands/serve.js'),
  worker: () => import('./commands/worker.js'),
  watch: () => import('./commands/watch.js'),
  sources: () => import('./commands/sources.js'),
  digest: () => import('./commands/digest.js'),
  alerts: () => import('./commands/alerts.js'),
  store: () => import('./commands/store.js'),
  csv: () => import('./commands/csv.js'),
  push: () => import('./commands/push.js'),
};

/** The version flags answered before any command module loads. */
const VERSION_FLAGS = new Set(['-V', '--version']);

/**
 * The command modules `argv` needs: none for `--version`, the named one for a known command, all of them
 * otherwise (top-level help, `help CMD`, an unknown command, so commander can list and suggest).
 */
function modulesFor(argv: string[]): string[] {
  const first = argv[2];
  if (first !== undefined && VERSION_FLAGS.has(first)) return [];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first];
  return Object.keys(COMMANDS);
}

export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('redline')
    .description(
      'Model a negotiation as a sourced case file and analyse it: red lines, diffs, zones of agreement, forecasts, stability, evidence.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const names = modulesFor(argv);
  const modules = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const m of modules) m.register(program);
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit, so it is testable in-process). */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return EXIT.ok;
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      process.stderr.write(`redline: ${err.message}\n`);
      return err.exitCode;
    }
    // The store refused to open (empty, damaged, read-only, unreachable): a message, not a stack trace.
    // Matched by name so this file need not load the store module.
    if (err instanceof Error && err.name === 'StoreOpenError') {
      process.stderr.write(`redline: ${err.message}\n`);
      return EXIT.unreadable;
    }
    process.stderr.write(
      `redline: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT.internal;
  }
}
