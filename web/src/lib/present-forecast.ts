/**
 * Forecasts and Monte Carlo summaries (src/contract/analyses.ts) as maps by issue and actor id, the form the
 * forecast charts draw. Outcome arrays are indexed like the forecast's own `issues` and `actors` lists.
 */
import type { CaseForecast, MonteCarloSummary } from '../api/types.js';

export interface ModelRun {
  model: string;
  /** Predicted outcome per issue id (empty when the model could not run). */
  outcome: Map<string, number>;
  error?: string | undefined;
  /** actor → issue → inside its red line? */
  redLines: Map<string, Map<string, boolean>>;
  /** outcomes[t] per issue id. */
  outcomes?: Map<string, number>[] | undefined;
  /** rounds[t] actor id → issue id → position. */
  rounds?: Map<string, Map<string, number>>[] | undefined;
  warnings: string[];
}

export interface ForecastView {
  issues: string[];
  actors: string[];
  models: ModelRun[];
  warnings: string[];
}

const byIssue = (values: readonly number[], issues: readonly string[]) =>
  new Map(issues.map((id, d) => [id, values[d]!] as [string, number]).filter(([, v]) => v !== undefined));

export function presentForecast(f: CaseForecast): ForecastView {
  const issues = f.issues.map((i) => i.id);
  const actors = f.actors.map((a) => a.id);
  const models = f.results.map((m) => ({
    model: m.model,
    outcome: m.outcome ? byIssue(m.outcome, issues) : new Map<string, number>(),
    error: m.error,
    redLines: new Map(Object.entries(m.redLines).map(([a, v]) => [a, new Map(Object.entries(v))])),
    outcomes: m.outcomes?.map((o) => byIssue(o, issues)),
    rounds: m.rounds?.map(
      (t) => new Map(actors.map((a, i) => [a, byIssue(t[i] ?? [], issues)] as [string, Map<string, number>])),
    ),
    warnings: m.warnings,
  }));
  return { issues, actors, models, warnings: f.warnings };
}

export interface McIssue {
  issue: string;
  mean?: number | undefined;
  q: {
    p05?: number | undefined;
    p25?: number | undefined;
    p50?: number | undefined;
    p75?: number | undefined;
    p95?: number | undefined;
  };
}

export interface McView {
  runs: number;
  model: string;
  issues: McIssue[];
  /** actor → issue → probability the outcome lands inside the actor's red line. */
  inside: Map<string, Map<string, number>>;
  /** actor → probability every one of its red lines holds, when it has any. */
  insideAll: Map<string, number>;
  everyRedLineHolds?: number | undefined;
  failedRuns: number;
  warnings: string[];
}

/** NaN statistics (every run failed) arrive as null; the charts leave those out. */
const stat = (v: number | null) => v ?? undefined;

export function presentMonteCarlo(s: MonteCarloSummary): McView {
  return {
    runs: s.runs,
    model: s.model,
    issues: s.issues.map((d) => ({
      issue: d.issue,
      mean: stat(d.mean),
      q: {
        p05: stat(d.quantiles.p05),
        p25: stat(d.quantiles.p25),
        p50: stat(d.quantiles.p50),
        p75: stat(d.quantiles.p75),
        p95: stat(d.quantiles.p95),
      },
    })),
    inside: new Map(s.actors.map((a) => [a.actor, new Map(Object.entries(a.byIssue))])),
    insideAll: new Map(
      s.actors.filter((a) => a.all !== null).map((a) => [a.actor, a.all!] as [string, number]),
    ),
    everyRedLineHolds: s.everyRedLineHolds ?? undefined,
    failedRuns: s.failedRuns,
    warnings: [],
  };
}
