/**
 * Client for the monitoring routes (src/adapters/server/routes/monitor): sources, runs, developments with
 * live updates, alert rules. Types mirror the route schemas there.
 */
import { api, request, withQuery } from './client.js';

export type DevelopmentKind = 'stance_shift' | 'red_line_signal' | 'first_mention' | 'key_event';
export const DEVELOPMENT_KIND_LABEL: Record<DevelopmentKind, string> = {
  red_line_signal: 'Red-line signal',
  stance_shift: 'Stance shift',
  key_event: 'Key event',
  first_mention: 'First mention',
};

export interface EvidenceLink {
  itemId: string;
  docId: string;
  clusterId: string;
  quote: string;
  confidence: number;
  title?: string;
  url?: string;
  publisher?: string;
  date?: string;
}
export interface Development {
  id: string;
  kind: DevelopmentKind;
  actor?: string;
  issue?: string;
  eventType?: string;
  date: string;
  summary: string;
  salience: number;
  confidence: number;
  score: number;
  evidence: EvidenceLink[];
  createdAt: string;
  updatedAt: string;
  read: boolean;
}
export interface WatchedSource {
  id: string;
  kind: 'url' | 'folder';
  location: string;
  everySeconds: number;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastStatus: string | null;
  itemsSeen: number;
  nextDueAt: string;
  volume: number[];
}
export interface AlertRule {
  id: string;
  name: string;
  kinds: DevelopmentKind[];
  actors: string[];
  issues: string[];
  minConfidence: number;
  minScore: number;
  channel: 'webhook' | 'digest' | 'dashboard';
  url?: string;
  hasSecret: boolean;
  schedule: 'hourly' | 'daily';
  enabled: boolean;
  createdAt: string;
}
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
