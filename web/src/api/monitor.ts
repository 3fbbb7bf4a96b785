/**
 * Client for the monitoring routes (src/adapters/server/routes/monitor): sources, runs, developments with
 * live updates, alert rules.
 */
import { api, request, withQuery } from './client.js';

import type { z } from 'zod';
import type * as Contract from '../../../src/contract/monitor.js';

// The wire types are the contract's (src/contract/monitor.ts), so the view cannot drift from the server.
export type Development = z.infer<typeof Contract.Development>;
export type DevelopmentKind = Development['kind'];
export type EvidenceLink = Development['evidence'][number];
export type WatchedSource = z.infer<typeof Contract.Source>;
export type AlertRule = z.infer<typeof Contract.Rule>;

export const DEVELOPMENT_KIND_LABEL: Record<DevelopmentKind, string> = {
  red_line_signal: 'Red-line signal',
  stance_shift: 'Stance shift',
  key_event: 'Key event',
  first_mention: 'First mention',
};
export type AlertRuleInput = Omit<AlertRule, 'id' | 'hasSecret' | 'createdAt'> & { secret?: string };

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const monitorApi = {
  developments: (
    caseId: string,
    q: { kind?: string; actor?: string; issue?: string; unread?: boolean },
    signal?: AbortSignal,
  ) =>
    api.get<{ items: Development[]; unread: number }>(
      withQuery(`${base(caseId)}/developments`, { ...q, unread: q.unread ? 'true' : undefined }),
      signal,
    ),
  markRead: (caseId: string, ids?: string[]) =>
    api.post<{ unread: number }>(`${base(caseId)}/developments/read`, ids ? { ids } : {}),
  sources: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: WatchedSource[] }>(`${base(caseId)}/monitor/sources`, signal),
  addSource: (caseId: string, url: string, every: number) =>
    api.post<WatchedSource>(`${base(caseId)}/monitor/sources`, { url, every }),
  removeSource: (caseId: string, id: string) =>
    request<void>('DELETE', `${base(caseId)}/monitor/sources/${encodeURIComponent(id)}`),
  rules: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: AlertRule[] }>(`${base(caseId)}/alert-rules`, signal),
  addRule: (caseId: string, rule: Partial<AlertRuleInput>) =>
    api.post<AlertRule>(`${base(caseId)}/alert-rules`, rule),
  removeRule: (caseId: string, id: string) =>
    request<void>('DELETE', `${base(caseId)}/alert-rules/${encodeURIComponent(id)}`),
  /** Server-Sent Events of new or updated developments and the unread count. */
  subscribe(
    caseId: string,
    on: { development: (d: Development) => void; unread: (n: number) => void },
  ): () => void {
    let token: string | null = null;
    try {
      token = localStorage.getItem('redline.token');
    } catch {
      /* storage blocked: no token */
    }
    const url = withQuery(`${base(caseId)}/developments/events`, { access_token: token });
    const es = new EventSource(url);
    es.addEventListener('development', (e) =>
      on.development(JSON.parse((e as MessageEvent<string>).data) as Development),
    );
    es.addEventListener('unread', (e) =>
      on.unread((JSON.parse((e as MessageEvent<string>).data) as { unread: number }).unread),
    );
    return () => es.close();
  },
};
