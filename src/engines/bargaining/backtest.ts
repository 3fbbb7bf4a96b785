/**
 * Backtest of the bargaining models on DEU III (EU legislation with known outcomes; parsed by
 * src/formats/deu.ts). Pure over parsed rows. The issue filter and reference numbers are those of
 * docs/models/baselines.md §5–6; fitted models are scored by cross-validation by proposal (./cross-validate.ts).
 */
import { weightedMean } from './compromise.js';
import { plainMedian, weightedMedian } from './median.js';
import { nashSolution } from './nash.js';
import { runBdmIssue, DEFAULT_BDM_OPTIONS } from './bdm/index.js';
import { exchange } from './exchange.js';
import { smpForecast } from './smp-adapter.js';
import { crossValidateBlend, type BlendResult } from './cross-validate.js';
import { pairedBootstrap, type PairedDifference } from './bootstrap.js';
import type { BargainingInput } from './types.js';

/**
 * One issue of a legislative data set with a known outcome, as the DEU III reader (src/formats/deu.ts) returns
 * it; declared here so the engine does not depend on the reader. Actors are taken in the key order of `position`.
 */
export interface OutcomeRow {
  proposal: string;
  issue: string;
  procedure: string;
  position: Readonly<Record<string, number | null>>;
  salience: Readonly<Record<string, number | null>>;
  referencePoint: number | null;
  outcome: number | null;
}

/** One scorable issue: the actors with both a position and a salience (salience 0–100). */
export interface ScorableIssue {
  proposal: string;
  issue: string;
  procedure: string;
  actors: string[];
  x: number[];
  s: number[];
  referencePoint: number | null;
  outcome: number;
}

/**
 * Council voting weights of the Treaty of Nice (EU-28: 352 votes in all), the conventional capability of
 * member states in DEU studies; the Commission and Parliament get the largest state's weight.
 */
export const NICE_WEIGHTS: Record<string, number> = {
  de: 29, fr: 29, it: 29, uk: 29, es: 27, pl: 27, ro: 14, nl: 13, be: 12, cz: 12, el: 12, hu: 12, pt: 12,
  at: 10, bu: 10, se: 10, dk: 7, ie: 7, lt: 7, sk: 7, fi: 7, cr: 7, cy: 4, ee: 4, lv: 4, lu: 4, si: 4, mt: 3,
  com: 29, ep: 29,
}; // prettier-ignore

/** Keeps issues with an outcome in [0, 100] and at least 3 actors with both position and salience. */
export function scorableIssues(rows: readonly OutcomeRow[]): ScorableIssue[] {
  const issues: ScorableIssue[] = [];
  for (const row of rows) {
    if (row.outcome === null) continue;
    const actors: string[] = [];
    const x: number[] = [];
    const s: number[] = [];
    for (const a of Object.keys(row.position)) {
      const p = row.position[a];
      const sal = row.salience[a];
      if (p === null || p === undefined || sal === null || sal === undefined) continue;
      actors.push(a);
      x.push(p);
      s.push(sal);
    }
    if (actors.length < 3) continue;
    issues.push({
      proposal: row.proposal,
      issue: row.issue,
      procedure: row.procedure,
      actors,
      x,
      s,
      referencePoint: row.referencePoint,
      outcome: row.outcome,
    });
  }
  return issues;
}

export interface ModelScore {
  id: string;
  description: string;
  /** Mean absolute error on the 0–100 scale over `n` issues. */
  mae: number;
  n: number;
  /** 'fixed': no parameter learnt from DEU; 'cross-validated': MAE of out-of-fold forecasts. */
  kind: 'fixed' | 'cross-validated';
  /** MAE minus the compromise model's, with a 95 % interval from a paired bootstrap by proposal. */
  vsCompromise?: PairedDifference;
  /** For fitted models: what the fit on all issues chose (reported, never scored in sample). */
  fitted?: string;
  inSampleMae?: number;
}

