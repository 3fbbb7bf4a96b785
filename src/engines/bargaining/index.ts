/**
 * Bargaining models: public list. Conventions in ./types.ts (actor i, dimension d, positions 0–100,
 * salience 0–1, capability ≥ 0).
 */
export type { BargainingInput, ModelForecast, DimensionSlice } from './types.js';
export { sliceDimension, perDimension } from './types.js';
export {
  validateInput,
  assertValidInput,
  BargainingInputError,
  type InputProblem,
  type ValidateOptions,
} from './validate.js';
export {
  compromise,
  weightedMean,
  weightsFor,
  type CompromiseOptions,
  type CompromiseWeighting,
} from './compromise.js';
export { median, weightedMedian, plainMedian, condorcetWinner, type MedianOptions } from './median.js';
export { nash, nashSolution, type NashOptions } from './nash.js';
export * from './bdm/index.js';
