/**
 * Security for the HTTP server: response headers (CSP and friends), API-token auth with viewer/editor roles
 * (required whenever the server listens beyond loopback), a Host check against DNS rebinding on loopback, and
 * CSRF refusal on every state-changing method.
 *
 * Access is decided per ROUTE, never from `request.url`: every route declares (or defaults to) an access level
 * in its config, and the decision reads the config of the route the router actually matched. However a request
 * target is spelled (percent-encoded letters, absolute form, `//`, `/./`), it lands on one route and gets that
 * route's rule. The default denies: GET/HEAD routes need a reader, any other method needs an editor, and only
 * routes marked `access: 'public'` (the dashboard's files, health, the API docs) are open.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
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

/** The header the dashboard sends on every request; a cross-origin page cannot send it without a preflight. */
export const CSRF_HEADER = 'x-redline-request';

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === '127.0.0.1' || h === '::1' || h === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export interface AuthOptions {
  /** When true, every non-public route needs a bearer token. */
  required: boolean;
}

/** public: anyone; read: a viewer or editor token; write: an editor token. Loopback (auth off) may do all. */
export type Access = 'public' | 'read' | 'write';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; default `read` for GET/HEAD and `write` for every other method. */
    access?: Access;
    /** The route changes stored data (same as `access: 'write'`). */
    write?: boolean;
    /** The token may come as `?access_token=` (EventSource cannot send headers). */
    tokenInQuery?: boolean;
  }
  interface FastifyRequest {
    role?: TokenRole | 'local';
  }
  interface FastifyInstance {
    /** Every registered route with its access (see registerSecurity). */
    registeredRoutes: RegisteredRoute[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The access a route gets: its own declaration, else deny-by-default from its method. */
export function accessOf(method: string, config: { access?: Access; write?: boolean } | undefined): Access {
  if (config?.write) return 'write';
  if (config?.access) return config.access;
  return SAFE_METHODS.has(method.toUpperCase()) ? 'read' : 'write';
}

/** May this request change stored data? For handlers whose writing depends on the body (`save: true`). */
export function canWrite(request: FastifyRequest): boolean {
  return request.role === 'editor' || request.role === 'local';
}

/** Throws 403 unless the caller may write; for handlers that store something only on request. */
export function requireWriter(request: FastifyRequest, what = 'this request stores data'): void {
  if (!canWrite(request)) throw forbidden(`${what} and needs an editor token`);
}

/** The host name of a Host header, lower-cased, without the port. */
function hostName(hostHeader: string): string {
  const h = hostHeader.toLowerCase();
  return h.startsWith('[') ? h.slice(1, h.indexOf(']')) : h.replace(/:\d+$/, '');
}

/** Hostnames a browser may use to reach a loopback-only server (anything else is a rebinding attempt). */
function allowedLoopbackHost(hostHeader: string | undefined): boolean {
  return !hostHeader || isLoopback(hostName(hostHeader));
}

const csrf = (detail: string) => new Problem(403, 'cross_site_request', 'Cross-site request refused', detail);

/**
 * Why a state-changing request looks cross-site, or null when it may proceed. A browser page on another
 * origin (another port of localhost included) can send a body-less POST, a form post or a beacon without a
 * preflight; it cannot send a JSON content type or a custom header without one, and we answer no preflight.
 */
export function crossSiteReason(request: FastifyRequest): string | null {
  const h = request.headers;
  const site = h['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none')
    return `the browser marked this request ${site}; the API accepts changes only from its own pages`;
  const origin = h.origin;
  if (typeof origin === 'string') {
    let originHost: string | null;
    try {
      originHost = origin === 'null' ? null : new URL(origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    if (originHost === null || originHost !== String(h.host ?? '').toLowerCase())
      return `requests from origin ${origin} may not change data here`;
  }
  const type = String(h['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json' && h[CSRF_HEADER] === undefined)
    return `send "Content-Type: application/json" or an "${CSRF_HEADER}: 1" header with requests that change data`;
  return null;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (m) return m[1]!;
  if (request.routeOptions.config?.tokenInQuery) {
    const q = request.query as Record<string, unknown> | undefined;
    const t = q?.access_token;
    if (typeof t === 'string' && t) return t;
  }
  return null;
}

/** Every route the app registered (method and URL pattern with its access), for audits and tests. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

export interface Security {
  /** Every route registered so far, with the access it was given. */
  routes: RegisteredRoute[];
  /** Registers routes (a plugin's, e.g. the dashboard's files or the API docs) as public while `add` runs. */
  publicly(add: () => PromiseLike<unknown>): Promise<void>;
}

export function registerSecurity(app: FastifyInstance, store: Store, auth: AuthOptions): Security {
  const routes: RegisteredRoute[] = [];
  let registeringPublic = false;
  // onRoute runs synchronously as each route is declared, before any request, so the rule is fixed per route.
  app.addHook('onRoute', (route: RouteOptions) => {
    if (registeringPublic) route.config = { ...route.config, access: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({ method, url: route.url, access: accessOf(method, route.config) });
  });
  async function publicly(add: () => PromiseLike<unknown>): Promise<void> {
    registeringPublic = true;
    try {
      await add();
    } finally {
      registeringPublic = false;
    }
  }

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

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!auth.required && !allowedLoopbackHost(request.headers.host)) {
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
    // Unmatched requests go to the not-found handler, which only sends the dashboard page or a 404.
    const matched = request.routeOptions.url !== undefined;
    const access = matched ? accessOf(request.method, request.routeOptions.config) : 'public';
    if (!SAFE_METHODS.has(request.method)) {
      const reason = crossSiteReason(request);
      if (reason) return sendProblem(reply, request, csrf(reason));
    }
    if (!auth.required) {
      request.role = 'local';
      return;
    }
    if (access === 'public') return;
    const token = bearerToken(request);
    if (!token)
      return sendProblem(
        reply,
        request,
        unauthorized(
          'send an API token as "Authorization: Bearer <token>"; create one with `redline serve --create-token viewer|editor`',
        ),
      );
    const role = await roleOf(token);
    if (role !== 'viewer' && role !== 'editor')
      return sendProblem(reply, request, unauthorized('the API token is not known to this server'));
    request.role = role;
    if (access === 'write' && !canWrite(request))
      return sendProblem(reply, request, forbidden('this route changes data and needs an editor token'));
  });
  app.decorate('registeredRoutes', routes);
  return { routes, publicly };
}
