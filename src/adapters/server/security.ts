/**
 * Security for the HTTP server: response headers (CSP and friends), API-token auth with viewer/editor roles
 * (required whenever the server listens beyond loopback), and a Host check against DNS rebinding on loopback.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store, TokenRole } from '../store/index.js';
import { forbidden, sendProblem, unauthorized, Problem } from './errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // ECharts and React set inline style attributes; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface AuthOptions {
  /** When true, every API request needs a bearer token. */
  required: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route changes stored data: with auth on, it needs an editor token. */
    write?: boolean;
  }
  interface FastifyRequest {
    role?: TokenRole | 'local';
  }
}

/** Hostnames a browser may use to reach a loopback-only server (anything else is a rebinding attempt). */
function allowedLoopbackHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return true;
  const name = hostHeader.startsWith('[')
    ? hostHeader.slice(1, hostHeader.indexOf(']'))
    : hostHeader.replace(/:\d+$/, '');
  return isLoopback(name);
}

export function registerSecurity(app: FastifyInstance, store: Store, auth: AuthOptions): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [k, v] of Object.entries(HEADERS)) reply.header(k, v);
    // Swagger UI sets its own, stricter-for-it policy (with hashes); keep it.
    if (!reply.hasHeader('content-security-policy'))
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return payload;
  });

  // A small cache keeps token checks off the database on every request; entries expire in a minute.
  const cache = new Map<string, { role: TokenRole | undefined; until: number }>();
  async function roleOf(token: string): Promise<TokenRole | undefined> {
    const hit = cache.get(token);
    if (hit && hit.until > Date.now()) return hit.role;
    const role = await store.tokens.verify(token);
    if (cache.size > 1000) cache.clear();
    cache.set(token, { role, until: Date.now() + 60_000 });
    return role;
  }

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (!auth.required) {
      if (!allowedLoopbackHost(request.headers.host)) {
        return sendProblem(
          reply,
          request,
          new Problem(
            421,
            'misdirected_request',
            'Misdirected request',
            'this server only answers to localhost names; use http://127.0.0.1 or http://localhost',
          ),
        );
      }
      request.role = 'local';
      return;
    }
    if (
      !request.url.startsWith('/api/') ||
      request.url.startsWith('/api/docs') ||
      request.url === '/api/health'
    )
      return;
    const header = request.headers.authorization;
    let m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    // Browsers' EventSource cannot send headers: the progress stream alone also takes ?access_token=.
    if (!m && /^\/api\/jobs\/[^/]+\/events(\?|$)/.test(request.url)) {
      const t = new URL(request.url, 'http://local').searchParams.get('access_token');
      if (t) m = ['', t] as unknown as RegExpExecArray;
    }
    if (!m)
      return sendProblem(
        reply,
        request,
        unauthorized(
          'send an API token as "Authorization: Bearer <token>"; create one with `redline serve --create-token viewer|editor`',
        ),
      );
    const role = await roleOf(m[1]!);
    if (!role) return sendProblem(reply, request, unauthorized('the API token is not known to this server'));
    request.role = role;
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.write && request.role === 'viewer') {
      return sendProblem(reply, request, forbidden('this route changes data and needs an editor token'));
    }
  });
}
