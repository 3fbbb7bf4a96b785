/**
 * `redline forecast CASE`: where the negotiation is likely to land, by each bargaining model, with Monte Carlo
 * uncertainty (`--runs`), scenarios side by side (`--scenario`) and round-by-round trajectories.
 */
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { UnknownScenarioError, type Case } from '../../../case/index.js';
import {
  BargainingInputError,
  MAX_FORECAST_RUNS,
  MODEL_IDS,
  forecastCase,
  monteCarloSpecFor,
  type CaseForecast,
  type ModelId,
  type MonteCarloSummary,
} from '../../../engines/bargaining/index.js';
import { loadForAnalysis } from '../case-input.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, printWarnings, table } from '../output.js';
import { createMonteCarloPool } from '../../parallel/monte-carlo-pool.js';

interface ForecastOptions {
  model: string;
  runs?: string;
  seed?: string;
  scenario?: string;
  asOf?: string;
  trajectory?: boolean;
  threads?: string;
  skipIncomplete?: boolean;
  json?: boolean;
}

/** Runs at or above this count show a progress bar on standard error. */
const PROGRESS_FROM = 200;

export function register(program: Command): void {
  program
    .command('forecast')
    .description(
      'forecast the outcome of every issue with the bargaining models, optionally with Monte Carlo uncertainty',
    )
    .argument('<case>', 'case file')
    .option('--model <ids>', `model(s), comma-separated: ${MODEL_IDS.join(', ')}; or all`, 'all')
    .option('--runs <n>', `Monte Carlo runs (1–${MAX_FORECAST_RUNS.toLocaleString('en')}); none by default`)
    .option('--seed <n>', 'Monte Carlo seed (integer; default: the case’s forecast.seed, else 1)')
    .option('--scenario <id>', 'forecast this scenario beside the baseline ("all" for every scenario)')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD); default: the case’s asOf or its latest date')
    .option('--trajectory', 'show the round-by-round outcomes of the models that have rounds')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: every core)')
    .option(
      '--skip-incomplete',
      'leave out issues with fewer than 2 stances as of the date instead of refusing',
    )
    .option('--json', 'machine-readable output')
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
      const monteCarlo: { scenario: string | null; summaries: MonteCarloSummary[] }[] = [];
      if (runs !== undefined) {
        const pool = createMonteCarloPool(threads);
        try {
          for (const [v, scenario] of variants.entries()) {
            const summaries: MonteCarloSummary[] = [];
            for (const model of models) {
              // A model that could not run on the point forecast is reported there, not retried per run.
              if (forecasts[v]!.results.find((r) => r.model === model)?.outcome === null) continue;
              const spec = guard(() =>
                monteCarloSpecFor(c, model, {
                  asOf: input.asOf,
                  scenario,
                  runs,
                  seed,
                  skipIncomplete: opts.skipIncomplete,
                }),
              );
              const name = `${model}${scenario ? ` (${scenario})` : ''}`;
              summaries.push(
                await withProgress(name, runs, opts.json, (onProgress) => pool.run(spec, { onProgress })),
              );
            }
            monteCarlo.push({ scenario: scenario ?? null, summaries });
          }
        } finally {
          await pool.destroy();
        }
      }
      if (opts.json) {
        printJson({ case: c.id, forecasts, monteCarlo });
        return;
      }
      render(c, forecasts, monteCarlo, opts.trajectory === true);
    });
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

