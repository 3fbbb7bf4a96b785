/**
 * Wire types of the HTTP API as the dashboard reads them. The case itself is the core's `Case` type; analysis
 * results are read through the tolerant normalisers in ./normalize.ts, so these stay deliberately loose.
 */
import type { Case } from '../../../src/index.js';

export type { Case };
export type Actor = Case['actors'][number];
export type Issue = Case['issues'][number];
export type Stance = Case['stances'][number];
export type Proposal = Case['proposals'][number];
export type Scenario = Case['scenarios'][number];
export type RedLine = NonNullable<Stance['redLine']>;

export interface CaseSummary {
  id: string;
  title: string;
  version?: number;
  updatedAt?: string;
  actors?: number;
  issues?: number;
}

export interface CaseDocument {
  case: Case;
  version?: number | { version?: number; id?: string | number };
  yaml?: string;
}

export interface CaseVersion {
  version: number;
  title?: string;
  createdAt?: string;
  message?: string | null;
  author?: string | null;
}

/** One validation problem, as the core's `Issue` record (line/column added by the YAML reader). */
export interface ValidationIssue {
  code?: string;
  severity?: 'error' | 'warning';
  path?: (string | number)[];
  message: string;
  hint?: string;
  line?: number;
  column?: number;
}

export interface ValidateResponse {
  ok: boolean;
  issues?: ValidationIssue[];
  warnings?: ValidationIssue[];
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | string;

export interface Job {
  id: string;
  kind: string;
  state?: JobState;
  status?: JobState;
  progress?: number | { done?: number; total?: number };
  result?: unknown;
  error?: unknown;
}

export interface JobEvent {
  type?: string;
  state?: JobState;
  status?: JobState;
  progress?: number | { done?: number; total?: number };
  done?: number;
  total?: number;
  result?: unknown;
  error?: unknown;
  message?: string;
}
