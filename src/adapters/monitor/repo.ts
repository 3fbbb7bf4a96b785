/**
 * The monitoring repository on the store's Kysely handle (SQLite or PostgreSQL): sources with fetch state
 * and a lease (a source is never fetched twice at once), runs, the item ledger (one row per source item:
 * exactly once), developments merged by id, alert rules and webhook deliveries.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  mergeDevelopment,
  type AlertRule,
  type AlertRuleSpec,
  type Development,
  type DevelopmentKind,
} from '../../index.js';
import type { Store } from '../store/index.js';

interface SourcesTable {
  case_id: string;
  id: string;
  kind: string;
  location: string;
  every_seconds: number;
  added_at: string;
  removed: number;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  last_status: string | null;
  items_seen: number;
  next_due_at: string;
  lease_owner: string | null;
  lease_until: string | null;
}
interface RunsTable {
  id: string;
  case_id: string;
  source_id: string;
  job_id: string | null;
  worker: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  http_status: number | null;
  items_found: number;
  items_new: number;
  developments: number;
  error: string | null;
}
interface ItemsTable {
  case_id: string;
  source_id: string;
  item_key: string;
  doc_id: string | null;
  outcome: string;
  title: string | null;
  url: string | null;
  date: string | null;
  run_id: string;
  seen_at: string;
  assessed: number;
}
interface DevelopmentsTable {
  case_id: string;
  id: string;
  kind: string;
  actor: string | null;
  issue: string | null;
  date: string;
  score: number;
  confidence: number;
  record: string;
  created_at: string;
  updated_at: string;
  read_at: string | null;
}
interface RulesTable {
  case_id: string;
  id: string;
  record: string;
  created_at: string;
  last_digest_at: string | null;
}
interface DeliveriesTable {
  id: string;
  case_id: string;
  rule_id: string;
  development_id: string;
  status: string;
  attempts: number;
  next_at: string;
  last_code: number | null;
  last_error: string | null;
  log: string;
  created_at: string;
  delivered_at: string | null;
}
interface MonitorDatabase {
  monitor_sources: SourcesTable;
  monitor_runs: RunsTable;
  monitor_items: ItemsTable;
  monitor_developments: DevelopmentsTable;
  monitor_rules: RulesTable;
  monitor_deliveries: DeliveriesTable;
}

export type SourceKind = 'url' | 'folder';

export interface WatchedSource {
  id: string;
  caseId: string;
  kind: SourceKind;
  location: string;
  everySeconds: number;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** ok | not_modified | error | blocked (robots.txt) */
  lastStatus: string | null;
  itemsSeen: number;
  nextDueAt: string;
}

export interface MonitorRun {
  id: string;
  caseId: string;
  sourceId: string;
  jobId: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  httpStatus: number | null;
  itemsFound: number;
  itemsNew: number;
  developments: number;
  error: string | null;
}

export interface LedgerItem {
  sourceId: string;
  key: string;
  docId: string | null;
  outcome: string;
  title?: string | undefined;
  url?: string | undefined;
  date?: string | undefined;
  runId: string;
}

export interface StoredDevelopment extends Development {
  caseId: string;
  createdAt: string;
  updatedAt: string;
  read: boolean;
}

export interface DevelopmentFilter {
  since?: string | undefined;
  kinds?: readonly DevelopmentKind[] | undefined;
  actor?: string | undefined;
  issue?: string | undefined;
  unread?: boolean | undefined;
  /** Only developments created or updated after this timestamp (live updates). */
  updatedAfter?: string | undefined;
  limit?: number | undefined;
}

export interface Delivery {
  id: string;
  caseId: string;
  ruleId: string;
  developmentId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAt: string;
  lastCode: number | null;
  lastError: string | null;
  log: Array<{ at: string; code: number | null; error?: string }>;
  createdAt: string;
  deliveredAt: string | null;
}

/** Stable id of a source from where it is: `src-` + 12 hex of its location's SHA-256. */
export function sourceIdFor(location: string): string {
  return `src-${createHash('sha256').update(location).digest('hex').slice(0, 12)}`;
}

