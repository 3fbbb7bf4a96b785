/**
 * Job records: status, progress, cancellation and per-part results. The record is the single source of truth
 * the API reads, whichever queue runs the work (in-process on SQLite, graphile-worker on PostgreSQL).
 * Effects are applied exactly once: parts are keyed (job, part) and completion is a conditional update in the
 * same transaction as the stored result.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CoreDatabase } from './database.js';
import { clampLimit, decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export interface Job {
  id: string;
  caseId: string | null;
  kind: string;
  params: unknown;
  status: JobStatus;
  /** 0–1. */
  progress: number;
  message: string | null;
  result: unknown;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  parts: number;
  partsDone: number;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface CreateJobInput {
  caseId?: string | null;
  kind: string;
  params: unknown;
  /** Number of independent parts the work is split into (workers share them). */
  parts?: number;
  maxAttempts?: number;
  /** A second create with the same key returns the first job instead of queueing another. */
  idempotencyKey?: string | undefined;
}

export interface JobRepository {
  create(input: CreateJobInput): Promise<{ job: Job; created: boolean }>;
  get(id: string): Promise<Job | undefined>;
  list(
    opts?: PageRequest & { caseId?: string | undefined; status?: JobStatus | undefined },
  ): Promise<Page<Job>>;
  /** Picks the oldest queued job for this worker (embedded runner). */
  claimNext(workerId: string): Promise<Job | undefined>;
  /** Marks a queued job running (one more attempt) or confirms a running one; false when finished or cancelled. */
  start(id: string, workerId: string): Promise<boolean>;
  progress(id: string, progress: number, message?: string | null): Promise<void>;
  requestCancel(id: string): Promise<Job | undefined>;
  /** Records a part's result once; returns whether this call recorded it and how many parts are done. */
  recordPart(
    id: string,
    part: number,
    result: unknown,
    workerId?: string,
  ): Promise<{ recorded: boolean; partsDone: number; parts: number }>;
  partResults(id: string): Promise<{ part: number; result: unknown }[]>;
  /**
   * Finishes a job successfully. `effect` runs in the same transaction, only if this call is the one that
   * finished the job, so a retried completion never applies it twice. Returns whether this call finished it.
   */
  complete(
    id: string,
    result: unknown,
    effect?: (trx: Transaction<CoreDatabase>) => Promise<void>,
  ): Promise<boolean>;
  fail(id: string, error: string): Promise<void>;
  /** After a failed attempt: back to the queue if attempts remain, else failed. Returns the new status. */
  retryOrFail(id: string, error: string): Promise<JobStatus | undefined>;
  /** Finishes a cancelled job. */
  markCancelled(id: string): Promise<void>;
  /** After a crash: running jobs go back to the queue (or fail when out of attempts). Returns how many were requeued. */
  requeueInterrupted(): Promise<number>;
}

type Row = CoreDatabase['jobs'];

