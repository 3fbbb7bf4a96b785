/**
 * The tables of `redline forecast`: per scenario the models' outcomes (marked where a model cycles or did not
 * converge), red lines crossed, trajectories, Monte Carlo distributions with their sampling error, and the
 * combined band; or, with `--summary`, one table across models and scenarios.
 */
import type { Case } from '../../../case/index.js';
import type {
  CaseForecast,
  CombinedBand,
  ModelResult,
  MonteCarloSummary,
} from '../../../engines/bargaining/index.js';
import { color, print, printWarnings, table } from '../output.js';

export interface MonteCarloGroup {
  scenario: string | null;
  summaries: MonteCarloSummary[];
}

export interface ForecastView {
  c: Case;
  forecasts: CaseForecast[];
  monteCarlo: MonteCarloGroup[];
  bands: { scenario: string | null; bands: CombinedBand[] }[];
  trajectory: boolean;
}

const fmt = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);

const pctSE = (p: number | null | undefined, se: number | null | undefined) =>
  p === null || p === undefined ? '–' : `${(p * 100).toFixed(1)} ± ${((se ?? 0) * 100).toFixed(1)} %`;

/** A model's outcome on issue d, marked ↻ when it is a cycle's mean (with its range) and … when unconverged. */
export function markedOutcome(r: ModelResult, d: number): string {
  const v = r.outcome?.[d];
  const conv = r.convergence?.issues[d];
  if (conv?.status === 'cycling' && conv.cycle && conv.cycle.min !== conv.cycle.max)
    return `${fmt(v)} ↻ (${fmt(conv.cycle.min)}–${fmt(conv.cycle.max)})`;
  if (conv?.status === 'not-converged') return `${fmt(v)} …`;
  return fmt(v);
}

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

const scenarioNamer = (c: Case) => (id: string | null) =>
  id === null ? 'baseline' : (c.scenarios.find((s) => s.id === id)?.name ?? id);

function convergenceLegend(forecasts: CaseForecast[]): void {
  const all = forecasts.flatMap((f) => f.results);
  const cycling = all.some((r) => r.convergence?.status === 'cycling');
  const moving = all.some((r) => r.convergence?.issues.some((i) => i.status === 'not-converged'));
  if (cycling)
    print(
      color.yellow(
        '↻ the model cycles on this issue: the forecast is the mean of the cycle (range in brackets).',
      ),
    );
  if (moving) print(color.yellow('… the model was still moving at its last round (not converged).'));
}

export function render(view: ForecastView): void {
  const { c, forecasts, monteCarlo, trajectory } = view;
  const base = forecasts[0]!;
  const actorName = (id: string) => c.actors.find((a) => a.id === id)?.name ?? id;
  const scenarioName = scenarioNamer(c);
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
            ...f.results.map((r) => markedOutcome(r, d)),
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
    renderRedLines(f, actorName);
  }
  convergenceLegend(forecasts);
  if (forecasts.length > 1) {
    print(color.bold('\nScenarios side by side'));
    const models = base.results.map((r) => r.model);
    const rows: string[][] = [];
    base.issues.forEach((issue, d) => {
      for (const m of models)
        rows.push([
          issue.name ?? issue.id,
          m,
          ...forecasts.map((f) => {
            const r = f.results.find((x) => x.model === m);
            return r ? markedOutcome(r, d) : '–';
          }),
        ]);
    });
    print(table(['issue', 'model', ...forecasts.map((f) => scenarioName(f.scenario))], rows));
  }
  if (trajectory) renderTrajectories(base);
  for (const group of monteCarlo)
    for (const s of group.summaries) renderMonteCarlo(s, scenarioName(group.scenario), actorName);
  for (const b of view.bands) if (monteCarlo.length > 0) renderBands(b.bands, scenarioName(b.scenario));
}

