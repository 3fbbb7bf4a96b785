/**
 * `redline backtest deu FILE`: mean absolute error of every bargaining model on the DEU III data set of EU
 * legislative issues with known outcomes; fitted models are scored by cross-validation by proposal only.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { backtestDeu, type BacktestResult } from '../../../engines/bargaining/index.js';
import { parseDeu } from '../../../formats/index.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, table } from '../output.js';

/** DEU III is about 90 kB; anything far larger is not the file the command expects. */
const MAX_BYTES = 50 * 1024 * 1024;

interface BacktestOptions {
  smp?: boolean;
  folds?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const backtest = program
    .command('backtest')
    .description('score the bargaining models on data sets with known outcomes');
  backtest
    .command('deu')
    .description(
      'mean absolute error per model on DEU III (tab-separated copy of Arregui & Perarnaud 2021, CC BY 4.0)',
    )
    .argument('<file>', 'the DEU III file (deu3.csv, tab-separated)')
    .option('--no-smp', 'skip KTAB SMP (the slowest model)')
    .option('--folds <n>', 'folds of the cross-validation by proposal', '10')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: BacktestOptions) => {
      const folds = Number(opts.folds);
      if (!Number.isInteger(folds) || folds < 2 || folds > 1000)
        throw new CliError(`--folds "${opts.folds}" must be a whole number from 2 to 1000`, EXIT.usage);
      const text = await readText(file);
      const parsed = parseDeu(text);
      if (!parsed.ok)
        throw new CliError(
          `${file} is not a readable DEU III file:\n${parsed.problems
            .slice(0, 20)
            .map((p) => `  ${file}:${p.line}  column ${p.column}: ${p.message}`)
            .join(
              '\n',
            )}${parsed.problems.length > 20 ? `\n  … and ${parsed.problems.length - 20} more` : ''}`,
          EXIT.invalid,
        );
      const result = backtestDeu(parsed.rows, { smp: opts.smp !== false, folds });
      if (opts.json) {
        const { forecasts: _f, outcomes: _o, ...summary } = result;
        printJson(summary);
      } else render(result);
    });
}

async function readText(file: string): Promise<string> {
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new CliError(`${file}: not a regular file`, EXIT.unreadable);
    if (st.size > MAX_BYTES)
      throw new CliError(
        `${file}: ${(st.size / 1048576).toFixed(1)} MB is too large for DEU III`,
        EXIT.unreadable,
      );
    const bytes = await readFile(file);
    if (bytes.includes(0))
      throw new CliError(`${file}: binary file; expected tab-separated text`, EXIT.unreadable);
    return bytes.toString('utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`}`,
      EXIT.unreadable,
    );
  }
}

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

function render(r: BacktestResult): void {
  print(
    color.bold(
      `DEU III backtest: ${r.issues} issues with an outcome and at least 3 actors, ${r.proposals} proposals`,
    ),
  );
  print(
    color.dim(
      'MAE = mean absolute error on the 0–100 scale (lower is better). Cross-validated rows are fitted on other proposals only.',
    ),
  );
  const compromise = r.scores.find((s) => s.id === 'compromise')!.mae;
  const rows = [...r.scores]
    .sort((a, b) => a.mae - b.mae)
    .map((s) => [
      s.id,
      s.mae.toFixed(2),
      String(s.n),
      s.vsCompromise
        ? `${signed(s.vsCompromise.difference)} [${signed(s.vsCompromise.ci95[0])}, ${signed(s.vsCompromise.ci95[1])}]`
        : s.id === 'compromise'
          ? '–'
          : `${signed(s.mae - compromise)} (other issues)`,
      s.kind === 'cross-validated'
        ? `cross-validated (in-sample ${s.inSampleMae!.toFixed(2)}; fit: ${s.fitted})`
        : s.description,
    ]);
  print(table(['model', 'MAE', 'issues', 'vs compromise [95 % CI]', 'what'], rows, [18, 8, 8, 26, 62]));
  print(
    color.dim(
      'Intervals: paired bootstrap over proposals (2,000 resamples); an interval below 0 means better than the compromise model.',
    ),
  );
  for (const w of r.warnings) print(color.yellow(`warning: ${w}`));
}
