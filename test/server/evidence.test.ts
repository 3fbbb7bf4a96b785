/**
 * Evidence routes over the evidence repository: an article ingested into the store yields claims and events;
 * the API lists, searches and times them, accepting a claim saves a new case version carrying its quote,
 * rejecting records the decision, and article text (with a script probe) comes back verbatim as JSON data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceModel } from '../../src/index.js';
import { ingestInputs } from '../../src/adapters/ingest/batch.js';
import { toArticle } from '../../src/adapters/ingest/sources.js';
import type { EvidenceRepository } from '../../src/adapters/store/evidence-repo.js';
import { exampleCase, harness, type Harness } from './helpers.js';

const ARTICLE = `Title: Kremlin restates its terms
Date: 2025-12-02
Source: Test Wire

Moscow will never accept Ukraine's membership in NATO, the Kremlin said on Tuesday. Russian and American envoys met in Miami on Monday. Ukraine rejected any withdrawal from Donbas. <script>alert(1)</script>
`;

let h: Harness;
const CASE = 'ukraine-2025';
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

beforeAll(async () => {
  h = await harness();
  async function* inputs() {
    yield toArticle('probe.txt', 'text', ARTICLE);
  }
  await ingestInputs(inputs(), {
    caseId: CASE,
    model: createEvidenceModel(exampleCase()),
    repo: h.store.evidence as EvidenceRepository,
  });
});
afterAll(async () => h?.close());

describe('evidence routes', () => {
  it('lists and searches documents, and returns the cleaned text verbatim', async () => {
    const docs = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/documents` })).json();
    expect(docs.items).toHaveLength(1);
    expect(docs.items[0].title).toBe('Kremlin restates its terms');
    const hits = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/documents?q=Miami` })).json();
    expect(hits.items.map((d: { id: string }) => d.id)).toEqual([docs.items[0].id]);
    expect(
      (await h.app.inject({ url: `/api/cases/${CASE}/evidence/documents?q=zanzibar` })).json().items,
    ).toEqual([]);
    const doc = await h.app.inject({ url: `/api/cases/${CASE}/evidence/documents/${docs.items[0].id}` });
    expect(doc.headers['content-type']).toContain('application/json');
    expect(doc.json().cleanText).toContain('<script>alert(1)</script>');
    expect(doc.json().claims.length).toBeGreaterThan(0);
    expect((await h.app.inject({ url: `/api/cases/${CASE}/evidence/documents/nope` })).statusCode).toBe(404);
  });

  it('lists claims and events for review with filters and pages', async () => {
    const all = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/suggestions` })).json();
    expect(all.items.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'claim',
      'claim',
      'event',
      'event',
    ]);
    const claims = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/claims?status=pending` })).json();
    const russia = claims.items.find((c: { actor: string }) => c.actor === 'russia');
    expect(russia).toMatchObject({
      issue: 'nato',
      direction: 'rejects',
      status: 'suggested',
      date: '2025-12-02',
    });
    expect(russia.quote.text).toBe(
      "Moscow will never accept Ukraine's membership in NATO, the Kremlin said on Tuesday.",
    );
    const p1 = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/suggestions?limit=3` })).json();
    expect(p1.items).toHaveLength(3);
    const p2 = (await h.app.inject({ url: p1.next })).json();
    expect(p2.items).toHaveLength(1);
    expect(p2.next).toBeNull();
    expect(
      (await h.app.inject({ url: `/api/cases/${CASE}/evidence/suggestions?status=maybe` })).statusCode,
    ).toBe(400);
  });

  it('accepts a claim into the case as a new version with its quote, once', async () => {
    const claims = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/claims` })).json();
    const russia = claims.items.find((c: { actor: string }) => c.actor === 'russia');
    const before = (await h.app.inject({ url: `/api/cases/${CASE}` })).json();
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/evidence/claims/${russia.id}/accept`,
      ...json({}),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().item.status).toBe('accepted');
    expect(res.json().caseVersion).toBe(before.version + 1);
    const after = (await h.app.inject({ url: `/api/cases/${CASE}` })).json();
    expect(after.version).toBe(before.version + 1);
    expect(after.yaml).toContain('Moscow will never accept');
    // Accepting again changes nothing; rejecting an accepted item is a conflict.
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/evidence/claims/${russia.id}/accept`,
      ...json({}),
    });
    expect(again.json().caseVersion).toBeNull();
    expect((await h.app.inject({ url: `/api/cases/${CASE}` })).json().version).toBe(after.version);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/cases/${CASE}/evidence/claims/${russia.id}/reject`,
          ...json({}),
        })
      ).statusCode,
    ).toBe(409);
  });

  it('rejects a claim without touching the case', async () => {
    const claims = (
      await h.app.inject({ url: `/api/cases/${CASE}/evidence/claims?status=suggested` })
    ).json();
    const ukraine = claims.items.find((c: { actor: string }) => c.actor === 'ukraine');
    const v = (await h.app.inject({ url: `/api/cases/${CASE}` })).json().version;
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/evidence/suggestions/${ukraine.id}/reject`,
      ...json({ note: 'misread' }),
    });
    expect(res.json().item.status).toBe('rejected');
    expect((await h.app.inject({ url: `/api/cases/${CASE}` })).json().version).toBe(v);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/cases/${CASE}/evidence/claims/nope/accept`,
          ...json({}),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('puts events and claims on a timeline, oldest first, filtered by date', async () => {
    const t = (await h.app.inject({ url: `/api/cases/${CASE}/timeline` })).json();
    const dates = t.items.map((i: { date: string }) => i.date);
    expect(dates).toEqual([...dates].sort());
    expect(t.items[0]).toMatchObject({ kind: 'event', type: 'meet', date: '2025-12-01' });
    const later = (await h.app.inject({ url: `/api/cases/${CASE}/timeline?from=2025-12-02` })).json();
    expect(later.items.every((i: { date: string }) => i.date >= '2025-12-02')).toBe(true);
    expect(later.items.length).toBe(t.items.length - 1);
  });

  it('ingests articles posted to the API as a job, with progress, into the same store', async () => {
    const before = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/documents` })).json().items.length;
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/cases/${CASE}/evidence/ingest`,
      ...json({
        articles: [
          {
            text: 'Kyiv said it would never accept a ban on joining NATO.',
            title: 'Kyiv answers',
            date: '2025-12-05',
          },
        ],
      }),
    });
    expect(res.statusCode).toBe(202);
    let job = res.json().job;
    for (let i = 0; i < 200 && !['succeeded', 'failed', 'cancelled'].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await h.app.inject({ url: `/api/jobs/${job.id}` })).json().job;
    }
    expect(job.status).toBe('succeeded');
    const after = (await h.app.inject({ url: `/api/cases/${CASE}/evidence/documents` })).json().items;
    expect(after.length).toBe(before + 1);
    expect(after.map((d: { title: string }) => d.title)).toContain('Kyiv answers');
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/cases/${CASE}/evidence/ingest`,
          ...json({ articles: [] }),
        })
      ).statusCode,
    ).toBe(400);
  });
});
