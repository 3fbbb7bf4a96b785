/** One function per API route the dashboard uses (docs/api.md lists them). */
import { api, withQuery } from './client.js';
import type { CaseDocument, CaseSummary, CaseVersion, Job, ValidateResponse } from './types.js';

const enc = encodeURIComponent;
const casePath = (id: string) => `/api/cases/${enc(id)}`;

export interface AnalysisQuery {
  asOf?: string;
  scenario?: string;
}

/** Lists may come bare or wrapped in a page object ({items} / {cases} / {data}). */
export function unwrapList<T>(body: unknown, key?: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const b = (body ?? {}) as Record<string, unknown>;
  for (const k of [key, 'items', 'data', 'results'].filter(Boolean) as string[])
    if (Array.isArray(b[k])) return b[k] as T[];
  return [];
}

export const endpoints = {
  health: () => api.get<unknown>('/api/health'),
  listCases: async (signal?: AbortSignal) =>
    unwrapList<CaseSummary>(await api.get('/api/cases', signal), 'cases'),
  getCase: (id: string, signal?: AbortSignal) => api.get<CaseDocument>(casePath(id), signal),
  saveCase: (id: string, yaml: string) => api.put<CaseDocument>(casePath(id), { yaml }),
  validate: (yaml: string, signal?: AbortSignal) =>
    api.post<ValidateResponse>('/api/validate', { yaml }, signal),
  versions: async (id: string, signal?: AbortSignal) =>
    unwrapList<CaseVersion>(await api.get(`${casePath(id)}/versions`, signal), 'versions'),
  restoreVersion: (id: string, version: number) =>
    api.post<unknown>(`${casePath(id)}/versions/${version}/restore`, {}),
  cancelJob: (jobId: string) => api.post<unknown>(`/api/jobs/${enc(jobId)}/cancel`, {}),
  check: (id: string, proposal: string, q: AnalysisQuery, signal?: AbortSignal) =>
    api.get<unknown>(withQuery(`${casePath(id)}/check`, { proposal, ...q }), signal),
  diff: (id: string, from: string, to: string, q: AnalysisQuery, signal?: AbortSignal) =>
    api.get<unknown>(withQuery(`${casePath(id)}/diff`, { from, to, ...q }), signal),
  zopa: (id: string, q: AnalysisQuery, signal?: AbortSignal) =>
    api.get<unknown>(withQuery(`${casePath(id)}/zopa`, { ...q }), signal),
  forecast: (id: string, body: Record<string, unknown>, signal?: AbortSignal) =>
    api.post<unknown>(`${casePath(id)}/forecast`, body, signal),
  stability: (id: string, conflict: string | undefined, signal?: AbortSignal) =>
    api.get<unknown>(withQuery(`${casePath(id)}/stability`, { conflict }), signal),
  timeline: (id: string, signal?: AbortSignal) => api.get<unknown>(`${casePath(id)}/timeline`, signal),
  suggestions: (id: string, query: Record<string, string | undefined>, signal?: AbortSignal) =>
    api.get<unknown>(withQuery(`${casePath(id)}/evidence/suggestions`, { limit: 500, ...query }), signal),
  documents: (id: string, signal?: AbortSignal) =>
    api.get<unknown>(`${casePath(id)}/evidence/documents`, signal),
  document: (id: string, docId: string, signal?: AbortSignal) =>
    api.get<unknown>(`${casePath(id)}/evidence/documents/${enc(docId)}`, signal),
  review: (id: string, suggestionId: string, decision: 'accept' | 'reject', note?: string) =>
    api.post<unknown>(
      `${casePath(id)}/evidence/suggestions/${enc(suggestionId)}/${decision}`,
      note ? { note } : {},
    ),
  ingest: (id: string, body: Record<string, unknown>) =>
    api.post<unknown>(`${casePath(id)}/evidence/ingest`, body),
  startJob: (id: string, kind: 'montecarlo' | 'stability' | 'ingest', params: Record<string, unknown>) =>
    api.post<{ job: Job } | Job>(`${casePath(id)}/jobs`, { kind, params }),
  job: (jobId: string, signal?: AbortSignal) =>
    api.get<{ job: Job } | Job>(`/api/jobs/${enc(jobId)}`, signal),
  jobEventsUrl: (jobId: string) => `/api/jobs/${enc(jobId)}/events`,
};

/** `{job}` or a bare job → the job. */
export function unwrapJob(body: { job: Job } | Job): Job {
  return 'job' in body && body.job && typeof body.job === 'object' ? body.job : (body as Job);
}
