/**
 * On SQLite and PostgreSQL alike: saves without `baseVersion` all succeed, even at once (docs/api.md: 409 only
 * for a stale base); saves with the same base collide, exactly one winning; deleting a case deletes every row
 * kept for it (versions, analyses, jobs and their parts, evidence), so re-creating the id starts empty.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freshStore } from './backends.js';
import { ConflictError, type Store } from '../../src/adapters/store/index.js';
import { caseScopedTables } from '../../src/adapters/store/case-repo.js';
import type { EvidenceRepository } from '../../src/adapters/store/evidence-repo.js';

const doc = (id: string, n = 0) => ({
  title: `Case ${id} ${n}`,
  yaml: `id: ${id}\nn: ${n}\n`,
  case: { id, n },
});

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`case lifecycle on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await freshStore(backend));
    });
    afterAll(async () => dispose?.());

    it('accepts 10 simultaneous saves without baseVersion, each a new version', async () => {
      await store.cases.create('blind', doc('blind'));
      const saved = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => store.cases.save('blind', doc('blind', i + 1))),
      );
      expect(saved.filter((s) => s.status === 'rejected')).toEqual([]);
      const versions = saved.map((s) => (s as PromiseFulfilledResult<{ version: number }>).value.version);
      expect([...versions].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect((await store.cases.get('blind'))!.version).toBe(11);
      expect((await store.cases.listVersions('blind', { limit: 100 })).items).toHaveLength(11);
    });

    it('lets exactly one of 10 simultaneous saves on the same base version win; the rest get 409', async () => {
      await store.cases.create('based', doc('based'));
      const saved = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          store.cases.save('based', { ...doc('based', i), baseVersion: 1 }),
        ),
      );
      expect(saved.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      for (const s of saved.filter((s) => s.status === 'rejected'))
        expect((s as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      expect((await store.cases.get('based'))!.version).toBe(2);
      await expect(store.cases.save('based', { ...doc('based'), baseVersion: 1 })).rejects.toThrow(
        /version 2, not 1/,
      );
    });

    it('deletes everything kept for a case; re-creating the id brings nothing back', async () => {
      const id = 'doomed';
      await store.cases.create(id, doc(id));
      await store.cases.create('keeper', doc('keeper'));
      await store.analyses.save({
        caseId: id,
        caseVersion: 1,
        kind: 'forecast',
        params: {},
        result: { x: 1 },
      });
      const { job } = await store.jobs.create({ caseId: id, kind: 'montecarlo', params: {}, parts: 2 });
      await store.jobs.recordPart(job.id, 0, { ok: true }, 'w1');
      const evidence = store.evidence as EvidenceRepository | undefined;
      const input = () =>
        ({
          id: 'doc1',
          contentHash: 'h1',
          title: 'An article',
          dateSource: 'none',
          origin: 'test',
          language: 'en',
          clusterId: 'doc1',
          duplicateKind: 'unique',
          similarity: 0,
          text: 'Alpha met Beta.',
          segments: [0],
          removed: {},
          warnings: [],
          events: [],
          claims: [],
        }) as unknown as Parameters<EvidenceRepository['saveDocument']>[1];
      if (evidence) {
        await evidence.saveDocument(id, input());
        await evidence.saveDocument('keeper', input());
      }
      const tables = await caseScopedTables(store.db, store.dialect);
      expect(tables).toEqual(expect.arrayContaining(['case_versions', 'analysis_results', 'jobs']));
      const rowsOf = async (caseId: string) => {
        const out: Record<string, number> = {};
        for (const t of tables) {
          const r = await sql<{
            n: number;
          }>`SELECT count(*) AS n FROM ${sql.table(t)} WHERE case_id = ${caseId}`.execute(store.db);
          const k = Number(r.rows[0]!.n);
          if (k) out[t] = k;
        }
        return out;
      };
      const before = await rowsOf(id);
      expect(before.jobs).toBe(1);
      expect(before.analysis_results).toBe(1);
      if (evidence) expect(before.evidence_documents).toBe(1);
      const keeperBefore = await rowsOf('keeper');

      expect(await store.cases.remove(id)).toBe(true);
      expect(await rowsOf(id)).toEqual({});
      expect(await store.jobs.get(job.id)).toBeUndefined();
      const parts = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM job_parts WHERE job_id = ${job.id}`.execute(store.db);
      expect(Number(parts.rows[0]!.n)).toBe(0);
      // The other case keeps all of its rows.
      expect(await rowsOf('keeper')).toEqual(keeperBefore);

      await store.cases.create(id, doc(id));
      expect(await rowsOf(id)).toEqual({ case_versions: 1 });
      if (evidence) {
        expect(await evidence.listDocuments(id)).toEqual([]);
        expect(await evidence.search(id, 'Alpha')).toEqual([]);
      }
      expect((await store.jobs.list({ caseId: id })).items).toEqual([]);
    });
  });
}
