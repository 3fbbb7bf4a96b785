/** Thin client for Redline's HTTP API: JSON in and out, RFC 9457 problem details turned into ApiError. */
import type { ProblemDetails } from '../../../src/contract/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem?: Partial<ProblemDetails>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The endpoint is not there (yet): views show an empty state instead of an error. */
  get isMissing(): boolean {
    return this.status === 404 || this.status === 501;
  }
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
/**
 * Sent on every request: the server refuses state changes without it (or a JSON body), because a page on
 * another origin cannot send a custom header without a preflight, which the server never grants (CSRF).
 */
const CSRF_HEADER = { 'x-redline-request': '1' };

/** A token for servers that listen beyond loopback; kept in localStorage by the settings dialog. */
function authHeaders(): Record<string, string> {
  try {
    const token = localStorage.getItem('redline.token');
    return token ? { authorization: `Bearer ${token}` } : {};
  } catch {
    return {};
  }
}

/** A failed answer: problem details (src/contract/common.ts) carry `detail`; anything else keeps the status. */
async function toError(res: Response): Promise<ApiError> {
  let body: Partial<ProblemDetails> | undefined;
  try {
    body = (await res.json()) as Partial<ProblemDetails>;
  } catch {
    body = undefined;
  }
  return new ApiError(res.status, body?.detail || body?.title || `${res.status} ${res.statusText}`, body);
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json', ...CSRF_HEADER, ...authHeaders() }
          : { ...JSON_HEADERS, ...CSRF_HEADER, ...authHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'The Redline server cannot be reached. Is `redline serve` running?');
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Builds `path?k=v` from the defined, non-empty values only. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown, signal?: AbortSignal) => request<T>('POST', path, body, signal),
  put: <T>(path: string, body: unknown, signal?: AbortSignal) => request<T>('PUT', path, body, signal),
};
