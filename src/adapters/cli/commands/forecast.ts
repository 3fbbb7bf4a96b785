/**
 * `redline forecast CASE`: where the negotiation is likely to land, by each bargaining model, with Monte Carlo
 * uncertainty (`--runs`), scenarios side by side (`--scenario`) and round-by-round trajectories. Tables are
 * drawn by forecast-render.ts.
 */
import type { Command } from 'commander';
import { UnknownScenarioError } from '../../../case/index.js';
import {
  BargainingInputError,
  MAX_FORECAST_RUNS,
  MODEL_IDS,
  combinedBands,
  describePerturbation,
  forecastCase,
  forecastSettings,
  monteCarloKey,
  monteCarloSpecFor,
  type CaseForecast,
  type ModelId,
  type MonteCarloSpec,
  type MonteCarloSummary,
} from '../../../engines/bargaining/index.js';
import { loadForAnalysis } from '../case-input.js';
import { CliError, EXIT } from '../exit-codes.js';
import { printJson, groupDigits } from '../output.js';
import { createMonteCarloPool } from '../../parallel/monte-carlo-pool.js';
import { createProgress } from '../progress.js';
import { render, renderSummary, type MonteCarloGroup } from './forecast-render.js';

interface ForecastOptions {
  model: string;
  runs?: string;
  seed?: string;
  scenario?: string;
  asOf?: string;
  trajectory?: boolean;
  threads?: string;
  skipIncomplete?: boolean;
  explain?: boolean;
  summary?: boolean;
  quiet?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('forecast')
    .description(
      'forecast the outcome of every issue with the bargaining models, optionally with Monte Carlo uncertainty',
    )
    .argument('<case>', 'case file')
    .option('--model <ids>', `model(s), comma-separated: ${MODEL_IDS.join(', ')}; or all`, 'all')
    .option('--runs <n>', `Monte Carlo runs (1–${groupDigits(MAX_FORECAST_RUNS)}); none by default`)
    .option('--seed <n>', 'Monte Carlo seed (integer; default: the case’s forecast.seed, else 1)')
    .option('--scenario <id>', 'forecast this scenario beside the baseline ("all" for every scenario)')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD); default: the case’s asOf or its latest date')
    .option('--trajectory', 'show the round-by-round outcomes of the models that have rounds')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: every core)')
    .option(
      '--skip-incomplete',
      'leave out issues with fewer than 2 stances as of the date instead of refusing',
    )
    .option(
      '--explain',
      'print the perturbation model of the Monte Carlo runs (what is drawn, from which range)',
    )
    .option('--summary', 'one table across models and scenarios instead of one table per model')
    .option('--quiet', 'no progress on standard error')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
Monte Carlo (--runs N): each run perturbs every actor's capability (relative, default ±20 %), and each
salience (default ±10 points) and position (default ±5 points), uniformly or normally within the case's
forecast.uncertainty ranges and overrides; the models and their parameters are not perturbed. Probabilities
come with their standard error, quantiles with a 95 % bootstrap interval; the combined band sets the models'
disagreement beside the widest Monte Carlo band. --explain prints the case's own ranges.

