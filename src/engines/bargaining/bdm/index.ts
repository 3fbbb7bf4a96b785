/**
 * Bueno de Mesquita's expected-utility model over a multi-issue input: each issue is run on its own
 * (the model is one-dimensional). [Reference] Scholz, Calbert & Smith (2011); docs/models/BDM.md.
 */
import { sliceDimension, type BargainingInput, type ModelForecast } from '../types.js';
import { BdmOptionsSchema, type BdmOptionsInput } from './options.js';
import { runBdmIssue } from './model.js';
import {
  combineConvergence,
  convergenceWarnings,
  issueConvergence,
  reportedOutcome,
} from '../convergence.js';

export { BdmOptionsSchema, DEFAULT_BDM_OPTIONS, type BdmOptions, type BdmOptionsInput } from './options.js';
export {
  runBdmIssue,
  bdmRound,
  probabilities,
  expectedUtility,
  riskExponents,
  type BdmRound,
  type BdmDyad,
  type BdmIssueInput,
} from './model.js';

/** Forecasts every dimension with the BDM model; `rounds`/`outcomes` hold the trajectory. */
export function bdm(input: BargainingInput, optionsInput: BdmOptionsInput = {}): ModelForecast {
  const options = BdmOptionsSchema.parse(optionsInput);
  const warnings: string[] = [];
  const perIssue = input.dimensions.map((_, d) => {
    const slice = sliceDimension(input, d);
    return {
      slice,
      rounds: runBdmIssue({ x: slice.position, c: slice.capability, s: slice.salience }, options),
    };
  });
  const nRounds = Math.max(...perIssue.map((p) => p.rounds.length));
  const rounds: number[][][] = [];
  const outcomes: number[][] = [];
  for (let t = 0; t < nRounds; t++) {
    rounds.push(
      input.actors.map((_, i) => input.dimensions.map((_, d) => input.position[i]?.[d] ?? Number.NaN)),
    );
    outcomes.push([]);
    perIssue.forEach(({ slice, rounds: rs }, d) => {
      const round = rs[Math.min(t, rs.length - 1)]!;
      slice.actorIndex.forEach((i, k) => (rounds[t]![i]![d] = round.x[k]!));
      outcomes[t]![d] = options.outcome === 'mean' ? round.mean : round.median;
    });
  }
  const convergence = combineConvergence(
    perIssue.map(({ rounds: rs }, d) =>
      issueConvergence(
        input.dimensions[d]!.id,
        rs.map((r) => r.x),
        rs.map((r) => (options.outcome === 'mean' ? r.mean : r.median)),
      ),
    ),
  );
  warnings.push(...convergenceWarnings(convergence));
  const outcome = reportedOutcome(outcomes[outcomes.length - 1]!, convergence);
  return { model: 'bdm', outcome, rounds, outcomes, warnings, convergence };
}
