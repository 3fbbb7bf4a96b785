/**
 * Runs KTAB's SMP (./smp/, built separately) on any BargainingInput: SMP needs every actor on every issue with
 * capability > 0 and saliences summing to at most 1 per actor, so this adapter drops actors that cannot take
 * part, scales salience rows down where they sum above 1 and gives inactive actors no salience on that issue.
 */
import { runSmp, type SmpParams } from './smp/index.js';
import type { BargainingInput, ModelForecast } from './types.js';
import {
  combineConvergence,
  convergenceWarnings,
  cycleOf,
  detectConvergence,
  reportedOutcome,
  type Convergence,
} from './convergence.js';

export interface SmpForecastOptions {
  params?: Partial<SmpParams>;
  seed?: number;
  maxTurns?: number;
}

/** SMP's forecast (c·s-weighted mean of the final positions) with its trajectory, on the input's actor indices. */
export function smpForecast(input: BargainingInput, options: SmpForecastOptions = {}): ModelForecast {
  const warnings: string[] = [];
  const dims = input.dimensions.length;
  const isActive = (i: number, d: number) => !(input.active && input.active[i]?.[d] === false);
  const keep: number[] = [];
  input.actors.forEach((a, i) => {
    const total = input.dimensions.reduce(
      (acc, _, d) => acc + (isActive(i, d) ? (input.salience[i]![d] ?? 0) : 0),
      0,
    );
    if (!((input.capability[i] ?? 0) > 0)) warnings.push(`SMP leaves out ${a.id}: capability 0`);
    else if (!(total > 0)) warnings.push(`SMP leaves out ${a.id}: no salience on any issue`);
    else keep.push(i);
  });
  // Where an actor is absent from an issue, park it at the issue's c·s-weighted mean with no salience.
  const parked = input.dimensions.map((_, d) => {
    let num = 0;
    let den = 0;
    for (const i of keep) {
      if (!isActive(i, d)) continue;
      const w = input.capability[i]! * input.salience[i]![d]!;
      num += w * input.position[i]![d]!;
      den += w;
    }
    return den > 0 ? num / den : 50;
  });
  let scaled = false;
  const salience = keep.map((i) => {
    const row = input.dimensions.map((_, d) => (isActive(i, d) ? input.salience[i]![d]! : 0));
    const total = row.reduce((a, b) => a + b, 0);
    if (total <= 1) return row;
    scaled = true;
    return row.map((s) => s / total);
  });
  if (scaled && dims > 1)
    warnings.push(
      'SMP needs each actor’s saliences to sum to at most 100; rows above that were scaled down proportionally',
    );
  const result = runSmp(
    {
      actors: keep.map((i) => input.actors[i]!),
      dimensions: input.dimensions,
      capability: keep.map((i) => input.capability[i]!),
      position: keep.map((i) =>
        input.dimensions.map((_, d) => (isActive(i, d) ? input.position[i]![d]! : parked[d]!)),
      ),
      salience,
    },
    options.params,
    { seed: options.seed, maxTurns: options.maxTurns },
  );
  // Back to the caller's actor indices; actors left out keep their input positions.
  const rounds = result.turns.map((turn) =>
    input.actors.map((_, i) => {
      const k = keep.indexOf(i);
      return k >= 0 ? [...turn[k]!] : [...input.position[i]!];
    }),
  );
  if (result.params.bigRAdjust === 'Full')
    warnings.push(
      'bigRAdjust Full: KTAB cannot run this input (estimated utilities equal the true ones, which fails its ' +
        'sanity check, docs/models/SMP.md §5 step 8); there is no KTAB result to compare',
    );
  const convergence = smpConvergence(input, result.turns, result.outcomes, result.stopReason);
  const prob = result.prob.map((row) =>
    input.actors.map((_, i) => {
      const k = keep.indexOf(i);
      return k >= 0 ? row[k]! : null;
    }),
  );
  return {
    model: 'smp',
    outcome: reportedOutcome(result.outcome, convergence),
    rounds,
    outcomes: result.outcomes,
    convergence,
    ktab: { prob, fractionalChange: result.fractionalChange, stopReason: result.stopReason },
    warnings: [...warnings, ...result.warnings, ...convergenceWarnings(convergence)],
  };
}

/**
 * SMP's stop rule (KTAB's fractional change below the threshold) counts as convergence; a run stopped by the
 * turn limit is checked for a cycle of its whole state. Every issue shares the run's status.
 */
function smpConvergence(
  input: BargainingInput,
  turns: readonly (readonly (readonly number[])[])[],
  outcomes: readonly (readonly number[])[],
  stopReason: 'converged' | 'maxTurns' | 'degenerate',
): Convergence {
  const rounds = turns.length - 1;
  const found =
    stopReason === 'maxTurns'
      ? detectConvergence(turns.map((t) => t.flat()))
      : { status: 'converged' as const, round: rounds, period: undefined };
  return combineConvergence(
    input.dimensions.map((dim, d) => ({
      issue: dim.id,
      status: found.status,
      round: found.round,
      rounds,
      ...(found.status === 'cycling'
        ? {
            cycle: cycleOf(
              outcomes.map((o) => o[d]!),
              found.round!,
              found.period!,
            ),
          }
        : {}),
    })),
  );
}
