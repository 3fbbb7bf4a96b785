/** What every route handler can reach: the store, a cache of parsed current cases, and the job queue. */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Case } from '../../index.js';
import type { Store } from '../store/index.js';
import type { JobQueue } from '../jobs/index.js';
import { notFound } from './errors.js';

export interface ServerContext {
  store: Store;
  jobs: JobQueue;
  cases: CaseCache;
  results: ResultCache;
}

/**
 * Serialised analysis results by (case id, version, route, parameters). The engines are pure functions of a
 * saved version and the parameters, so a result computed once stays right until the case gets a new version
 * (a new key); least recently used entries are dropped beyond the capacity.
 */
export class ResultCache {
  // Bytes, not strings: a hit is written to the socket without encoding it again.
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(
    private readonly capacity = 500,
    /** Total size kept; large results (a big stability table) are not cached beyond a quarter of it. */
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string, compute: () => string): Buffer {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh recency: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = Buffer.from(compute(), 'utf8');
    if (value.length > this.maxBytes / 4) return value;
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.capacity || this.bytes + value.length > this.maxBytes)
    ) {
      const oldest = this.entries.keys().next().value!;
      this.bytes -= this.entries.get(oldest)!.length;
      this.entries.delete(oldest);
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    return value;
  }
}

/** Differs per server start, so a restart with other engine code never revalidates an old copy. */
const BOOT = randomUUID();

/**
 * Answers with a cached analysis result and an ETag naming (case, version, route, parameters): a browser
 * that sends the tag back gets 304 without the result being computed or sent again.
 */
export function sendResult(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: ResultCache,
  key: string,
  compute: () => string,
): FastifyReply {
  const etag = `"${createHash('sha1').update(BOOT).update(key).digest('base64url').slice(0, 22)}"`;
  // Only successful answers carry the tag (an engine error must not), so a match means one was sent before.
  if (req.headers['if-none-match'] === etag) return reply.header('etag', etag).code(304).send();
  const body = cache.get(key, compute);
  return reply.header('etag', etag).header('cache-control', 'no-cache').type('application/json').send(body);
}

/**
 * Parsed cases by (id, version). Analyses read the current version on every request; the version lookup is
 * one indexed query and the parse happens once per saved version.
 */
export class CaseCache {
  private readonly byKey = new Map<string, Case>();
  constructor(
    private readonly store: Store,
    private readonly capacity = 64,
  ) {}

  /** Current versions by case id, valid while the store's change token stays the same. */
  private readonly versions = new Map<string, number>();
  private token: string | null = null;

  private async currentVersion(id: string): Promise<number> {
    const token = this.store.casesChangeToken();
    if (token === null || token !== this.token) {
      this.versions.clear();
      this.token = token;
    } else {
      const known = this.versions.get(id);
      if (known !== undefined) return known;
    }
    const row = await this.store.db
      .selectFrom('cases')
      .select('current_version')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(`case "${id}" does not exist`);
    const version = Number(row.current_version);
    if (token !== null) {
      if (this.versions.size >= 10_000) this.versions.clear();
      this.versions.set(id, version);
    }
    return version;
  }

  async current(id: string): Promise<{ case: Case; version: number }> {
    const version = await this.currentVersion(id);
    const key = `${version}\u0000${id}`;
    let c = this.byKey.get(key);
    if (!c) {
      const v = await this.store.cases.getVersion(id, version);
      if (!v) throw notFound(`case "${id}" does not exist`);
      c = v.case as Case;
      if (this.byKey.size >= this.capacity) this.byKey.delete(this.byKey.keys().next().value!);
      this.byKey.set(key, c);
    }
    return { case: c, version };
  }
}