Convergence: BDM, SMP and exchange report whether they converged; a model that cycles is forecast at the
mean of its cycle (marked ↻, with its range); one still moving at its last round is marked … .`,
    )
    .action(async (file: string, opts: ForecastOptions) => {
      const models = parseModels(opts.model);
      const runs = opts.runs === undefined ? undefined : parseRuns(opts.runs);
      const seed = opts.seed === undefined ? undefined : parseInteger('--seed', opts.seed);
      const threads =
        opts.threads === undefined ? undefined : parseInteger('--threads', opts.threads, 1, 256);
      const input = await loadForAnalysis(file, { asOf: opts.asOf, json: opts.json });
      const c = input.case;
      const scenarioIds =
        opts.scenario === undefined
          ? []
          : opts.scenario === 'all'
            ? c.scenarios.map((s) => s.id)
            : [opts.scenario];
      const variants: (string | undefined)[] = [undefined, ...scenarioIds];
      const forecasts = variants.map((scenario) =>
        guard(() =>
          forecastCase(c, {
            asOf: input.asOf,
            scenario,
            models,
            trajectory: opts.trajectory,
            seed,
            skipIncomplete: opts.skipIncomplete,
          }),
        ),
      );
      const monteCarlo =
        runs === undefined
          ? []
          : await runMonteCarlo(
              forecasts,
              variants,
              models,
              (model, scenario) =>
                guard(() =>
                  monteCarloSpecFor(c, model, {
                    asOf: input.asOf,
                    scenario,
                    runs,
                    seed,
                    skipIncomplete: opts.skipIncomplete,
                  }),
                ),
              { threads, quiet: opts.quiet === true },
            );
      const settings = forecastSettings(c);
      const perturbation = describePerturbation(settings.uncertainty, settings.overrides);
      const bands = forecasts.map((f, v) => ({
        scenario: f.scenario,
        bands: combinedBands(f.issues, f.results, monteCarlo[v]?.summaries ?? []),
      }));
      if (opts.json) {
        printJson({
          case: c.id,
          forecasts,
          monteCarlo,
          ...(runs !== undefined ? { bands, perturbation } : {}),
        });
        return;
      }
      const view = { c, forecasts, monteCarlo, bands, trajectory: opts.trajectory === true };
      if (opts.summary) renderSummary(view);
      else render(view);
      if (opts.explain) renderExplain(perturbation, runs);
    });
}

function renderExplain(lines: string[], runs: number | undefined): void {
  process.stdout.write(`\nPerturbation model${runs === undefined ? ' (used with --runs)' : ''}:\n`);
  for (const l of lines) process.stdout.write(`  - ${l}\n`);
}

/**
 * Every (scenario, model) Monte Carlo on one worker pool, with one progress line over all of them. Specs with
 * the same key (a scenario that changes only what the model ignores) are run once and shared.
 */
async function runMonteCarlo(
  forecasts: CaseForecast[],
  variants: (string | undefined)[],
  models: ModelId[],
  specFor: (model: ModelId, scenario: string | undefined) => MonteCarloSpec,
  options: { threads?: number; quiet: boolean },
): Promise<MonteCarloGroup[]> {
  const jobs: { v: number; spec: MonteCarloSpec; key: string }[] = [];
  for (const [v, scenario] of variants.entries())
    for (const model of models) {
      // A model that could not run on the point forecast is reported there, not retried per run.
      if (forecasts[v]!.results.find((r) => r.model === model)?.outcome === null) continue;
      const spec = specFor(model, scenario);
      jobs.push({ v, spec, key: monteCarloKey(spec) });
    }
  const unique = new Map<string, MonteCarloSpec>();
  for (const j of jobs) if (!unique.has(j.key)) unique.set(j.key, j.spec);
  const total = [...unique.values()].reduce((a, s) => a + s.runs, 0);
  const progress = createProgress('Monte Carlo', total, { quiet: options.quiet });
  const pool = createMonteCarloPool(options.threads);
  const results = new Map<string, MonteCarloSummary>();
  try {
    let before = 0;
    for (const [key, spec] of unique) {
      results.set(key, await pool.run(spec, { onProgress: (done) => progress.update(before + done) }));
      before += spec.runs;
    }
  } finally {
    progress.stop();
    await pool.destroy();
  }
  return variants.map((scenario, v) => ({
    scenario: scenario ?? null,
    summaries: jobs.filter((j) => j.v === v).map((j) => results.get(j.key)!),
  }));
}

function parseModels(value: string): ModelId[] {
  if (value === 'all') return [...MODEL_IDS];
  const ids = value.split(',').map((s) => s.trim());
  for (const id of ids)
    if (!(MODEL_IDS as readonly string[]).includes(id))
      throw new CliError(
        `--model "${id}" is not a model; choose from ${MODEL_IDS.join(', ')} or all`,
        EXIT.usage,
      );
  return ids as ModelId[];
}

function parseInteger(flag: string, value: string, min = -(2 ** 31), max = 2 ** 31 - 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${flag} "${value}" must be a whole number from ${min} to ${max}`, EXIT.usage);
  return n;
}

function parseRuns(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 1)
    throw new CliError(`--runs "${value}" must be a whole number of at least 1`, EXIT.usage);
  if (n > MAX_FORECAST_RUNS)
    throw new CliError(
      `--runs ${value} is above the limit of ${MAX_FORECAST_RUNS.toLocaleString('en')} runs; ask for fewer (10,000 already gives quantiles to about ±1 point)`,
      EXIT.usage,
    );
  return n;
}

/** Turns the engine's input errors into a located, exit-code-1 message. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof BargainingInputError)
      throw new CliError(
        `the case cannot be forecast:\n${e.problems.map((p) => `  ${p.path.join('.')}: ${p.message}\n    hint: ${p.hint}`).join('\n')}`,
        EXIT.invalid,
      );
    if (e instanceof UnknownScenarioError)
      throw new CliError(`no scenario "${e.scenarioId}"; known: ${e.known.join(', ') || 'none'}`, EXIT.usage);
    throw e;
  }
}
