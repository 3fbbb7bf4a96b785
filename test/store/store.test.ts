/** The store contract, run on SQLite and on PostgreSQL: cases and versions, analyses, jobs, tokens, migrations. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIf, NEEDS } from '../support/requirements.js';
import { BACKENDS, freshStore } from './backends.js';
import {
  ConflictError,
  NotFoundError,
  InvalidCursorError,
  hashToken,
  type Store,
} from '../../src/adapters/store/index.js';

// Strings that would change a query if any were spliced into SQL text.
const INJECTIONS = [
  "x'; DROP TABLE cases; --",
  '" OR 1=1 --',
  "' OR '1'='1",
  'robert"); DELETE FROM case_versions; --',
  '%_\\',
];

const doc = (id: string, title: string) => ({
  title,
  yaml: `id: ${id}\ntitle: ${title}\n`,
  case: { id, title },
});

for (const { backend, skip } of BACKENDS) {
  describeIf(!skip, NEEDS.postgres)(`store on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let tick = 0;
    beforeAll(async () => {
      // A clock that advances one second per call, so ordering by time is deterministic.
      ({ store, dispose } = await freshStore(backend, {
        now: () => new Date(Date.UTC(2025, 0, 1) + 1000 * tick++).toISOString(),
      }));
    });
    afterAll(async () => dispose?.());

    it('creates a case as version 1 and reads it back', async () => {
      const v = await store.cases.create('alpha', doc('alpha', 'Alpha talks'));
      expect(v.version).toBe(1);
      const got = await store.cases.get('alpha');
      expect(got?.case).toEqual({ id: 'alpha', title: 'Alpha talks' });
      expect(got?.yaml).toBe('id: alpha\ntitle: Alpha talks\n');
      expect(await store.cases.get('missing')).toBeUndefined();
    });

    it('refuses a second case with the same id', async () => {
      await expect(store.cases.create('alpha', doc('alpha', 'Again'))).rejects.toBeInstanceOf(ConflictError);
    });

    it('makes every save a version, lists them newest first, and restores an old one as a new version', async () => {
      await store.cases.save('alpha', { ...doc('alpha', 'Alpha v2'), message: 'second' });
      await store.cases.save('alpha', doc('alpha', 'Alpha v3'));
      const versions = await store.cases.listVersions('alpha');
      expect(versions.items.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(versions.items[1]?.message).toBe('second');
      const restored = await store.cases.restore('alpha', 1, 'tester');
      expect(restored.version).toBe(4);
      expect(restored.title).toBe('Alpha talks');
      expect(restored.message).toBe('restored version 1');
      expect((await store.cases.get('alpha'))?.version).toBe(4);
      expect((await store.cases.getVersion('alpha', 2))?.title).toBe('Alpha v2');
      expect(await store.cases.getVersion('alpha', 99)).toBeUndefined();
    });

    it('rejects a save based on a stale version', async () => {
      await expect(
        store.cases.save('alpha', { ...doc('alpha', 'stale'), baseVersion: 2 }),
      ).rejects.toBeInstanceOf(ConflictError);
      const ok = await store.cases.save('alpha', { ...doc('alpha', 'fresh'), baseVersion: 4 });
      expect(ok.version).toBe(5);
    });

    it('reports saving or listing versions of a missing case as not found', async () => {
      await expect(store.cases.save('nope', doc('nope', 'x'))).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.cases.listVersions('nope')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.cases.restore('alpha', 42)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('pages through cases with a cursor and filters by text', async () => {
      for (const id of ['c1', 'c2', 'c3', 'c4']) await store.cases.create(id, doc(id, `Case ${id}`));
      const p1 = await store.cases.list({ limit: 2 });
      expect(p1.items.map((c) => c.id)).toEqual(['alpha', 'c1']);
      const p2 = await store.cases.list({ limit: 2, cursor: p1.next! });
      expect(p2.items.map((c) => c.id)).toEqual(['c2', 'c3']);
      const p3 = await store.cases.list({ limit: 2, cursor: p2.next! });
      expect(p3.items.map((c) => c.id)).toEqual(['c4']);
      expect(p3.next).toBeNull();
      expect((await store.cases.list({ q: 'CASE C3' })).items.map((c) => c.id)).toEqual(['c3']);
      await expect(store.cases.list({ cursor: 'garbage!' })).rejects.toBeInstanceOf(InvalidCursorError);
      expect(await store.cases.count()).toBe(5);
    });

    it('stores and searches SQL-injection strings as plain text', async () => {
      for (const [i, s] of INJECTIONS.entries()) {
        await store.cases.create(`inj${i}`, { title: s, yaml: s, case: { title: s } });
        expect((await store.cases.get(`inj${i}`))?.title).toBe(s);
        // Searching for the string finds exactly the case that holds it.
        const found = await store.cases.list({ q: s });
        expect(found.items.map((c) => c.id)).toContain(`inj${i}`);
        expect(await store.cases.get(s)).toBeUndefined();
        await expect(store.cases.listVersions(s)).rejects.toBeInstanceOf(NotFoundError);
      }
      // "%_\" must match only itself, not every title.
      expect((await store.cases.list({ q: '%_\\' })).items.map((c) => c.id)).toEqual([
        `inj${INJECTIONS.length - 1}`,
      ]);
      expect(await store.cases.count()).toBe(5 + INJECTIONS.length);
    });

    it('deletes a case with its versions and analyses', async () => {
      await store.analyses.save({
        caseId: 'c4',
        caseVersion: 1,
        kind: 'forecast',
        params: {},
        result: { x: 1 },
      });
      expect(await store.cases.remove('c4')).toBe(true);
      expect(await store.cases.get('c4')).toBeUndefined();
      expect(await store.cases.getVersion('c4', 1)).toBeUndefined();
      expect((await store.analyses.list('c4')).items).toEqual([]);
      expect(await store.cases.remove('c4')).toBe(false);
    });

    it('stores analysis results and lists them newest first by kind', async () => {
      const a = await store.analyses.save({
        caseId: 'c1',
        caseVersion: 1,
        kind: 'forecast',
        params: { models: ['median'] },
        result: { landing: 42.5 },
      });
      await store.analyses.save({
        caseId: 'c1',
        caseVersion: 1,
        kind: 'stability',
        params: {},
        result: { equilibria: [3] },
      });
      const b = await store.analyses.save({
        caseId: 'c1',
        caseVersion: 1,
        kind: 'forecast',
        params: {},
        result: { landing: 40 },
      });
      expect((await store.analyses.get(a.id))?.result).toEqual({ landing: 42.5 });
      const list = await store.analyses.list('c1', { kind: 'forecast' });
      expect(list.items.map((r) => r.id)).toEqual([b.id, a.id]);
    });

    it('creates jobs once per idempotency key', async () => {
      const first = await store.jobs.create({
        caseId: 'c1',
        kind: 'montecarlo',
        params: { runs: 10 },
        idempotencyKey: 'k1',
      });
      const again = await store.jobs.create({
        caseId: 'c1',
        kind: 'montecarlo',
        params: { runs: 10 },
        idempotencyKey: 'k1',
      });
      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.job.id).toBe(first.job.id);
      expect(first.job.status).toBe('queued');
    });

    it('records each part once and applies a completion effect once', async () => {
      const { job } = await store.jobs.create({ caseId: 'c1', kind: 'montecarlo', params: {}, parts: 2 });
      expect(await store.jobs.start(job.id, 'w1')).toBe(true);
      expect(await store.jobs.recordPart(job.id, 0, { sum: 3 }, 'w1')).toEqual({
        recorded: true,
        partsDone: 1,
        parts: 2,
      });
      // A retry of part 0 (its worker crashed after committing) changes nothing.
      expect(await store.jobs.recordPart(job.id, 0, { sum: 999 }, 'w2')).toEqual({
        recorded: false,
        partsDone: 1,
        parts: 2,
      });
      expect(await store.jobs.recordPart(job.id, 1, { sum: 4 }, 'w2')).toEqual({
        recorded: true,
        partsDone: 2,
        parts: 2,
      });
      expect(await store.jobs.partResults(job.id)).toEqual([
        { part: 0, result: { sum: 3 } },
        { part: 1, result: { sum: 4 } },
      ]);
      const effect = async (trx: Parameters<NonNullable<Parameters<Store['jobs']['complete']>[2]>>[0]) => {
        await store.analyses.save(
          {
            caseId: 'c1',
            caseVersion: 1,
            kind: 'montecarlo',
            params: {},
            result: { total: 7 },
            jobId: job.id,
          },
          trx,
        );
      };
      expect(await store.jobs.complete(job.id, { total: 7 }, effect)).toBe(true);
      expect(await store.jobs.complete(job.id, { total: 7 }, effect)).toBe(false);
      const done = await store.jobs.get(job.id);
      expect(done?.status).toBe('succeeded');
      expect(done?.progress).toBe(1);
      expect(done?.result).toEqual({ total: 7 });
      expect((await store.analyses.list('c1', { kind: 'montecarlo' })).items).toHaveLength(1);
      // A finished job cannot be started again.
      expect(await store.jobs.start(job.id, 'w3')).toBe(false);
    });

    it('rolls back a completion whose effect fails, so the retry applies it', async () => {
      const { job } = await store.jobs.create({ caseId: 'c1', kind: 'stability', params: {} });
      await store.jobs.start(job.id, 'w1');
      await expect(
        store.jobs.complete(job.id, { ok: 1 }, async (trx) => {
          await trx
            .insertInto('analysis_results')
            .values({
              id: 'half',
              case_id: 'c1',
              case_version: 1,
              kind: 'stability',
              params: '{}',
              result: '{}',
              job_id: job.id,
              created_at: 'x',
            })
            .execute();
          throw new Error('crash inside the transaction');
        }),
      ).rejects.toThrow('crash');
      expect((await store.jobs.get(job.id))?.status).toBe('running');
      expect(await store.analyses.get('half')).toBeUndefined();
      expect(await store.jobs.complete(job.id, { ok: 1 })).toBe(true);
    });

    it('cancels a queued job at once and flags a running one', async () => {
      const queued = (await store.jobs.create({ kind: 'stability', params: {} })).job;
      expect((await store.jobs.requestCancel(queued.id))?.status).toBe('cancelled');
      const running = (await store.jobs.create({ kind: 'stability', params: {} })).job;
      await store.jobs.start(running.id, 'w');
      const flagged = await store.jobs.requestCancel(running.id);
      expect(flagged?.status).toBe('running');
      expect(flagged?.cancelRequested).toBe(true);
      await store.jobs.markCancelled(running.id);
      expect((await store.jobs.get(running.id))?.status).toBe('cancelled');
    });

    it('claims queued jobs oldest first, one worker each, and requeues interrupted ones', async () => {
      // Clear earlier queued jobs so the claim order is this test's own.
      for (const j of (await store.jobs.list({ status: 'queued' })).items)
        await store.jobs.requestCancel(j.id);
      const a = (await store.jobs.create({ kind: 'x', params: {}, maxAttempts: 2 })).job;
      const b = (await store.jobs.create({ kind: 'x', params: {} })).job;
      expect((await store.jobs.claimNext('w1'))?.id).toBe(a.id);
      expect((await store.jobs.claimNext('w2'))?.id).toBe(b.id);
      expect(await store.jobs.claimNext('w3')).toBeUndefined();
      // Both were running when the process "crashed": a has used 1 of 2 attempts, so both are requeued.
      expect(await store.jobs.requeueInterrupted()).toBe(2);
      expect((await store.jobs.claimNext('w1'))?.attempts).toBe(2);
      expect((await store.jobs.claimNext('w2'))?.attempts).toBe(2);
      // A second crash: a has used both its attempts and fails; b (3 allowed) goes back to the queue.
      expect(await store.jobs.requeueInterrupted()).toBe(1);
      expect((await store.jobs.get(a.id))?.status).toBe('failed');
      expect((await store.jobs.get(b.id))?.status).toBe('queued');
    });

    it('keeps only a hash of API tokens and verifies roles', async () => {
      const editor = await store.tokens.create('editor', 'laptop');
      const viewer = await store.tokens.create('viewer');
      expect(await store.tokens.verify(editor.token)).toBe('editor');
      expect(await store.tokens.verify(viewer.token)).toBe('viewer');
      expect(await store.tokens.verify('rl_wrong')).toBeUndefined();
      expect(await store.tokens.verify(INJECTIONS[0]!)).toBeUndefined();
      const rows = await store.db.selectFrom('api_tokens').select(['hash']).execute();
      expect(rows.map((r) => r.hash)).toContain(hashToken(editor.token));
      expect(rows.some((r) => r.hash.includes(editor.token))).toBe(false);
      const used = await store.db
        .selectFrom('api_tokens')
        .select(['id', 'last_used_at'])
        .where('id', '=', editor.id)
        .executeTakeFirstOrThrow();
      expect(used.last_used_at).not.toBeNull();
    });
  });
}
