/**
 * Every route of the HTTP API in one table: method, path, request schemas and the response schema of its
 * success status. The server registers its routes against these entries (so OpenAPI is generated from the
 * same schemas), the dashboard's client derives its types from them, and test/server/contract.test.ts
 * checks that real answers match.
 */
import type { z } from 'zod';
import * as A from './analyses.js';
import * as C from './cases.js';
import { CaseIdParams } from './common.js';
import * as E from './evidence.js';
import { Health } from './health.js';
import * as J from './jobs.js';
import * as M from './monitor.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteSpec {
  method: Method;
  /** fastify-style path with `:param` segments. */
  path: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success status and its body schema; null body for 204 and for streams. */
  status: number;
  response: z.ZodType | null;
  /** Changes state: needs the write permission (and the CSRF header from browsers). */
  write?: boolean;
  /** The body schema documents the route; the handler validates it (to answer 422 with located issues). */
  bodyCheckedByHandler?: boolean;
}

const route = <R extends RouteSpec>(r: R): R => r;
const cases = ['cases'];
const analyses = ['analyses'];
const jobs = ['jobs'];
const evidence = ['evidence'];
const monitor = ['monitoring'];

const SuggestionRoutes = (word: 'suggestions' | 'claims') => ({
  list: route({
    method: 'GET',
    path: `/api/cases/:id/evidence/${word}`,
    summary:
      word === 'claims'
        ? 'Suggested claims (alias of suggestions?kind=claim)'
        : 'Suggested claims and events',
    tags: evidence,
    params: CaseIdParams,
    query: E.SuggestionsQuery,
    status: 200,
    response: E.SuggestionList,
  }),
  accept: route({
    method: 'POST',
    path: `/api/cases/:id/evidence/${word}/:sid/accept`,
    summary: 'Accept a suggestion into the case (a new version)',
    tags: evidence,
    params: E.SuggestionParams,
    body: E.DecisionBody,
    status: 200,
    response: E.DecisionResult,
    write: true,
  }),
  reject: route({
    method: 'POST',
    path: `/api/cases/:id/evidence/${word}/:sid/reject`,
    summary: 'Reject a suggestion',
    tags: evidence,
    params: E.SuggestionParams,
    body: E.DecisionBody,
    status: 200,
    response: E.DecisionResult,
    write: true,
  }),
});
const suggestions = SuggestionRoutes('suggestions');
const claims = SuggestionRoutes('claims');

