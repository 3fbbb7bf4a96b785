/** Tolerant readers for forecast and Monte Carlo results (src/engines/bargaining). */
import { arr, isObj, num, pick, ref, str, strings, unwrap } from './normalize.js';

export interface ModelRun {
  model: string;
  /** Predicted outcome per issue id. */
  outcome: Map<string, number>;
  error?: string;
  /** actor → issue → inside its red line? */
  redLines: Map<string, Map<string, boolean>>;
  /** outcomes[t] per issue id. */
  outcomes?: Map<string, number>[];
  /** rounds[t] actor id → issue id → position. */
  rounds?: Map<string, Map<string, number>>[];
  warnings: string[];
}

export interface ForecastView {
  issues: string[];
  actors: string[];
  models: ModelRun[];
  warnings: string[];
}

const ids = (v: unknown): string[] =>
  arr(v)
    .map((x) => ref(x))
    .filter((x): x is string => !!x);

function byIssue(values: unknown, issues: string[]): Map<string, number> {
  const m = new Map<string, number>();
  if (Array.isArray(values))
    values.forEach(
      (v, d) => issues[d] !== undefined && num(v) !== undefined && m.set(issues[d]!, v as number),
    );
  else if (isObj(values))
    for (const [k, v] of Object.entries(values)) if (num(v) !== undefined) m.set(k, v as number);
  return m;
}

export function readForecast(
  body: unknown,
  fallbackIssues: string[],
  fallbackActors: string[],
): ForecastView {
  const r = unwrap(body);
  const issues = ids(pick(r, 'dimensions', 'issues')).length
    ? ids(pick(r, 'dimensions', 'issues'))
    : fallbackIssues;
  const actors = ids(r.actors).length ? ids(r.actors) : fallbackActors;
  const src = pick(r, 'models', 'forecasts', 'results');
  const list = Array.isArray(src)
    ? src
    : isObj(src)
      ? Object.entries(src).map(([k, v]) => (isObj(v) ? { model: k, ...v } : v))
      : isObj(r.outcome) || Array.isArray(r.outcome)
        ? [r]
        : [];
  const models: ModelRun[] = [];
  for (const m of list) {
    if (!isObj(m)) continue;
    const outcomes = arr(m.outcomes).map((o) => byIssue(o, issues));
    const rounds = arr(m.rounds).map((t) => {
      const perActor = new Map<string, Map<string, number>>();
      arr(t).forEach((row, i) => actors[i] !== undefined && perActor.set(actors[i]!, byIssue(row, issues)));
      return perActor;
    });
    models.push({
      model: str(pick(m, 'model', 'name', 'id')) ?? 'model',
      outcome: byIssue(pick(m, 'outcome', 'prediction', 'forecast'), issues),
      error: str(m.error),
      redLines: new Map(
        Object.entries(isObj(m.redLines) ? m.redLines : {}).map(([a, v]) => [
          a,
          new Map(
            Object.entries(isObj(v) ? v : {}).filter(([, b]) => typeof b === 'boolean') as [
              string,
              boolean,
            ][],
          ),
        ]),
      ),
      outcomes: outcomes.length ? outcomes : undefined,
      rounds: rounds.length ? rounds : undefined,
      warnings: strings(m.warnings),
    });
  }
  return { issues, actors, models, warnings: strings(r.warnings) };
}

export interface McIssue {
  issue: string;
  mean?: number;
  q: { p05?: number; p25?: number; p50?: number; p75?: number; p95?: number };
}

export interface McView {
  runs?: number;
  model?: string;
  issues: McIssue[];
  /** actor → issue → probability the outcome lands inside the actor's red line. */
  inside: Map<string, Map<string, number>>;
  /** actor → probability the whole package is acceptable, when reported. */
  insideAll: Map<string, number>;
  everyRedLineHolds?: number;
  failedRuns?: number;
  warnings: string[];
}

function quantiles(o: Record<string, unknown>): McIssue['q'] {
  const q = isObj(o.quantiles) ? o.quantiles : o;
  const get = (...k: string[]) => num(pick(q, ...k));
  return {
    p05: get('p05', 'p5', 'q05', '0.05', 'q5'),
    p25: get('p25', 'q25', '0.25'),
    p50: get('p50', 'median', 'q50', '0.5'),
    p75: get('p75', 'q75', '0.75'),
    p95: get('p95', 'q95', '0.95'),
  };
}

export function readMonteCarlo(body: unknown, fallbackIssues: string[]): McView {
  let r = unwrap(body);
  if (isObj(r.montecarlo)) r = r.montecarlo;
  const issues: McIssue[] = [];
  const src = pick(r, 'issues', 'distributions', 'perIssue');
  const list = Array.isArray(src)
    ? src
    : isObj(src)
      ? Object.entries(src).map(([k, v]) => ({ issue: k, ...(isObj(v) ? v : {}) }))
      : [];
  list.forEach((x, d) => {
    if (!isObj(x)) return;
    const issue = ref(pick(x, 'issue', 'issueId', 'dimension', 'id')) ?? fallbackIssues[d];
    if (issue) issues.push({ issue, mean: num(x.mean), q: quantiles(x) });
  });
  const inside = new Map<string, Map<string, number>>();
  const insideAll = new Map<string, number>();
  const probs = pick(r, 'redLines', 'insideRedLine', 'probabilities', 'redLineProbabilities', 'actors');
  for (const p of arr(probs)) {
    if (!isObj(p)) continue;
    const actor = ref(pick(p, 'actor', 'actorId'));
    if (!actor) continue;
    const issue = ref(pick(p, 'issue', 'issueId'));
    const prob = num(pick(p, 'probability', 'p', 'inside', 'share'));
    if (issue && prob !== undefined) {
      if (!inside.has(actor)) inside.set(actor, new Map());
      inside.get(actor)!.set(issue, prob);
    }
    const all = num(pick(p, 'all', 'package', 'insideAll'));
    if (all !== undefined) insideAll.set(actor, all);
    const per = pick(p, 'byIssue', 'issues', 'perIssue');
    if (isObj(per))
      for (const [k, v] of Object.entries(per))
        if (num(v) !== undefined)
          (inside.get(actor) ?? inside.set(actor, new Map()).get(actor)!).set(k, v as number);
  }
  if (isObj(probs))
    for (const [actor, v] of Object.entries(probs))
      if (isObj(v))
        inside.set(
          actor,
          new Map(Object.entries(v).filter(([, x]) => num(x) !== undefined) as [string, number][]),
        );
  return {
    runs: num(pick(r, 'runs', 'n')),
    model: str(r.model),
    issues,
    inside,
    insideAll,
    everyRedLineHolds: num(r.everyRedLineHolds),
    failedRuns: num(r.failedRuns),
    warnings: strings(r.warnings),
  };
}
