/**
 * `redline sensitivity CASE`: which input moves the forecast most — one-at-a-time over every actor's position,
 * salience and capability and the model's parameters; Sobol first-order and total indices for the top inputs
 * (on the Monte Carlo worker pool); and who must move for the forecast to cross each red line.
 */
import type { Command } from 'commander';
import { UnknownScenarioError } from '../../../case/index.js';
import {
  BargainingInputError,
  DEFAULT_SOBOL_INPUTS,
  DEFAULT_SOBOL_SAMPLES,
  MAX_SOBOL_SAMPLES,
  MODEL_IDS,
  UnknownIssueError,
  finishSensitivity,
  prepareSensitivity,
  type ModelId,
  type SensitivityResult,
} from '../../../engines/bargaining/index.js';
import { loadForAnalysis } from '../case-input.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, printWarnings, table } from '../output.js';
import { createMonteCarloPool } from '../../parallel/monte-carlo-pool.js';
import { createProgress } from '../progress.js';

interface SensitivityFlags {
  model: string;
  issue?: string;
  redLine?: string;
  samples: string;
  top: string;
  rows: string;
  scenario?: string;
  asOf?: string;
  threads?: string;
  quiet?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('sensitivity')
    .description(
      'which inputs move the forecast most: one-at-a-time effects, Sobol indices, and who must move to cross a red line',
    )
    .argument('<case>', 'case file')
    .option('--model <id>', `model: ${MODEL_IDS.join(', ')}`, 'compromise')
    .option('--issue <id>', 'only this issue (default: every issue)')
    .option('--red-line <actor>', 'who must move: only this actor’s red lines (default: every red line)')
    .option(
      '--samples <n>',
      `Sobol base sample size N (0 = no Sobol indices; at most ${MAX_SOBOL_SAMPLES}); N·(k + 2) model runs`,
      String(DEFAULT_SOBOL_SAMPLES),
    )
    .option(
      '--top <k>',
      'inputs taken into the Sobol design (the top of the one-at-a-time ranking)',
      String(DEFAULT_SOBOL_INPUTS),
    )
    .option('--rows <n>', 'rows of the one-at-a-time table per issue', '10')
    .option('--scenario <id>', 'analyse this scenario instead of the baseline')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD)')
    .option('--threads <n>', 'worker threads for the Sobol runs (default: every core)')
    .option('--quiet', 'no progress on standard error')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
One at a time: each actor's capability, position and salience is set to the low and the high end of its Monte
Carlo range (forecast.uncertainty and overrides), everything else fixed; each model parameter is moved to its
neighbours or switched to each alternative. "effect" is the largest change of the forecast; "slope" the
finite-difference derivative (forecast points per input unit: points of position or salience, units of
capability). Sobol: first-order S (the input alone) and total ST (with interactions) shares of the forecast's
variance when the top inputs are drawn uniformly over their ranges (Saltelli sampling).`,
    )
    .action(async (file: string, flags: SensitivityFlags) => {
      if (!(MODEL_IDS as readonly string[]).includes(flags.model))
        throw new CliError(
          `--model "${flags.model}" is not a model; choose from ${MODEL_IDS.join(', ')}`,
          EXIT.usage,
        );
      const samples = whole('--samples', flags.samples, 0, MAX_SOBOL_SAMPLES);
      const top = whole('--top', flags.top, 1, 64);
      const rows = whole('--rows', flags.rows, 1, 10_000);
      const threads = flags.threads === undefined ? undefined : whole('--threads', flags.threads, 1, 256);
      const input = await loadForAnalysis(file, { asOf: flags.asOf, json: flags.json });
      const prepared = guard(() =>
        prepareSensitivity(input.case, {
          model: flags.model as ModelId,
          issue: flags.issue,
          redLineOwner: flags.redLine,
          asOf: input.asOf,
          scenario: flags.scenario,
          samples,
          top,
        }),
      );
      let outputs: Float64Array | null = null;
      if (prepared.design) {
        const pool = createMonteCarloPool(threads);
        const progress = createProgress('Sobol', prepared.design.runs, { quiet: flags.quiet });
        try {
          outputs = await pool.outcomes(prepared.design, { onProgress: (done) => progress.update(done) });
        } finally {
          progress.stop();
          await pool.destroy();
        }
      }
      const result = finishSensitivity(prepared, outputs);
      if (flags.json) printJson({ case: input.case.id, ...result });
      else render(result, rows);
    });
}

function whole(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${flag} "${value}" must be a whole number from ${min} to ${max}`, EXIT.usage);
  return n;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof BargainingInputError)
      throw new CliError(
        `the case cannot be analysed:\n${e.problems.map((p) => `  ${p.path.join('.')}: ${p.message}`).join('\n')}`,
        EXIT.invalid,
      );
    if (e instanceof UnknownScenarioError)
      throw new CliError(`no scenario "${e.scenarioId}"; known: ${e.known.join(', ') || 'none'}`, EXIT.usage);
    if (e instanceof UnknownIssueError)
      throw new CliError(
        `--issue "${e.issueId}" is not in the forecast; known: ${e.known.join(', ')}`,
        EXIT.usage,
      );
    throw e;
  }
}

