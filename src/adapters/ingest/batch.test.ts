import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEvidenceModel } from '../../index.js';
import { openStore, type Store } from '../store/index.js';
import type { EvidenceRepository } from '../store/evidence-repo.js';
import { ingestInputs } from './batch.js';
import type { InputItem } from './sources.js';

const model = createEvidenceModel({
  actors: [
    { id: 'russia', name: 'Russia', kind: 'state' },
    { id: 'ukraine', name: 'Ukraine', kind: 'state' },
  ],
  issues: [{ id: 'sanctions', name: 'Sanctions relief', keywords: ['sanctions relief', 'sanctions'] }],
});

const story =
  'Russia and Ukraine met in Istanbul on Friday for a third round of talks. Russia demanded sanctions relief before any further exchange. Ukraine rejected sanctions relief while the war goes on. The delegations agreed to keep working on a prisoner exchange and to meet again within a month, officials from both sides told reporters after the session.';
const other =
  'Ukraine accused Russia of striking a hospital in Kharkiv overnight. Officials said dozens of people were wounded and rescue teams worked through the morning to clear the rubble of the building.';

const item = (origin: string, text: string, extra = {}): InputItem => ({
  ok: true,
  origin,
  format: 'text',
  article: { text, date: '2025-08-16', ...extra },
});
async function* list(items: InputItem[]) {
  yield* items;
}

const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

// SQLite always; PostgreSQL too when a throwaway server is running (`source .ci/postgres.sh`).
const backends: Array<[string, () => Promise<Store>]> = [
  [
    'SQLite',
    () =>
      openStore({
        dataDir: mkdtempSync(join(tmpdir(), 'redline-evidence-')),
        now: () => '2026-01-01T00:00:00Z',
      }),
  ],
];
if (process.env.DATABASE_URL_TEST)
  backends.push(['PostgreSQL', () => openStore({ databaseUrl: process.env.DATABASE_URL_TEST })]);

describe.each(backends)('ingestInputs with the %s evidence store', (_name, open) => {
  it('stores new articles, clusters copies, makes re-ingesting a no-op and reports failures per document', async () => {
    const store = await open();
    stores.push(store);
    // A fresh case id per run, so a reused PostgreSQL database starts empty for this case.
    const caseId = `c-${Date.now().toString(36)}`;
    const repo = store.evidence as EvidenceRepository;
    const run = (items: InputItem[]) => ingestInputs(list(items), { caseId, model, repo });
    const first = await run([
      item('a.txt', story),
      item('b.txt', `WIRE COPY\n${story}\nShare this article`),
      item('c.txt', other),
      { ok: false, origin: 'd.bin', code: 'binary', message: 'binary data' },
      item('e.txt', story, { url: 'https://other.example/x' }),
    ]);
    expect(first.outcomes.map((o) => o.status)).toEqual([
      'new',
      'near-duplicate',
      'new',
      'failed',
      'duplicate',
    ]);
    const a = first.outcomes[0]!;
    expect(first.outcomes[1]!.clusterId).toBe(a.docId);
    expect(first.outcomes[4]!.clusterId).toBe(a.docId);
    expect(a.claims).toBe(2);
    expect(first.summary).toMatchObject({ documents: 5, new: 2, duplicates: 2, failed: 1 });

    const again = await run([item('a.txt', story)]);
    expect(again.outcomes[0]!.status).toBe('already-ingested');
    expect(await repo.counts(caseId)).toMatchObject({ documents: 4, claims: 2 });

    const claims = await repo.listClaims(caseId);
    expect(claims.map((c) => [c.claim.actor, c.claim.direction]).sort()).toEqual([
      ['russia', 'demands'],
      ['ukraine', 'rejects'],
    ]);
    await repo.decide(caseId, claims[0]!.id, 'rejected', 'not a stance');
    expect((await repo.listClaims(caseId, { status: 'suggested' })).length).toBe(1);
    const hits = await repo.search(caseId, 'hospital Kharkiv');
    expect(hits.map((h) => h.doc.id)).toEqual([first.outcomes[2]!.docId]);
  });
});