export interface BacktestResult {
  issues: number;
  proposals: number;
  scores: ModelScore[];
  warnings: string[];
  /** Per issue forecasts of every fixed model, keyed by model id (for paired comparisons). */
  forecasts: Record<string, number[]>;
  outcomes: number[];
}

export interface BacktestOptions {
  /** Run SMP (slow on 30-actor issues: about a second per issue); default true. */
  smp?: boolean;
  /** Folds for cross-validation by proposal (default 10). */
  folds?: number;
}

const equal = (n: number) => Array.from({ length: n }, () => 1);
const nice = (actors: readonly string[]) => actors.map((a) => NICE_WEIGHTS[a] ?? 1);

function oneIssueInput(issue: ScorableIssue, capability: number[]): BargainingInput {
  return {
    actors: issue.actors.map((id) => ({ id })),
    dimensions: [{ id: issue.issue }],
    capability,
    position: issue.x.map((x) => [x]),
    salience: issue.s.map((s) => [s / 100]),
  };
}

/** Exchange model per proposal (it trades across the issues of one proposal); returns forecasts by issue index. */
function exchangeForecasts(issues: readonly ScorableIssue[]): number[] {
  const out: number[] = new Array(issues.length).fill(Number.NaN);
  const byProposal = new Map<string, number[]>();
  issues.forEach((iss, k) => byProposal.set(iss.proposal, [...(byProposal.get(iss.proposal) ?? []), k]));
  for (const ks of byProposal.values()) {
    const actors = [...new Set(ks.flatMap((k) => issues[k]!.actors))];
    const at = (k: number, a: string) => issues[k]!.actors.indexOf(a);
    const input: BargainingInput = {
      actors: actors.map((id) => ({ id })),
      dimensions: ks.map((k) => ({ id: issues[k]!.issue })),
      capability: equal(actors.length),
      position: actors.map((a) => ks.map((k) => (at(k, a) >= 0 ? issues[k]!.x[at(k, a)]! : 50))),
      salience: actors.map((a) => ks.map((k) => (at(k, a) >= 0 ? issues[k]!.s[at(k, a)]! / 100 : 0))),
      active: actors.map((a) => ks.map((k) => at(k, a) >= 0)),
    };
    const f = exchange(input);
    ks.forEach((k, d) => (out[k] = f.outcome[d]!));
  }
  return out;
}

const mae = (f: readonly number[], y: readonly number[]) =>
  f.reduce((acc, v, k) => acc + Math.abs(v - y[k]!), 0) / f.length;