export const ROUTES = {
  health: route({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and capabilities',
    tags: ['meta'],
    status: 200,
    response: Health,
  }),

  listCases: route({
    method: 'GET',
    path: '/api/cases',
    summary: 'List cases',
    tags: cases,
    query: C.CaseListQuery,
    status: 200,
    response: C.CaseList,
  }),
  createCase: route({
    method: 'POST',
    path: '/api/cases',
    summary: 'Create a case',
    tags: cases,
    bodyCheckedByHandler: true,
    body: C.CaseBody,
    status: 201,
    response: C.CaseDoc,
    write: true,
  }),
  getCase: route({
    method: 'GET',
    path: '/api/cases/:id',
    summary: 'Read the current version of a case',
    tags: cases,
    params: CaseIdParams,
    status: 200,
    response: C.CaseDoc,
  }),
  saveCase: route({
    method: 'PUT',
    path: '/api/cases/:id',
    summary: 'Save a new version of a case',
    tags: cases,
    bodyCheckedByHandler: true,
    params: CaseIdParams,
    body: C.CaseBody,
    status: 200,
    response: C.CaseDoc,
    write: true,
  }),
  deleteCase: route({
    method: 'DELETE',
    path: '/api/cases/:id',
    summary: 'Delete a case and its history',
    tags: cases,
    params: CaseIdParams,
    status: 204,
    response: null,
    write: true,
  }),
  validate: route({
    method: 'POST',
    path: '/api/validate',
    summary: 'Validate a case file without saving it',
    tags: cases,
    body: C.ValidateBody,
    status: 200,
    response: C.ValidateResult,
  }),
  versions: route({
    method: 'GET',
    path: '/api/cases/:id/versions',
    summary: 'List the saved versions of a case, newest first',
    tags: cases,
    params: CaseIdParams,
    query: C.VersionListQuery,
    status: 200,
    response: C.VersionList,
  }),
  versionDiff: route({
    method: 'GET',
    path: '/api/cases/:id/versions/diff',
    summary: 'Differences between two versions',
    tags: cases,
    params: CaseIdParams,
    query: C.VersionDiffQuery,
    status: 200,
    response: C.VersionDiff,
  }),
  getVersion: route({
    method: 'GET',
    path: '/api/cases/:id/versions/:v',
    summary: 'Read one version of a case',
    tags: cases,
    params: C.VersionParams,
    status: 200,
    response: C.CaseDoc,
  }),
  restoreVersion: route({
    method: 'POST',
    path: '/api/cases/:id/versions/:v/restore',
    summary: 'Save an old version again as the newest',
    tags: cases,
    params: C.VersionParams,
    status: 200,
    response: C.CaseDoc,
    write: true,
  }),

  check: route({
    method: 'GET',
    path: '/api/cases/:id/check',
    summary: 'Red-line check of a proposal',
    tags: analyses,
    params: CaseIdParams,
    query: A.CheckQuery,
    status: 200,
    response: A.CheckResult,
  }),
  diff: route({
    method: 'GET',
    path: '/api/cases/:id/diff',
    summary: 'Diff of two proposals',
    tags: analyses,
    params: CaseIdParams,
    query: A.DiffQuery,
    status: 200,
    response: A.DiffResult,
  }),
  zopa: route({
    method: 'GET',
    path: '/api/cases/:id/zopa',
    summary: 'Zone of agreement',
    tags: analyses,
    params: CaseIdParams,
    query: A.ZopaQuery,
    status: 200,
    response: A.ZoneResult,
  }),
  forecast: route({
    method: 'POST',
    path: '/api/cases/:id/forecast',
    summary: 'Forecast with the bargaining models (synchronous)',
    tags: analyses,
    params: CaseIdParams,
    body: A.ForecastBody,
    status: 200,
    response: A.CaseForecast,
  }),
  stability: route({
    method: 'GET',
    path: '/api/cases/:id/stability',
    summary: 'GMCR stability of a conflict',
    tags: analyses,
    params: CaseIdParams,
    query: A.StabilityQuery,
    status: 200,
    response: A.StabilityReport,
  }),
  listAnalyses: route({
    method: 'GET',
    path: '/api/cases/:id/analyses',
    summary: 'Stored analysis results, newest first',
    tags: analyses,
    params: CaseIdParams,
    query: A.AnalysisListQuery,
    status: 200,
    response: A.AnalysisList,
  }),
  getAnalysis: route({
    method: 'GET',
    path: '/api/analyses/:id',
    summary: 'One stored analysis result',
    tags: analyses,
    params: A.AnalysisIdParams,
    status: 200,
    response: A.StoredAnalysis,
  }),
  scenarios: route({
    method: 'GET',
    path: '/api/cases/:id/scenarios',
    summary: 'Red lines across scenarios: vetoes of a proposal and the zone of agreement, baseline first',
    tags: analyses,
    params: CaseIdParams,
    query: A.ScenariosQuery,
    status: 200,
    response: A.ScenarioRedLinesList,
  }),
  sensitivity: route({
    method: 'POST',
    path: '/api/cases/:id/sensitivity',
    summary:
      'Sensitivity of a forecast: one-at-a-time effects (tornado), Sobol first-order and total indices, who must move to cross each red line',
    tags: analyses,
    params: CaseIdParams,
    body: A.SensitivityBody,
    status: 200,
    response: A.SensitivityResult,
  }),
  forecastScenarios: route({
    method: 'POST',
    path: '/api/cases/:id/forecast/scenarios',
    summary: 'Forecasts of the baseline and each scenario (synchronous)',
    tags: analyses,
    params: CaseIdParams,
    body: A.ScenarioForecastBody,
    status: 200,
    response: A.ScenarioComparison,
  }),

  startJob: route({
    method: 'POST',
    path: '/api/cases/:id/jobs',
    summary: 'Start a job',
    tags: jobs,
    params: CaseIdParams,
    body: J.CreateJobBody,
    status: 202,
    response: J.JobEnvelope,
    write: true,
  }),
  listJobs: route({
    method: 'GET',
    path: '/api/cases/:id/jobs',
    summary: 'Jobs of a case, newest first',
    tags: jobs,
    params: CaseIdParams,
    query: J.JobListQuery,
    status: 200,
    response: J.JobList,
  }),
  getJob: route({
    method: 'GET',
    path: '/api/jobs/:id',
    summary: 'A job with its progress and, when done, its result',
    tags: jobs,
    params: J.JobIdParams,
    status: 200,
    response: J.JobEnvelope,
  }),
  cancelJob: route({
    method: 'POST',
    path: '/api/jobs/:id/cancel',
    summary: 'Cancel a job',
    tags: jobs,
    params: J.JobIdParams,
    status: 200,
    response: J.JobEnvelope,
    write: true,
  }),
  jobEvents: route({
    method: 'GET',
    path: '/api/jobs/:id/events',
    summary: 'Job progress as Server-Sent Events (`progress` and `done`, each with the job as data)',
    tags: jobs,
    params: J.JobIdParams,
    status: 200,
    response: null,
  }),

  documents: route({
    method: 'GET',
    path: '/api/cases/:id/evidence/documents',
    summary: 'Evidence documents (full-text search with ?q=)',
    tags: evidence,
    params: CaseIdParams,
    query: E.DocumentsQuery,
    status: 200,
    response: E.DocumentList,
  }),
  document: route({
    method: 'GET',
    path: '/api/cases/:id/evidence/documents/:docId',
    summary: 'One document with its cleaned text, claims and events',
    tags: evidence,
    params: E.DocParams,
    status: 200,
    response: E.DocumentDetail,
  }),
  suggestions: suggestions.list,
  acceptSuggestion: suggestions.accept,
  rejectSuggestion: suggestions.reject,
  claims: claims.list,
  acceptClaim: claims.accept,
  rejectClaim: claims.reject,
  timeline: route({
    method: 'GET',
    path: '/api/cases/:id/timeline',
    summary: 'Dated events and claims, oldest first',
    tags: evidence,
    params: CaseIdParams,
    query: E.TimelineQuery,
    status: 200,
    response: E.TimelinePage,
  }),
  ingest: route({
    method: 'POST',
    path: '/api/cases/:id/evidence/ingest',
    summary: 'Start an ingest job (as POST /jobs with kind "ingest")',
    tags: evidence,
    params: CaseIdParams,
    body: E.IngestBody,
    status: 202,
    response: E.IngestStarted,
    write: true,
  }),
  // ---------------------------------------------------------------- monitoring (src/adapters/monitor)
  monitorSources: route({
    method: 'GET',
    path: '/api/cases/:id/monitor/sources',
    summary: 'Watched sources with status and daily volume',
    tags: monitor,
    params: CaseIdParams,
    status: 200,
    response: M.SourceList,
  }),
  addMonitorSource: route({
    method: 'POST',
    path: '/api/cases/:id/monitor/sources',
    summary: 'Watch a feed or page URL',
    tags: monitor,
    params: CaseIdParams,
    body: M.SourceBody,
    status: 201,
    response: M.Source,
    write: true,
  }),
  removeMonitorSource: route({
    method: 'DELETE',
    path: '/api/cases/:id/monitor/sources/:sourceId',
    summary: 'Stop watching a source (its items and runs are kept)',
    tags: monitor,
    params: M.SourceIdParams,
    status: 204,
    response: null,
    write: true,
  }),
  monitorRuns: route({
    method: 'GET',
    path: '/api/cases/:id/monitor/runs',
    summary: 'Recent runs, newest first',
    tags: monitor,
    params: CaseIdParams,
    query: M.RunsQuery,
    status: 200,
    response: M.RunList,
  }),
  developments: route({
    method: 'GET',
    path: '/api/cases/:id/developments',
    summary: 'Developments, highest salience × confidence first, with the unread count',
    tags: monitor,
    params: CaseIdParams,
    query: M.DevelopmentsQuery,
    status: 200,
    response: M.DevelopmentList,
  }),
  developmentEvents: route({
    method: 'GET',
    path: '/api/cases/:id/developments/events',
    summary: 'Live updates: `development` for each new or updated one, `unread` with the count',
    tags: monitor,
    params: CaseIdParams,
    status: 200,
    response: null,
  }),
  development: route({
    method: 'GET',
    path: '/api/cases/:id/developments/:devId',
    summary: 'One development with its evidence',
    tags: monitor,
    params: M.DevelopmentIdParams,
    status: 200,
    response: M.Development,
  }),
  markDevelopmentsRead: route({
    method: 'POST',
    path: '/api/cases/:id/developments/read',
    summary: 'Mark developments read (all when no ids are given)',
    tags: monitor,
    params: CaseIdParams,
    body: M.ReadBody,
    status: 200,
    response: M.UnreadCount,
    write: true,
  }),
  alertRules: route({
    method: 'GET',
    path: '/api/cases/:id/alert-rules',
    summary: 'Alert rules of the case',
    tags: monitor,
    params: CaseIdParams,
    status: 200,
    response: M.RuleList,
  }),
  addAlertRule: route({
    method: 'POST',
    path: '/api/cases/:id/alert-rules',
    summary: 'Add an alert rule',
    tags: monitor,
    params: CaseIdParams,
    body: M.RuleBody,
    status: 201,
    response: M.Rule,
    write: true,
  }),
  replaceAlertRule: route({
    method: 'PUT',
    path: '/api/cases/:id/alert-rules/:ruleId',
    summary: 'Replace an alert rule',
    tags: monitor,
    params: M.RuleIdParams,
    body: M.RuleBody,
    status: 200,
    response: M.Rule,
    write: true,
  }),
  deleteAlertRule: route({
    method: 'DELETE',
    path: '/api/cases/:id/alert-rules/:ruleId',
    summary: 'Delete an alert rule',
    tags: monitor,
    params: M.RuleIdParams,
    status: 204,
    response: null,
    write: true,
  }),
  alertDeliveries: route({
    method: 'GET',
    path: '/api/cases/:id/alert-rules/:ruleId/deliveries',
    summary: 'Delivery log of a webhook rule',
    tags: monitor,
    params: M.RuleIdParams,
    status: 200,
    response: M.DeliveryList,
  }),
} satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
type Routes = typeof ROUTES;

/** The body a route answers with on success. */
export type ResponseOf<N extends RouteName> = Routes[N]['response'] extends z.ZodType
  ? z.output<Routes[N]['response']>
  : undefined;
/** The body a route accepts (input side: defaults may be left out). */
export type BodyOf<N extends RouteName> = Routes[N] extends { body: z.ZodType }
  ? z.input<Routes[N]['body']>
  : undefined;
/** The query a route accepts. */
export type QueryOf<N extends RouteName> = Routes[N] extends { query: z.ZodType }
  ? z.input<Routes[N]['query']>
  : undefined;

/** The route entry for a method and path, or undefined. */
export function findRoute(method: string, path: string): RouteSpec | undefined {
  return Object.values(ROUTES as Record<string, RouteSpec>).find(
    (r) => r.method === method && r.path === path,
  );
}

/** What a succeeded job of each kind carries as `result` (the job record types it `unknown`). */
export interface JobResults {
  montecarlo: z.output<typeof A.MonteCarloSummary>;
  stability: z.output<typeof A.StabilityReport>;
  ingest: Record<string, unknown>;
}