function renderRedLines(f: CaseForecast, actorName: (id: string) => string): void {
  const rows = new Map<string, string[]>();
  for (const r of f.results)
    for (const [actor, byIssue] of Object.entries(r.redLines))
      for (const [issue, inside] of Object.entries(byIssue)) {
        if (inside) continue;
        const key = `${actor}\u0000${issue}`;
        rows.set(key, [...(rows.get(key) ?? []), r.model]);
      }
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

function renderTrajectories(base: CaseForecast): void {
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

const band = (q: [number, number]) => `[${fmt(q[0])}, ${fmt(q[1])}]`;

function renderMonteCarlo(s: MonteCarloSummary, scenario: string, actorName: (id: string) => string): void {
  print(
    color.bold(
      `\nMonte Carlo: ${s.model}, ${scenario}, ${s.runs.toLocaleString('en')} runs, seed ${s.seed}${s.failedRuns ? `, ${s.failedRuns} failed` : ''}`,
    ),
  );
  print(color.dim('mean ± its standard error; each quantile with its 95 % bootstrap interval'));
  print(
    table(
      ['issue', 'mean', 'sd', '5 %', 'median', '95 %'],
      s.issues.map((i) => [
        i.issue,
        `${fmt(i.mean)} ± ${fmt(i.meanSE, 2)}`,
        fmt(i.sd),
        `${fmt(i.quantiles.p05)} ${band(i.quantileIntervals.p05)}`,
        `${fmt(i.quantiles.p50)} ${band(i.quantileIntervals.p50)}`,
        `${fmt(i.quantiles.p95)} ${band(i.quantileIntervals.p95)}`,
      ]),
    ),
  );
  const withLines = s.actors.filter((a) => a.all !== null);
  if (withLines.length === 0) return;
  print(
    table(
      ['actor', 'P(all its red lines hold) ± SE', 'per issue'],
      withLines.map((a) => [
        actorName(a.actor),
        pctSE(a.all, a.allSE),
        Object.entries(a.byIssue)
          .map(([i, p]) => `${i} ${pctSE(p, a.byIssueSE[i])}`)
          .join(', '),
      ]),
    ),
  );
  print(`P(no red line crossed) = ${pctSE(s.everyRedLineHolds, s.everyRedLineHoldsSE)}`);
}

function renderBands(bands: CombinedBand[], scenario: string): void {
  print(color.bold(`\nUncertainty side by side, ${scenario}`));
  print(
    color.dim(
      'models: range of the point forecasts (model disagreement); Monte Carlo: the widest 90 % band of one model (input uncertainty); combined: both',
    ),
  );
  print(
    table(
      ['issue', 'models', 'width', 'Monte Carlo 90 %', 'width', 'combined', 'width'],
      bands.map((b) => [
        b.issue,
        `${fmt(b.models.min)}–${fmt(b.models.max)}`,
        fmt(b.models.max - b.models.min),
        b.widestModelBand
          ? `${fmt(b.widestModelBand.p05)}–${fmt(b.widestModelBand.p95)} (${b.widestModelBand.model})`
          : '–',
        b.widestModelBand ? fmt(b.widestModelBand.p95 - b.widestModelBand.p05) : '–',
        `${fmt(b.combined.lo)}–${fmt(b.combined.hi)}`,
        fmt(b.combined.hi - b.combined.lo),
      ]),
    ),
  );
}

/**
 * `--summary`: one row per issue and scenario, one column per model (the point forecast, and with Monte Carlo
 * its 5–95 % band), then the model range and the combined band.
 */
export function renderSummary(view: ForecastView): void {
  const { c, forecasts, monteCarlo } = view;
  const scenarioName = scenarioNamer(c);
  const base = forecasts[0]!;
  printWarnings(base.warnings);
  print(color.bold(`Forecast summary for ${c.title} as of ${base.asOf}`));
  const models = base.results.map((r) => r.model);
  const rows: string[][] = [];
  forecasts.forEach((f, v) => {
    f.issues.forEach((issue, d) => {
      const bandsHere = view.bands[v]?.bands[d];
      rows.push([
        issue.id,
        scenarioName(f.scenario),
        ...models.map((m) => {
          const r = f.results.find((x) => x.model === m);
          if (!r) return '–';
          const q = monteCarlo[v]?.summaries.find((s) => s.model === m)?.issues[d]?.quantiles;
          return q ? `${markedOutcome(r, d)} [${fmt(q.p05)}–${fmt(q.p95)}]` : markedOutcome(r, d);
        }),
        bandsHere ? `${fmt(bandsHere.models.min)}–${fmt(bandsHere.models.max)}` : '–',
        bandsHere && monteCarlo.length > 0
          ? `${fmt(bandsHere.combined.lo)}–${fmt(bandsHere.combined.hi)}`
          : '–',
      ]);
    });
  });
  print(table(['issue', 'scenario', ...models, 'model range', 'combined band'], rows));
  if (monteCarlo.length > 0) print(color.dim('[a–b]: the model’s 90 % Monte Carlo band'));
  convergenceLegend(forecasts);
}
