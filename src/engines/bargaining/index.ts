/**
 * Bargaining models: public list. Conventions in ./types.ts (actor i, dimension d, positions 0–100,
 * salience 0–1, capability ≥ 0).
 */
export type { BargainingInput, ModelForecast, DimensionSlice, KtabTurnOutputs } from './types.js';
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
export { exchange, type ExchangeOptions, type ExchangeForecast, type ExecutedExchange } from './exchange.js';
export { smpForecast, type SmpForecastOptions } from './smp-adapter.js';
export * from './smp/index.js';
export { runModel, MODEL_IDS, MODEL_DESCRIPTIONS, type ModelId, type RunModelOptions } from './models.js';
export { bargainingInputFromCase, type CaseBargainingInput, type FromCaseOptions } from './from-case.js';
export {
  monteCarlo,
  runMonteCarloRange,
  summariseMonteCarlo,
  perturbInput,
  resolveRanges,
  assertRuns,
  quantile,
  snapToOptions,
  monteCarloKey,
  designInput,
  type MonteCarloDesign,
  type Quantiles,
  type MonteCarloSpec,
  type MonteCarloSummary,
  type IssueDistribution,
  type ActorRedLineOdds,
  type ResolvedRanges,
} from './monte-carlo.js';
export {
  forecastCase,
  forecastSettings,
  caseInput,
  monteCarloSpecFor,
  type CaseForecast,
  type CaseForecastOptions,
  type ModelResult,
} from './forecast.js';
export {
  detectConvergence,
  issueConvergence,
  closedForm,
  CONVERGENCE_TOLERANCE,
  type Convergence,
  type ConvergenceStatus,
  type IssueConvergence,
  type Cycle,
} from './convergence.js';
export { proportionSE, quantileBootstrapInterval, binomialUpperTail, incompleteBeta } from './stats.js';
export {
  oneAtATime,
  parameterVariants,
  topInputs,
  sobolSpec,
  sobolByIssue,
  whoMustMove,
  sensitivitySpecFor,
  sensitivityOfCase,
  prepareSensitivity,
  finishSensitivity,
  UnknownIssueError,
  MAX_SOBOL_SAMPLES,
  DEFAULT_SOBOL_SAMPLES,
  DEFAULT_SOBOL_INPUTS,
  type SensitivityOptions,
  type SensitivityResult,
  type OatRow,
  type IssueSensitivity,
  type RedLineCrossing,
  type Move,
  type SensitivitySpec,
  type CaseSensitivityOptions,
} from './sensitivity.js';
export {
  withInput,
  inputValue,
  inputRange,
  inputLabel,
  numericInputs,
  type InputRef,
  type NumericInputRef,
} from './inputs.js';
export { sobolIndices, sobolPoint, sobolEvaluations, type SobolDesign, type SobolIndices } from './sobol.js';
export { describePerturbation, combinedBands, type CombinedBand } from './uncertainty.js';
export { forecastScenarios, type ScenarioComparison } from './scenarios.js';
export {
  backtestDeu,
  scorableIssues,
  NICE_WEIGHTS,
  type BacktestResult,
  type BacktestOptions,
  type ModelScore,
  type ScorableIssue,
  type OutcomeRow,
} from './backtest.js';
export { crossValidateBlend, simplexGrid, type BlendOptions, type BlendResult } from './cross-validate.js';
export { pairedBootstrap, type PairedDifference } from './bootstrap.js';
export {
  ForecastSettingsSchema,
  UncertaintySchema,
  UncertaintyOverrideSchema,
  ModelOptionsSchema,
  MAX_FORECAST_RUNS,
  DEFAULT_FORECAST_SETTINGS,
  type ForecastSettings,
  type Uncertainty,
  type UncertaintyOverride,
  type ModelOptions,
} from '../../case/schema-forecast.js';