async function withProgress<T>(
  label: string,
  total: number,
  quiet: boolean | undefined,
  run: (onProgress: (done: number) => void) => Promise<T>,
): Promise<T> {
  if (quiet || total < PROGRESS_FROM || !process.stderr.isTTY) return run(() => {});
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} runs | {eta}s left`,
    stream: process.stderr,
    hideCursor: true,
  });
  bar.start(total, 0);
  try {
    return await run((done) => bar.update(done));
  } finally {
    bar.stop();
  }
}

const fmt = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);

/** The label of the option nearest to `value` on an options-scale issue, or null. */
function nearestOption(c: Case, issueId: string, value: number | undefined): string | null {
  const issue = c.issues.find((i) => i.id === issueId);
  if (issue?.scale.kind !== 'options' || value === undefined || Number.isNaN(value)) return null;
  let best = issue.scale.options[0]!;
  for (const o of issue.scale.options) if (Math.abs(o.value - value) < Math.abs(best.value - value)) best = o;
  return best.label.length > 44 ? `${best.label.slice(0, 43)}…` : best.label;
}

const middle = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length === 0
    ? undefined
    : s.length % 2
      ? s[s.length >> 1]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function render(
  c: Case,
  forecasts: CaseForecast[],
  monteCarlo: { scenario: string | null; summaries: MonteCarloSummary[] }[],
  trajectory: boolean,
): void {
  const base = forecasts[0]!;
  const actorName = (id: string) => c.actors.find((a) => a.id === id)?.name ?? id;
  const scenarioName = (id: string | null) =>
    id === null ? 'baseline' : (c.scenarios.find((s) => s.id === id)?.name ?? id);
  printWarnings(base.warnings);
  print(color.bold(`Forecast for ${c.title} as of ${base.asOf}`));
  print(color.dim('Outcomes on each issue’s 0–100 scale.'));
  for (const f of forecasts) {
    if (forecasts.length > 1) print(color.bold(`\n${scenarioName(f.scenario)}`));
    print(
      table(
        ['issue', ...f.results.map((r) => r.model), 'nearest option to the models’ median'],
        f.issues.map((issue, d) => {
          const values = f.results.map((r) => r.outcome?.[d] ?? Number.NaN);
          return [
            issue.name ?? issue.id,
            ...values.map((v) => fmt(v)),
            nearestOption(c, issue.id, middle(values)) ?? '–',
          ];
        }),
      ),
    );
    for (const r of f.results) {
      if (r.error) print(color.red(`${r.model}: could not run: ${r.error}`));
      for (const w of r.warnings.slice(0, 5)) print(color.yellow(`${r.model}: ${w}`));
      if (r.warnings.length > 5)
        print(color.yellow(`${r.model}: … and ${r.warnings.length - 5} more warnings (see --json)`));
    }
    const crossed = f.results.flatMap((r) =>
      Object.entries(r.redLines).flatMap(([actor, byIssue]) =>
        Object.entries(byIssue)
          .filter(([, inside]) => !inside)
          .map(([issue]) => ({ model: r.model, actor, issue })),
      ),
    );
    const rows = new Map<string, string[]>();
    for (const x of crossed)
      rows.set(`${x.actor}\u0000${x.issue}`, [...(rows.get(`${x.actor}\u0000${x.issue}`) ?? []), x.model]);
    if (rows.size > 0)
      print(
        table(
          ['red line crossed', 'issue', 'by models'],
          [...rows.entries()].map(([key, ms]) => [
            actorName(key.split('\u0000')[0]!),
            key.split('\u0000')[1]!,
            ms.join(', '),
          ]),
        ),
      );
    else if (f.results.some((r) => Object.keys(r.redLines).length > 0))
      print(color.green('No model’s forecast crosses a recorded red line.'));
  }
  if (forecasts.length > 1) {
    print(color.bold('\nScenarios side by side'));
    const models = base.results.map((r) => r.model);
    const rows: string[][] = [];
    base.issues.forEach((issue, d) => {
      for (const m of models)
        rows.push([
          issue.name ?? issue.id,
          m,
          ...forecasts.map((f) => fmt(f.results.find((r) => r.model === m)?.outcome?.[d])),
        ]);
    });
    print(table(['issue', 'model', ...forecasts.map((f) => scenarioName(f.scenario))], rows));
  }
  if (trajectory) {
    for (const r of base.results) {
      if (!r.outcomes || r.outcomes.length <= 1) continue;
      print(color.bold(`\n${r.model}: outcome by round`));
      print(
        table(
          ['round', ...base.issues.map((i) => i.id)],
          r.outcomes.map((o, t) => [String(t), ...o.map((v) => fmt(v))]),
        ),
      );
    }
  }
  for (const group of monteCarlo) {
    for (const s of group.summaries) {
      print(
        color.bold(
          `\nMonte Carlo: ${s.model}, ${scenarioName(group.scenario)}, ${s.runs.toLocaleString('en')} runs, seed ${s.seed}${s.failedRuns ? `, ${s.failedRuns} failed` : ''}`,
        ),
      );
      print(
        table(
          ['issue', 'mean', 'sd', '5 %', '25 %', 'median', '75 %', '95 %'],
          s.issues.map((i) => [
            i.issue,
            fmt(i.mean),
            fmt(i.sd),
            fmt(i.quantiles.p05),
            fmt(i.quantiles.p25),
            fmt(i.quantiles.p50),
            fmt(i.quantiles.p75),
            fmt(i.quantiles.p95),
          ]),
        ),
      );
      const withLines = s.actors.filter((a) => a.all !== null);
      if (withLines.length > 0) {
        print(
          table(
            ['actor', 'P(all its red lines hold)', 'per issue'],
            withLines.map((a) => [
              actorName(a.actor),
              pct(a.all),
              Object.entries(a.byIssue)
                .map(([i, p]) => `${i} ${pct(p)}`)
                .join(', '),
            ]),
          ),
        );
        print(`P(no red line crossed) = ${pct(s.everyRedLineHolds)}`);
      }
    }
  }
}

const pct = (p: number | null) => (p === null ? '–' : `${(p * 100).toFixed(1)} %`);
