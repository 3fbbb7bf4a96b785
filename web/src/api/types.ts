/**
 * Wire types of the HTTP API, from the contract (src/contract) the server answers by: nothing here is
 * guessed. The case itself is the core's `Case` type.
 */
import type { Case } from '../../../src/case/schema.js';

export type { Case };
export type Actor = Case['actors'][number];
export type Issue = Case['issues'][number];
export type Stance = Case['stances'][number];
export type Proposal = Case['proposals'][number];
export type Scenario = Case['scenarios'][number];
export type RedLine = NonNullable<Stance['redLine']>;

export type {
  CaseDoc as CaseDocument,
  CaseForecast,
  CaseSummary,
  CheckResult,
  ClaimItem,
  DiffResult,
  DocumentDetail,
  DocumentSummary,
  EventItem,
  EvidenceItem,
  IssueRecord as ValidationIssue,
  Job,
  JobStatus,
  ModelResult,
  MonteCarloSummary,
  PointCell,
  StabilityReport,
  ValidateResult as ValidateResponse,
  VersionSummary as CaseVersion,
  ZoneResult,
} from '../../../src/contract/index.js';