const toSource = (r: SourcesTable): WatchedSource => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind as SourceKind,
  location: r.location,
  everySeconds: Number(r.every_seconds),
  addedAt: r.added_at,
  etag: r.etag,
  lastModified: r.last_modified,
  lastFetchAt: r.last_fetch_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  lastStatus: r.last_status,
  itemsSeen: Number(r.items_seen),
  nextDueAt: r.next_due_at,
});

const toRun = (r: RunsTable): MonitorRun => ({
  id: r.id,
  caseId: r.case_id,
  sourceId: r.source_id,
  jobId: r.job_id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status,
  httpStatus: r.http_status === null ? null : Number(r.http_status),
  itemsFound: Number(r.items_found),
  itemsNew: Number(r.items_new),
  developments: Number(r.developments),
  error: r.error,
});

const toDevelopment = (r: DevelopmentsTable): StoredDevelopment => ({
  ...(JSON.parse(r.record) as Development),
  caseId: r.case_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  read: r.read_at !== null,
});

const toDelivery = (r: DeliveriesTable): Delivery => ({
  id: r.id,
  caseId: r.case_id,
  ruleId: r.rule_id,
  developmentId: r.development_id,
  status: r.status as Delivery['status'],
  attempts: Number(r.attempts),
  nextAt: r.next_at,
  lastCode: r.last_code === null ? null : Number(r.last_code),
  lastError: r.last_error,
  log: JSON.parse(r.log) as Delivery['log'],
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/** ISO timestamp `ms` milliseconds after `iso`. */
export const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export type MonitorRepository = ReturnType<typeof createMonitorRepository>;

export function monitorRepository(store: Store): MonitorRepository {
  return createMonitorRepository(store.db as unknown as Kysely<MonitorDatabase>, store);
}

function createMonitorRepository(db: Kysely<MonitorDatabase>, store: Pick<Store, 'now' | 'dialect'>) {
  const now = () => store.now();
  const pg = store.dialect === 'postgres';

  const sources = {
    async list(caseId: string): Promise<WatchedSource[]> {
      const rows = await db
        .selectFrom('monitor_sources')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('removed', '=', 0)
        .orderBy('added_at')
        .orderBy('id')
        .execute();
      return rows.map(toSource);
    },
    async get(caseId: string, id: string): Promise<WatchedSource | undefined> {
      const r = await db
        .selectFrom('monitor_sources')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where('removed', '=', 0)
        .executeTakeFirst();
      return r ? toSource(r) : undefined;
    },
    /** Adds a source (or restores a removed one, keeping its fetch state); the interval is updated. */
    async add(
      caseId: string,
      input: { kind: SourceKind; location: string; everySeconds: number },
    ): Promise<{ source: WatchedSource; created: boolean }> {
      const id = sourceIdFor(input.location);
      const at = now();
      const prior = await db
        .selectFrom('monitor_sources')
        .select(['removed'])
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (prior)
        await db
          .updateTable('monitor_sources')
          .set({ removed: 0, every_seconds: input.everySeconds })
          .where('case_id', '=', caseId)
          .where('id', '=', id)
          .execute();
      else
        await db
          .insertInto('monitor_sources')
          .values({
            case_id: caseId,
            id,
            kind: input.kind,
            location: input.location,
            every_seconds: input.everySeconds,
            added_at: at,
            removed: 0,
            items_seen: 0,
            next_due_at: at,
          })
          .onConflict((oc) => oc.columns(['case_id', 'id']).doNothing())
          .execute();
      return { source: (await sources.get(caseId, id))!, created: !prior || Number(prior.removed) === 1 };
    },
    async remove(caseId: string, idOrLocation: string): Promise<boolean> {
      const ids = [idOrLocation, sourceIdFor(idOrLocation)];
      const r = await db
        .updateTable('monitor_sources')
        .set({ removed: 1 })
        .where('case_id', '=', caseId)
        .where('id', 'in', ids)
        .where('removed', '=', 0)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    /** Sources due at `at` and not leased by a live fetch. */
    async due(caseId: string, at: string): Promise<WatchedSource[]> {
      const rows = await db
        .selectFrom('monitor_sources')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('removed', '=', 0)
        .where('next_due_at', '<=', at)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
        .orderBy('next_due_at')
        .execute();
      return rows.map(toSource);
    },
    /**
     * Takes the source's lease until `untilIso` if nobody holds a live one: one conditional UPDATE, so of
     * two workers racing exactly one wins.
     */
    async acquireLease(caseId: string, id: string, owner: string, untilIso: string): Promise<boolean> {
      const at = now();
      const r = await db
        .updateTable('monitor_sources')
        .set({ lease_owner: owner, lease_until: untilIso })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where((eb) =>
          eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at), eb('lease_owner', '=', owner)]),
        )
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async releaseLease(caseId: string, id: string, owner: string): Promise<void> {
      await db
        .updateTable('monitor_sources')
        .set({ lease_owner: null, lease_until: null })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    },
    /** Records the outcome of a fetch and when the source is next due. */
    async recordFetch(
      caseId: string,
      id: string,
      f: {
        status: 'ok' | 'not_modified' | 'error' | 'blocked';
        error?: string | undefined;
        etag?: string | null | undefined;
        lastModified?: string | null | undefined;
        itemsNew: number;
        nextDueAt: string;
      },
    ): Promise<void> {
      const at = now();
      const ok = f.status === 'ok' || f.status === 'not_modified';
      const current = await sources.get(caseId, id);
      await db
        .updateTable('monitor_sources')
        .set({
          last_fetch_at: at,
          last_status: f.status,
          next_due_at: f.nextDueAt,
          items_seen: (current?.itemsSeen ?? 0) + f.itemsNew,
          ...(ok ? { last_success_at: at } : { last_error: f.error ?? f.status, last_error_at: at }),
          ...(f.etag !== undefined ? { etag: f.etag } : {}),
          ...(f.lastModified !== undefined ? { last_modified: f.lastModified } : {}),
        })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .execute();
    },
    /** Items recorded per source and UTC day since `sinceDay`, for volume sparklines. */
    async volume(
      caseId: string,
      sinceDay: string,
    ): Promise<Array<{ sourceId: string; day: string; items: number }>> {
      const rows = await db
        .selectFrom('monitor_items')
        .select(['source_id', 'seen_at'])
        .where('case_id', '=', caseId)
        .where('seen_at', '>=', sinceDay)
        .execute();
      const counts = new Map<string, number>();
      for (const r of rows) {
        const k = `${r.source_id} ${r.seen_at.slice(0, 10)}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      return [...counts].map(([k, items]) => {
        const [sourceId, day] = k.split(' ') as [string, string];
        return { sourceId, day, items };
      });
    },
  };

  const runs = {
    async start(caseId: string, sourceId: string, jobId: string | null, worker: string): Promise<string> {
      const id = `run-${randomUUID()}`;
      await db
        .insertInto('monitor_runs')
        .values({
          id,
          case_id: caseId,
          source_id: sourceId,
          job_id: jobId,
          worker,
          started_at: now(),
          status: 'running',
          items_found: 0,
          items_new: 0,
          developments: 0,
        })
        .execute();
      return id;
    },
    async finish(
      id: string,
      r: {
        status: string;
        httpStatus?: number | undefined;
        itemsFound: number;
        itemsNew: number;
        developments: number;
        error?: string | undefined;
      },
    ): Promise<void> {
      await db
        .updateTable('monitor_runs')
        .set({
          finished_at: now(),
          status: r.status,
          http_status: r.httpStatus ?? null,
          items_found: r.itemsFound,
          items_new: r.itemsNew,
          developments: r.developments,
          error: r.error ?? null,
        })
        .where('id', '=', id)
        .execute();
    },
    async list(
      caseId: string,
      opts: { sourceId?: string | undefined; limit?: number } = {},
    ): Promise<MonitorRun[]> {
      let q = db.selectFrom('monitor_runs').selectAll().where('case_id', '=', caseId);
      if (opts.sourceId) q = q.where('source_id', '=', opts.sourceId);
      const rows = await q
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .limit(opts.limit ?? 100)
        .execute();
      return rows.map(toRun);
    },
    async get(caseId: string, id: string): Promise<MonitorRun | undefined> {
      const r = await db
        .selectFrom('monitor_runs')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toRun(r) : undefined;
    },
  };

  const items = {
    async seen(caseId: string, sourceId: string, keys: readonly string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await db
          .selectFrom('monitor_items')
          .select('item_key')
          .where('case_id', '=', caseId)
          .where('source_id', '=', sourceId)
          .where('item_key', 'in', keys.slice(i, i + 500))
          .execute();
        for (const r of rows) out.add(r.item_key);
      }
      return out;
    },
    /** Records an item once; a second record of the same (source, key) is ignored. True if it was new. */
    async record(caseId: string, it: LedgerItem): Promise<boolean> {
      const r = await db
        .insertInto('monitor_items')
        .values({
          case_id: caseId,
          source_id: it.sourceId,
          item_key: it.key,
          doc_id: it.docId,
          outcome: it.outcome,
          title: it.title ?? null,
          url: it.url ?? null,
          date: it.date ?? null,
          run_id: it.runId,
          seen_at: now(),
          assessed: 0,
        })
        .onConflict((oc) => oc.columns(['case_id', 'source_id', 'item_key']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /** Items whose documents have not yet been compared with the case (crash-safe: kept until marked). */
    async unassessed(
      caseId: string,
      sourceId?: string,
    ): Promise<Array<{ sourceId: string; key: string; docId: string | null }>> {
      let q = db
        .selectFrom('monitor_items')
        .select(['source_id', 'item_key', 'doc_id'])
        .where('case_id', '=', caseId)
        .where('assessed', '=', 0);
      if (sourceId) q = q.where('source_id', '=', sourceId);
      const rows = await q.execute();
      return rows.map((r) => ({ sourceId: r.source_id, key: r.item_key, docId: r.doc_id }));
    },
    async markAssessed(
      caseId: string,
      list: ReadonlyArray<{ sourceId: string; key: string }>,
    ): Promise<void> {
      for (const it of list)
        await db
          .updateTable('monitor_items')
          .set({ assessed: 1 })
          .where('case_id', '=', caseId)
          .where('source_id', '=', it.sourceId)
          .where('item_key', '=', it.key)
          .execute();
    },
    async list(caseId: string, sourceId?: string): Promise<Array<LedgerItem & { seenAt: string }>> {
      let q = db.selectFrom('monitor_items').selectAll().where('case_id', '=', caseId);
      if (sourceId) q = q.where('source_id', '=', sourceId);
      const rows = await q.orderBy('source_id').orderBy('item_key').execute();
      return rows.map((r) => ({
        sourceId: r.source_id,
        key: r.item_key,
        docId: r.doc_id,
        outcome: r.outcome,
        title: r.title ?? undefined,
        url: r.url ?? undefined,
        date: r.date ?? undefined,
        runId: r.run_id,
        seenAt: r.seen_at,
      }));
    },
  };

  const developments = {
    /**
     * Records developments, merging each into the stored one with the same id (evidence added once per
     * item). Returns those that are new or gained evidence, as stored.
     */
    async upsert(
      caseId: string,
      devs: readonly Development[],
    ): Promise<Array<{ dev: StoredDevelopment; created: boolean }>> {
      const out: Array<{ dev: StoredDevelopment; created: boolean }> = [];
      // One transaction for the batch: SQLite commits once instead of once per development.
      // Rows are locked in id order, so two concurrent batches cannot deadlock on PostgreSQL.
      const ordered = [...devs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      await db.transaction().execute(async (trx) => {
        for (const fresh of ordered) {
          const changed = await (async function attempt(): Promise<
            { created: boolean; record: Development | undefined; createdAt: string | undefined } | undefined
          > {
            let q = trx
              .selectFrom('monitor_developments')
              .selectAll()
              .where('case_id', '=', caseId)
              .where('id', '=', fresh.id);
            if (pg) q = q.forUpdate();
            const prior = await q.executeTakeFirst();
            const at = now();
            if (!prior) {
              const inserted = await trx
                .insertInto('monitor_developments')
                .values({
                  case_id: caseId,
                  id: fresh.id,
                  kind: fresh.kind,
                  actor: fresh.actor ?? null,
                  issue: fresh.issue ?? null,
                  date: fresh.date,
                  score: fresh.score,
                  confidence: fresh.confidence,
                  record: JSON.stringify(fresh),
                  created_at: at,
                  updated_at: at,
                  read_at: null,
                })
                .onConflict((oc) => oc.columns(['case_id', 'id']).doNothing())
                .executeTakeFirst();
              if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
                return { created: true, record: undefined, createdAt: undefined };
              return attempt(); // a concurrent writer inserted it first: merge into its record
            }
            const before = JSON.parse(prior.record) as Development;
            const merged = mergeDevelopment(before, fresh);
            if (merged.evidence.length === before.evidence.length) return undefined;
            await trx
              .updateTable('monitor_developments')
              .set({
                score: merged.score,
                confidence: merged.confidence,
                record: JSON.stringify(merged),
                updated_at: at,
                read_at: null,
              })
              .where('case_id', '=', caseId)
              .where('id', '=', fresh.id)
              .execute();
            return { created: false, record: merged, createdAt: prior.created_at };
          })();
          if (changed)
            out.push({
              dev: {
                ...(changed.record ?? fresh),
                caseId,
                createdAt: changed.createdAt ?? now(),
                updatedAt: now(),
                read: false,
              },
              created: changed.created,
            });
        }
      });
      return out;
    },
    async get(caseId: string, id: string): Promise<StoredDevelopment | undefined> {
      const r = await db
        .selectFrom('monitor_developments')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toDevelopment(r) : undefined;
    },
    /** Highest score first (then newest); `since` filters on the development's date or last update. */
    async list(caseId: string, f: DevelopmentFilter = {}): Promise<StoredDevelopment[]> {
      let q = db.selectFrom('monitor_developments').selectAll().where('case_id', '=', caseId);
      if (f.since) {
        const since = f.since;
        q = q.where((eb) => eb.or([eb('date', '>=', since.slice(0, 10)), eb('updated_at', '>=', since)]));
      }
      if (f.kinds?.length) q = q.where('kind', 'in', [...f.kinds]);
      if (f.actor) q = q.where('actor', '=', f.actor);
      if (f.issue) q = q.where('issue', '=', f.issue);
      if (f.unread) q = q.where('read_at', 'is', null);
      if (f.updatedAfter) q = q.where('updated_at', '>', f.updatedAfter);
      const rows = await q
        .orderBy('score', 'desc')
        .orderBy('date', 'desc')
        .orderBy('id')
        .limit(f.limit ?? 500)
        .execute();
      return rows.map(toDevelopment);
    },
    async unreadCount(caseId: string): Promise<number> {
      const r = await db
        .selectFrom('monitor_developments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    /** Marks the given developments (or all, when none are given) as read; returns how many changed. */
    async markRead(caseId: string, ids?: readonly string[]): Promise<number> {
      let q = db
        .updateTable('monitor_developments')
        .set({ read_at: now() })
        .where('case_id', '=', caseId)
        .where('read_at', 'is', null);
      if (ids) {
        if (ids.length === 0) return 0;
        q = q.where('id', 'in', [...ids]);
      }
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },
    /** The latest update timestamp of the case's developments (a cheap change token for live updates). */
    async latestUpdate(caseId: string): Promise<string | null> {
      const r = await db
        .selectFrom('monitor_developments')
        .select((eb) => eb.fn.max('updated_at').as('m'))
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return (r?.m as string | null | undefined) ?? null;
    },
  };

  const rules = {
    async list(caseId: string): Promise<AlertRule[]> {
      const rows = await db
        .selectFrom('monitor_rules')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        ...(JSON.parse(r.record) as AlertRuleSpec),
        id: r.id,
        caseId: r.case_id,
        createdAt: r.created_at,
      }));
    },
    async get(caseId: string, id: string): Promise<AlertRule | undefined> {
      return (await rules.list(caseId)).find((r) => r.id === id);
    },
    async add(caseId: string, spec: AlertRuleSpec): Promise<AlertRule> {
      const id = `rule-${randomUUID().slice(0, 8)}`;
      const at = now();
      await db
        .insertInto('monitor_rules')
        .values({ case_id: caseId, id, record: JSON.stringify(spec), created_at: at, last_digest_at: null })
        .execute();
      return { ...spec, id, caseId, createdAt: at };
    },
    async replace(caseId: string, id: string, spec: AlertRuleSpec): Promise<AlertRule | undefined> {
      const r = await db
        .updateTable('monitor_rules')
        .set({ record: JSON.stringify(spec) })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) ? rules.get(caseId, id) : undefined;
    },
    async remove(caseId: string, id: string): Promise<boolean> {
      const r = await db
        .deleteFrom('monitor_rules')
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async lastDigest(caseId: string, id: string): Promise<string | null> {
      const r = await db
        .selectFrom('monitor_rules')
        .select('last_digest_at')
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r?.last_digest_at ?? null;
    },
    async setLastDigest(caseId: string, id: string, at: string): Promise<void> {
      await db
        .updateTable('monitor_rules')
        .set({ last_digest_at: at })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .execute();
    },
  };

  const deliveries = {
    /** Queues one delivery per (rule, development); a second enqueue of the same pair is ignored. */
    async enqueue(caseId: string, ruleId: string, developmentId: string): Promise<boolean> {
      const at = now();
      const r = await db
        .insertInto('monitor_deliveries')
        .values({
          id: `dlv-${randomUUID()}`,
          case_id: caseId,
          rule_id: ruleId,
          development_id: developmentId,
          status: 'pending',
          attempts: 0,
          next_at: at,
          log: '[]',
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['case_id', 'rule_id', 'development_id']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async due(at: string, caseId?: string): Promise<Delivery[]> {
      let q = db
        .selectFrom('monitor_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_at', '<=', at);
      if (caseId) q = q.where('case_id', '=', caseId);
      return (await q.orderBy('next_at').limit(200).execute()).map(toDelivery);
    },
    async pendingCount(caseId?: string): Promise<number> {
      let q = db
        .selectFrom('monitor_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending');
      if (caseId) q = q.where('case_id', '=', caseId);
      return Number((await q.executeTakeFirst())?.n ?? 0);
    },
    async record(
      d: Delivery,
      outcome: {
        ok: boolean;
        code: number | null;
        error?: string | undefined;
        nextAt?: string;
        give_up?: boolean;
      },
    ): Promise<void> {
      const at = now();
      const log = [...d.log, { at, code: outcome.code, ...(outcome.error ? { error: outcome.error } : {}) }];
      await db
        .updateTable('monitor_deliveries')
        .set({
          attempts: d.attempts + 1,
          last_code: outcome.code,
          last_error: outcome.error ?? null,
          log: JSON.stringify(log),
          ...(outcome.ok
            ? { status: 'delivered', delivered_at: at }
            : outcome.give_up
              ? { status: 'failed' }
              : { next_at: outcome.nextAt ?? at }),
        })
        .where('id', '=', d.id)
        .where('status', '=', 'pending')
        .execute();
    },
    async list(
      caseId: string,
      opts: { ruleId?: string | undefined; limit?: number } = {},
    ): Promise<Delivery[]> {
      let q = db.selectFrom('monitor_deliveries').selectAll().where('case_id', '=', caseId);
      if (opts.ruleId) q = q.where('rule_id', '=', opts.ruleId);
      return (
        await q
          .orderBy('created_at', 'desc')
          .limit(opts.limit ?? 200)
          .execute()
      ).map(toDelivery);
    },
  };

  return { sources, runs, items, developments, rules, deliveries };
}