const f1 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1);
const f3 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3);
const value = (v: number | string | null) =>
  typeof v === 'number' ? (Math.abs(v) >= 10 ? v.toFixed(1) : v.toPrecision(3)) : (v ?? '–');

function render(r: SensitivityResult, rows: number): void {
  printWarnings(r.warnings);
  print(
    color.bold(
      `Sensitivity of the ${r.model} forecast as of ${r.asOf}${r.scenario ? `, scenario ${r.scenario}` : ''}`,
    ),
  );
  for (const issue of r.issues) {
    print(color.bold(`\n${issue.issue}: forecast ${f1(issue.base)}`));
    print(
      table(
        ['input', 'base', 'low → forecast', 'high → forecast', 'effect', 'slope'],
        issue.rows
          .slice(0, rows)
          .map((row) => [
            row.label,
            value(row.base),
            row.low === null ? '–' : `${value(row.low)} → ${f1(row.outcomeLow)}`,
            `${value(row.high)} → ${f1(row.outcomeHigh)}`,
            f1(row.effect),
            f3(row.slope),
          ]),
      ),
    );
    if (issue.rows.length > rows)
      print(color.dim(`… ${issue.rows.length - rows} more rows (--rows, --json)`));
    if (issue.sobol && issue.sobol.variance > 0)
      print(
        table(
          ['Sobol input', 'first-order S', 'total ST'],
          issue.sobol.inputs.map((name, k) => [name, f3(issue.sobol!.first[k]), f3(issue.sobol!.total[k])]),
        ),
      );
  }
  if (r.sobol)
    print(
      color.dim(
        `\nSobol: N = ${r.sobol.samples}, ${r.sobol.inputs.length} inputs, ${r.sobol.evaluations.toLocaleString('en')} model runs`,
      ),
    );
  if (r.crossings.length === 0) return;
  print(color.bold('\nWho must move for the forecast to cross a red line'));
  print(
    table(
      ['red line of', 'issue', 'forecast now', 'smallest single move', 'forecast after', 'next'],
      r.crossings.map((c) => [
        c.owner,
        c.issue,
        `${f1(c.forecastNow)} (${c.insideNow ? 'inside' : 'outside'})`,
        c.smallest
          ? `${c.smallest.actor} ${c.smallest.field} ${f1(c.smallest.from)} → ${f1(c.smallest.to)}`
          : 'no one actor alone',
        c.smallest ? f1(c.smallest.forecastAfter) : '–',
        c.moves
          .slice(1, 3)
          .map((m) => `${m.actor} ${m.field} → ${f1(m.to)}`)
          .join('; ') || '–',
      ]),
    ),
  );
}