function present(r: Row): Job {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    params: JSON.parse(r.params) as unknown,
    status: r.status as JobStatus,
    progress: Number(r.progress),
    message: r.message,
    result: r.result === null ? null : (JSON.parse(r.result) as unknown),
    error: r.error,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    parts: Number(r.parts),
    partsDone: Number(r.parts_done),
    cancelRequested: Number(r.cancel_requested) === 1,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export function createJobRepository(db: Kysely<CoreDatabase>, now: () => string): JobRepository {
  async function get(id: string): Promise<Job | undefined> {
    const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? present(r) : undefined;
  }

  async function byKey(key: string): Promise<Job | undefined> {
    const r = await db.selectFrom('jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    return r ? present(r) : undefined;
  }

  return {
    async create(input) {
      if (input.idempotencyKey) {
        const existing = await byKey(input.idempotencyKey);
        if (existing) return { job: existing, created: false };
      }
      const row: Row = {
        id: randomUUID(),
        case_id: input.caseId ?? null,
        kind: input.kind,
        params: JSON.stringify(input.params ?? {}),
        status: 'queued',
        progress: 0,
        message: null,
        result: null,
        error: null,
        attempts: 0,
        max_attempts: input.maxAttempts ?? 3,
        parts: Math.max(1, input.parts ?? 1),
        parts_done: 0,
        cancel_requested: 0,
        idempotency_key: input.idempotencyKey ?? null,
        locked_by: null,
        locked_at: null,
        created_at: now(),
        started_at: null,
        finished_at: null,
      };
      const r = await db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0 && input.idempotencyKey) {
        return { job: (await byKey(input.idempotencyKey))!, created: false };
      }
      return { job: present(row), created: true };
    },

    get,

    async list(opts = {}) {
      const limit = clampLimit(opts.limit);
      let q = db
        .selectFrom('jobs')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (opts.caseId) q = q.where('case_id', '=', opts.caseId);
      if (opts.status) q = q.where('status', '=', opts.status);
      if (opts.cursor) {
        const [at, id] = decodeCursor(opts.cursor, ['s', 's']) as [string, string];
        q = q.where((eb) =>
          eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
        );
      }
      return toPage(await q.execute(), limit, (r) => [r.created_at, r.id], present);
    },

    async claimNext(workerId) {
      return db.transaction().execute(async (trx) => {
        const r = await trx
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .orderBy('created_at')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        if (!r) return undefined;
        const u = await trx
          .updateTable('jobs')
          .set((eb) => ({
            status: 'running',
            attempts: eb('attempts', '+', 1),
            locked_by: workerId,
            locked_at: now(),
            started_at: now(),
          }))
          .where('id', '=', r.id)
          .where('status', '=', 'queued')
          .executeTakeFirst();
        if (Number(u.numUpdatedRows) !== 1) return undefined;
        const row = await trx.selectFrom('jobs').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
        return present(row);
      });
    },

    async start(id, workerId) {
      // queued → running counts one attempt; a further part of a running job is the same attempt.
      const u = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_by: workerId,
          locked_at: now(),
          started_at: eb.fn.coalesce('started_at', eb.val(now())),
        }))
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .where('cancel_requested', '=', 0)
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) === 1) return true;
      const j = await get(id);
      return j?.status === 'running' && !j.cancelRequested;
    },

    async progress(id, progress, message) {
      await db
        .updateTable('jobs')
        .set({ progress: Math.max(0, Math.min(1, progress)), message: message ?? null })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute();
    },

    async requestCancel(id) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('jobs').set({ cancel_requested: 1 }).where('id', '=', id).execute();
        // A job nobody has started yet is cancelled at once.
        await trx
          .updateTable('jobs')
          .set({ status: 'cancelled', finished_at: now() })
          .where('id', '=', id)
          .where('status', '=', 'queued')
          .execute();
      });
      return get(id);
    },

    async recordPart(id, part, result, workerId) {
      return db.transaction().execute(async (trx) => {
        const ins = await trx
          .insertInto('job_parts')
          .values({
            job_id: id,
            part,
            result: JSON.stringify(result),
            worker: workerId ?? null,
            created_at: now(),
          })
          .onConflict((oc) => oc.columns(['job_id', 'part']).doNothing())
          .executeTakeFirst();
        const recorded = Number(ins.numInsertedOrUpdatedRows ?? 0n) === 1;
        if (recorded) {
          await trx
            .updateTable('jobs')
            .set((eb) => ({ parts_done: eb('parts_done', '+', 1) }))
            .where('id', '=', id)
            .execute();
        }
        const j = await trx
          .selectFrom('jobs')
          .select(['parts', 'parts_done'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const partsDone = Number(j.parts_done);
        const parts = Number(j.parts);
        await trx
          .updateTable('jobs')
          .set({ progress: partsDone / parts })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .execute();
        return { recorded, partsDone, parts };
      });
    },

    async partResults(id) {
      const rows = await db
        .selectFrom('job_parts')
        .select(['part', 'result'])
        .where('job_id', '=', id)
        .orderBy('part')
        .execute();
      return rows.map((r) => ({ part: Number(r.part), result: JSON.parse(r.result) as unknown }));
    },

    async complete(id, result, effect) {
      return db.transaction().execute(async (trx) => {
        const u = await trx
          .updateTable('jobs')
          .set({
            status: 'succeeded',
            progress: 1,
            result: JSON.stringify(result ?? null),
            finished_at: now(),
            error: null,
          })
          .where('id', '=', id)
          .where('status', 'not in', TERMINAL_STATUSES as JobStatus[])
          .executeTakeFirst();
        if (Number(u.numUpdatedRows) !== 1) return false;
        if (effect) await effect(trx);
        return true;
      });
    },

    async fail(id, error) {
      await db
        .updateTable('jobs')
        .set({ status: 'failed', error: error.slice(0, 4000), finished_at: now() })
        .where('id', '=', id)
        .where('status', 'not in', TERMINAL_STATUSES as JobStatus[])
        .execute();
    },

    async retryOrFail(id, error) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set({ status: 'failed', error: error.slice(0, 4000), finished_at: now() })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
          .execute();
        await trx
          .updateTable('jobs')
          .set({ status: 'queued', error: error.slice(0, 4000), locked_by: null, locked_at: null })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .execute();
      });
      return (await get(id))?.status;
    },

    async markCancelled(id) {
      await db
        .updateTable('jobs')
        .set({ status: 'cancelled', finished_at: now() })
        .where('id', '=', id)
        .where('status', 'not in', TERMINAL_STATUSES as JobStatus[])
        .execute();
    },

    async requeueInterrupted() {
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set({ status: 'failed', error: 'interrupted too many times', finished_at: now() })
          .where('status', '=', 'running')
          .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
          .execute();
        const u = await trx
          .updateTable('jobs')
          .set({ status: 'queued', locked_by: null, locked_at: null })
          .where('status', '=', 'running')
          .execute();
        return u.reduce((n, r) => n + Number(r.numUpdatedRows), 0);
      });
    },
  };
}
