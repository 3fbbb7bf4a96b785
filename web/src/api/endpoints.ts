/** One function per API route the dashboard uses, typed by the contract's route table (src/contract/routes.ts). */
import type { BodyOf, QueryOf, ResponseOf, RouteName } from '../../../src/contract/index.js';
import type { JobKind } from '../../../src/contract/job-status.js';
import { api, withQuery } from './client.js';

const enc = encodeURIComponent;
const casePath = (id: string) => `/api/cases/${enc(id)}`;

export interface AnalysisQuery {
  asOf?: string | undefined;
  scenario?: string | undefined;
}

type R<N extends RouteName> = Promise<ResponseOf<N>>;

export const endpoints = {
  health: (signal?: AbortSignal): R<'health'> => api.get('/api/health', signal),
  listCases: async (signal?: AbortSignal) =>
    (await api.get<ResponseOf<'listCases'>>(withQuery('/api/cases', { limit: 500 }), signal)).items,
  getCase: (id: string, signal?: AbortSignal): R<'getCase'> => api.get(casePath(id), signal),
  saveCase: (id: string, yaml: string): R<'saveCase'> => api.put(casePath(id), { yaml }),
  validate: (yaml: string, signal?: AbortSignal): R<'validate'> =>
    api.post('/api/validate', { yaml } satisfies BodyOf<'validate'>, signal),
  versions: async (id: string, signal?: AbortSignal) =>
    (await api.get<ResponseOf<'versions'>>(withQuery(`${casePath(id)}/versions`, { limit: 500 }), signal))
      .items,
  restoreVersion: (id: string, version: number): R<'restoreVersion'> =>
    api.post(`${casePath(id)}/versions/${version}/restore`, {}),
  cancelJob: (jobId: string): R<'cancelJob'> => api.post(`/api/jobs/${enc(jobId)}/cancel`, {}),
  check: (id: string, proposal: string, q: AnalysisQuery, signal?: AbortSignal): R<'check'> =>
    api.get(withQuery(`${casePath(id)}/check`, { proposal, ...q } satisfies QueryOf<'check'>), signal),
  diff: (id: string, from: string, to: string, q: AnalysisQuery, signal?: AbortSignal): R<'diff'> =>
    api.get(withQuery(`${casePath(id)}/diff`, { from, to, ...q } satisfies QueryOf<'diff'>), signal),
  zopa: (id: string, q: AnalysisQuery, signal?: AbortSignal): R<'zopa'> =>
    api.get(withQuery(`${casePath(id)}/zopa`, { ...q } satisfies QueryOf<'zopa'>), signal),
  forecast: (id: string, body: BodyOf<'forecast'>, signal?: AbortSignal): R<'forecast'> =>
    api.post(`${casePath(id)}/forecast`, body, signal),
  sensitivity: (id: string, body: BodyOf<'sensitivity'>, signal?: AbortSignal): R<'sensitivity'> =>
    api.post(`${casePath(id)}/sensitivity`, body, signal),
  stability: (id: string, conflict: string | undefined, signal?: AbortSignal): R<'stability'> =>
    api.get(withQuery(`${casePath(id)}/stability`, { conflict } satisfies QueryOf<'stability'>), signal),
  timeline: async (id: string, signal?: AbortSignal) =>
    (await api.get<ResponseOf<'timeline'>>(withQuery(`${casePath(id)}/timeline`, { limit: 500 }), signal))
      .items,
  suggestions: async (id: string, query: QueryOf<'suggestions'>, signal?: AbortSignal) =>
    (
      await api.get<ResponseOf<'suggestions'>>(
        withQuery(`${casePath(id)}/evidence/suggestions`, {
          limit: 500,
          ...(query as Record<string, string | undefined>),
        }),
        signal,
      )
    ).items,
  documents: async (id: string, signal?: AbortSignal) =>
    (
      await api.get<ResponseOf<'documents'>>(
        withQuery(`${casePath(id)}/evidence/documents`, { limit: 500 }),
        signal,
      )
    ).items,
  document: (id: string, docId: string, signal?: AbortSignal): R<'document'> =>
    api.get(`${casePath(id)}/evidence/documents/${enc(docId)}`, signal),
  review: (
    id: string,
    suggestionId: string,
    decision: 'accept' | 'reject',
    note?: string,
  ): R<'acceptSuggestion'> =>
    api.post(`${casePath(id)}/evidence/suggestions/${enc(suggestionId)}/${decision}`, note ? { note } : {}),
  startJob: (id: string, kind: JobKind, params: Record<string, unknown>): R<'startJob'> =>
    api.post(`${casePath(id)}/jobs`, { kind, params } satisfies BodyOf<'startJob'>),
  job: (jobId: string, signal?: AbortSignal): R<'getJob'> => api.get(`/api/jobs/${enc(jobId)}`, signal),
  jobEventsUrl: (jobId: string) => `/api/jobs/${enc(jobId)}/events`,
};
