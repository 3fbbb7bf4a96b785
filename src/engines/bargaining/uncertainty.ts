/**
 * What the Monte Carlo perturbs, in words (printed by `forecast --explain`, documented in docs/case-format.md),
 * and the combined band that puts the models' disagreement beside the parameter uncertainty of each model.
 */
import type { Uncertainty, UncertaintyOverride } from '../../case/schema-forecast.js';
import type { MonteCarloSummary } from './monte-carlo.js';

/** The perturbation model of one Monte Carlo run, one sentence a line. */
export function describePerturbation(
  uncertainty: Uncertainty,
  overrides: readonly UncertaintyOverride[] = [],
): string[] {
  const shape = (r: number, unit: string) =>
    uncertainty.distribution === 'uniform'
      ? `a draw uniform on [−${r}, +${r}]${unit}`
      : `a normal draw with sd ${r / 2}${unit}, clipped at ±${r}${unit}`;
  const lines = [
    'Each run k draws from its own stream (fork k of the seed), so any split of the runs gives the same result.',
    `capability: each actor's is multiplied by 1 + ${shape(uncertainty.capability, '')} (never below 0); one draw per actor, shared by every issue.`,
    `salience: each actor's salience on each issue gets ${shape(uncertainty.salience, ' points')} of the 0–100 scale, clipped to 0–100.`,
    `position: each actor's position on each issue gets ${shape(uncertainty.position, ' points')}, clipped to 0–100.`,
    'Draws are independent: across actors, issues and inputs. Options-scale issues are read at the nearest option before red lines are checked.',
    'Not perturbed: the model itself and its parameters, red lines, the status quo, vetoes. The models’ disagreement is shown separately (the combined band).',
  ];
  for (const o of overrides) {
    const who = [
      o.actor ? `actor ${o.actor}` : 'every actor',
      o.issue ? `issue ${o.issue}` : 'every issue',
    ].join(', ');
    const what = (['capability', 'salience', 'position'] as const)
      .filter((f) => o[f] !== undefined)
      .map((f) => `${f} ±${o[f]}`)
      .join(', ');
    lines.push(`override (${who}): ${what} (the most specific override wins).`);
  }
  return lines;
}

export interface CombinedBand {
  issue: string;
  /** The models' point forecasts: their range is the model disagreement. */
  models: { min: number; max: number; byModel: Record<string, number> };
  /** Parameter uncertainty: the widest 90 % Monte Carlo band (5–95 %) of any one model, and its model. */
  widestModelBand: { model: string; p05: number; p95: number } | null;
  /** The union of every model's 90 % band and every point forecast: what the analyst should read as the spread. */
  combined: { lo: number; hi: number };
}

/**
 * Per issue: model disagreement (range of point forecasts), the widest single-model 90 % band, and their union.
 * A 3-point Monte Carlo band beside a 60-point model range shows the band is not the whole uncertainty.
 */
export function combinedBands(
  issues: readonly { id: string }[],
  points: readonly { model: string; outcome: readonly number[] | null }[],
  summaries: readonly MonteCarloSummary[],
): CombinedBand[] {
  return issues.map((issue, d) => {
    const byModel: Record<string, number> = {};
    for (const p of points) {
      const v = p.outcome?.[d];
      if (v !== undefined && Number.isFinite(v)) byModel[p.model] = v;
    }
    const values = Object.values(byModel);
    let widest: CombinedBand['widestModelBand'] = null;
    let lo = values.length ? Math.min(...values) : Number.NaN;
    let hi = values.length ? Math.max(...values) : Number.NaN;
    for (const s of summaries) {
      const q = s.issues.find((i) => i.issue === issue.id)?.quantiles;
      if (!q || !Number.isFinite(q.p05)) continue;
      if (!widest || q.p95 - q.p05 > widest.p95 - widest.p05)
        widest = { model: s.model, p05: q.p05, p95: q.p95 };
      lo = Number.isFinite(lo) ? Math.min(lo, q.p05) : q.p05;
      hi = Number.isFinite(hi) ? Math.max(hi, q.p95) : q.p95;
    }
    return {
      issue: issue.id,
      models: {
        min: values.length ? Math.min(...values) : Number.NaN,
        max: values.length ? Math.max(...values) : Number.NaN,
        byModel,
      },
      widestModelBand: widest,
      combined: { lo, hi },
    };
  });
}
