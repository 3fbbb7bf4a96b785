/**
 * The `redline` command: a commander program with one module per command under commands/.
 */
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import * as validate from './commands/validate.js';
import * as check from './commands/check.js';
import * as diff from './commands/diff.js';
import * as zopa from './commands/zopa.js';
import * as schema from './commands/schema.js';
import * as scenarios from './commands/scenarios.js';
import * as forecast from './commands/forecast.js';
import * as backtest from './commands/backtest.js';
import * as importCmd from './commands/import.js';
import * as stability from './commands/stability.js';
import * as ingest from './commands/ingest.js';
import * as evidence from './commands/evidence.js';
import * as serve from './commands/serve.js';
import * as worker from './commands/worker.js';
import * as watch from './commands/watch.js';
import * as sources from './commands/sources.js';
import * as digest from './commands/digest.js';

export interface CommandModule {
  register(program: Command): void;
}

const COMMANDS: CommandModule[] = [
  validate,
  check,
  diff,
  zopa,
  scenarios,
  schema,
  forecast,
  backtest,
  importCmd,
  stability,
  ingest,
  evidence,
  serve,
  worker,
  watch,
  sources,
  digest,
];

export function buildProgram(): Command {
  const program = new Command('redline')
    .description(
      'Model a negotiation as a sourced case file and analyse it: red lines, diffs, zones of agreement, forecasts, stability, evidence.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const c of COMMANDS) c.register(program);
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit, so it is testable in-process). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
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
    process.stderr.write(
      `redline: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT.internal;
  }
}
