/**
 * The HTTP API's contract: request and response schemas of every route (zod), shared by the server, which
 * validates requests and generates OpenAPI from them, and the dashboard, whose client is typed by them.
 * Pure: zod and the core's case schema only, so the browser can import it.
 */
export {
  AcceptableWire,
  AsOf,
  CaseIdParams,
  IssueRecord,
  PageQuery,
  pageOf,
  PROBLEM_CODES,
  ProblemDetails,
  ScenarioId,
} from './common.js';
export {
  CaseBody,
  CaseDoc,
  CaseList,
  CaseListQuery,
  CaseSummary,
  ValidateBody,
  ValidateResult,
  VersionDiff,
  VersionDiffQuery,
  VersionList,
  VersionListQuery,
  VersionParams,
  VersionSummary,
  YamlBody,
} from './cases.js';
export {
  ActorVerdict,
  AnalysisIdParams,
  AnalysisList,
  AnalysisListQuery,
  CaseForecast,
  CellStatus,
  CheckQuery,
  CheckResult,
  DiffQuery,
  DiffResult,
  ForecastBody,
  IssueZone,
  ModelResult,
  MonteCarloSummary,
  PointCell,
  ScenarioComparison,
  ScenarioForecastBody,
  ScenarioRedLines,
  ScenarioRedLinesList,
  ScenariosQuery,
  StabilityConceptSchema,
  StabilityQuery,
  StabilityReport,
  StoredAnalysis,
  VerdictKind,
  ZoneResult,
  ZopaQuery,
} from './analyses.js';
export {
  CreateJobBody,
  Job,
  JOB_EVENTS,
  JobEnvelope,
  JobIdParams,
  JobList,
  JobListQuery,
  JobStatusSchema,
} from './jobs.js';
export {
  JOB_KINDS,
  JOB_STATUSES,
  TERMINAL_JOB_STATUSES,
  isTerminal,
  type JobKind,
  type JobStatus,
} from './job-status.js';
export {
  ClaimItem,
  DecisionBody,
  DecisionResult,
  DocParams,
  DocumentDetail,
  DocumentList,
  DocumentsQuery,
  DocumentSummary,
  EventItem,
  EvidenceItem,
  IngestBody,
  REVIEW_STATUSES,
  SuggestionList,
  SuggestionParams,
  SuggestionsQuery,
  TimelineQuery,
} from './evidence.js';
export { Health } from './health.js';
export {
  findRoute,
  ROUTES,
  type BodyOf,
  type Method,
  type QueryOf,
  type ResponseOf,
  type RouteName,
  type RouteSpec,
} from './routes.js';
export type { ContractDrift } from './drift.js';
