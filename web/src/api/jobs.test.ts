import { describe, expect, it } from 'vitest';
import type { Job } from './types.js';
import { fromJob } from './jobs.js';

const job = (over: Partial<Job>): Job => ({
  id: 'j',
  caseId: 'c',
  kind: 'montecarlo',
  params: {},
  status: 'running',
  progress: 0.25,
  message: null,
  result: null,
  error: null,
  attempts: 1,
  maxAttempts: 3,
  parts: 4,
  partsDone: 1,
  cancelRequested: false,
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});

describe('job progress from the job record', () => {
  it('takes the state and the fraction as the server sends them', () => {
    expect(fromJob(job({}))).toMatchObject({ state: 'running', fraction: 0.25, done: 1, total: 4 });
  });
  it('offers the result only once the job succeeded, and fills the bar', () => {
    expect(fromJob(job({ status: 'running', result: { x: 1 } })).result).toBeUndefined();
    expect(fromJob(job({ status: 'succeeded', progress: 0.9, result: { x: 1 } }))).toMatchObject({
      fraction: 1,
      result: { x: 1 },
    });
  });
  it('carries the error text of a failed job', () => {
    expect(fromJob(job({ status: 'failed', error: 'boom' }))).toMatchObject({
      state: 'failed',
      error: 'boom',
    });
  });
});
