import { describe, expect, it } from 'vitest';
import { fromJob, toState } from './jobs.js';

describe('job progress', () => {
  it('maps the queue libraries’ state names onto five states', () => {
    expect(['completed', 'succeeded', 'done'].map(toState)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(['failed', 'error'].map(toState)).toEqual(['failed', 'failed']);
    expect(['active', 'running'].map(toState)).toEqual(['running', 'running']);
    expect(toState('created')).toBe('queued');
  });
  it('reads progress as a fraction, a percentage or done/total', () => {
    expect(fromJob({ id: 'j', kind: 'k', state: 'running', progress: 0.25 }).fraction).toBe(0.25);
    expect(fromJob({ id: 'j', kind: 'k', state: 'running', progress: 40 }).fraction).toBe(0.4);
    expect(fromJob({ state: 'running', progress: { done: 30, total: 120 } }).fraction).toBe(0.25);
  });
  it('keeps earlier fields when an event omits them and completes the bar on success', () => {
    const first = fromJob({ state: 'running', done: 5, total: 10 });
    const last = fromJob({ state: 'succeeded' }, first);
    expect(last).toMatchObject({ state: 'succeeded', fraction: 1, done: 5, total: 10 });
  });
});
