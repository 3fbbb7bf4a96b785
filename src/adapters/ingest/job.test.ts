import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCase } from '../../index.js';
import { JobParamsError } from '../jobs/types.js';
import { openStore, type Job, type Store } from '../store/index.js';
import { ingestJob } from './job.js';

const YAML = `format: 1
id: job-case
title: Job case
actors:
  - { id: russia, name: Russia, kind: state }
  - { id: ukraine, name: Ukraine, kind: state }
issues:
  - { id: sanctions, name: Sanctions relief, keywords: [sanctions relief], scale: { kind: continuous, anchors: [] } }
`;

let store: Store;
afterAll(async () => store?.close());

describe('ingest job', () => {
  it('validates parameters, ingests in parts and sums the outcomes', async () => {
    store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'redline-ingest-job-')) });
    const parsed = parseCase(YAML);
    if (!parsed.ok) throw new Error('test case invalid');
    await store.cases.create('job-case', { title: 'Job case', yaml: YAML, case: parsed.case });
    await expect(ingestJob.prepare(store, 'job-case', { articles: [] })).rejects.toBeInstanceOf(
      JobParamsError,
    );
    const articles = Array.from({ length: 30 }, (_, i) => ({
      text: `Russia demanded sanctions relief in round ${i} of the talks with Ukraine, officials said on the record.`,
      date: '2025-08-16',
      origin: `a${i}`,
    }));
    const { params, parts } = await ingestJob.prepare(store, 'job-case', { articles });
    expect(parts).toBe(2);
    const job = { id: 'j1', caseId: 'job-case', kind: 'ingest', params } as unknown as Job;
    const ctx = { store, job, workerId: 'w', signal: new AbortController().signal };
    const results = [await ingestJob.runPart(ctx, 0), await ingestJob.runPart(ctx, 1)];
    const done = await ingestJob.finish(ctx, results);
    expect((done.result as { summary: { documents: number; new: number } }).summary).toMatchObject({
      documents: 30,
      new: 30,
    });
  });
});
