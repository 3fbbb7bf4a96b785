/** Request schemas of the analysis routes: the contract's (src/contract/analyses.ts). */
export {
  AnalysisListQuery,
  CheckQuery,
  DiffQuery,
  ForecastBody,
  StabilityQuery,
  ZopaQuery,
} from '../../../../contract/index.js';