/** Scores every model on the scorable issues of DEU III. */
export function backtestDeu(rows: readonly OutcomeRow[], options: BacktestOptions = {}): BacktestResult {
  const issues = scorableIssues(rows);
  const outcomes = issues.map((i) => i.outcome);
  const warnings: string[] = [];
  const forecasts: Record<string, number[]> = {};
  const describe: Record<string, string> = {};
  const add = (id: string, description: string, f: number[]) => {
    forecasts[id] = f;
    describe[id] = description;
  };
  add(
    'mean',
    'unweighted mean of positions',
    issues.map((i) => weightedMean(i.x, equal(i.x.length))),
  );
  add(
    'compromise',
    'compromise model, equal capability (salience-weighted mean)',
    issues.map((i) => weightedMean(i.x, i.s)),
  );
  add(
    'compromise-nice',
    'compromise model, Nice-treaty Council weights (Commission, Parliament = largest state)',
    issues.map((i) =>
      weightedMean(
        i.x,
        nice(i.actors).map((c, k) => c * i.s[k]!),
      ),
    ),
  );
  add(
    'median',
    'median of positions',
    issues.map((i) => plainMedian(i.x)),
  );
  add(
    'weighted-median',
    'salience-weighted median',
    issues.map((i) => weightedMedian(i.x, i.s)),
  );
  add(
    'nash',
    'asymmetric Nash bargaining (quadratic, weights = salience, D = reference point or the far end)',
    issues.map((i) => {
      const D = i.referencePoint ?? (weightedMean(i.x, i.s) >= 50 ? 0 : 100);
      return nashSolution(i.x, i.s, D, 'quadratic').outcome;
    }),
  );
  const bdmFinal = issues.map((i) => {
    const rounds = runBdmIssue(
      { x: i.x, c: equal(i.x.length), s: i.s.map((s) => s / 100) },
      DEFAULT_BDM_OPTIONS,
    );
    return rounds[rounds.length - 1]!;
  });
  add(
    'bdm',
    'BDM expected utility (Scholz 2011 reproduction variant, 8 rounds, median), equal capability',
    bdmFinal.map((r) => r.median),
  );
  add(
    'bdm-mean',
    'BDM expected utility, c·s-weighted mean of the final positions, equal capability',
    bdmFinal.map((r) => r.mean),
  );
  add(
    'exchange',
    'Stokman equal-gain exchange model across the issues of each proposal, equal capability',
    exchangeForecasts(issues),
  );
  if (options.smp !== false) {
    let failed = 0;
    const smp = issues.map((i) => {
      const keep = i.s.map((s, k) => (s > 0 ? k : -1)).filter((k) => k >= 0);
      if (keep.length < 3) {
        failed++;
        return weightedMean(i.x, i.s);
      }
      const input = oneIssueInput(
        {
          ...i,
          actors: keep.map((k) => i.actors[k]!),
          x: keep.map((k) => i.x[k]!),
          s: keep.map((k) => i.s[k]!),
        },
        equal(keep.length),
      );
      return smpForecast(input).outcome[0]!;
    });
    if (failed > 0)
      warnings.push(
        `SMP: ${failed} issue(s) with fewer than 3 actors with salience above 0 scored with the compromise model`,
      );
    add('smp', 'KTAB SMP, default parameters, equal capability (c·s-weighted mean of final positions)', smp);
  }
  const scores: ModelScore[] = Object.entries(forecasts).map(([id, f]) => ({
    id,
    description: describe[id]!,
    mae: mae(f, outcomes),
    n: f.length,
    kind: 'fixed',
  }));
  const rp = issues.filter((i) => i.referencePoint !== null);
  scores.push({
    id: 'reference-point',
    description: 'reference point (status quo) alone, issues that have one',
    mae: mae(
      rp.map((i) => i.referencePoint!),
      rp.map((i) => i.outcome),
    ),
    n: rp.length,
    kind: 'fixed',
  });
  const groups = issues.map((i) => i.proposal);
  const blendParts = [
    'compromise',
    'compromise-nice',
    'weighted-median',
    'bdm',
    ...(forecasts.smp ? ['smp'] : []),
  ];
  const blend: BlendResult = crossValidateBlend(
    blendParts.map((id) => forecasts[id]!),
    outcomes,
    groups,
    { folds: options.folds ?? 10, step: 0.1 },
  );
  scores.push({
    id: 'ensemble-cv',
    description: `convex blend of ${blendParts.join(', ')} with weights fitted on the training folds`,
    mae: blend.cvMae,
    n: outcomes.length,
    kind: 'cross-validated',
    fitted: blendParts.map((id, k) => `${id} ${blend.fullWeights[k]!.toFixed(1)}`).join(', '),
    inSampleMae: blend.inSampleMae,
  });
  forecasts['ensemble-cv'] = blend.outOfFold;
  for (const score of scores) {
    const f = forecasts[score.id];
    if (f && score.id !== 'compromise')
      score.vsCompromise = pairedBootstrap(f, forecasts.compromise!, outcomes, groups, { seed: 2011 });
  }
  return { issues: issues.length, proposals: new Set(groups).size, scores, warnings, forecasts, outcomes };
}
