import { describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { EmbeddedRunner } from './embedded.js';

describe('EmbeddedRunner', () => {
  it('survives a store that cannot be read while claiming, and tries again on the next poll', async () => {
    let claims = 0;
    const store = {
      jobs: {
        requeueInterrupted: async () => 0,
        claimNext: async () => {
          claims++;
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        },
      },
    } as unknown as Store;
    const seen: unknown[] = [];
    const runner = new EmbeddedRunner(store, {} as never, 'w1', 20);
    runner.onStoreError = (e) => seen.push(e);
    await runner.start();
    await new Promise((r) => setTimeout(r, 120));
    await runner.stop();
    // No unhandled rejection ended the test process; the runner kept polling and reported each failure.
    expect(claims).toBeGreaterThan(1);
    expect(seen.length).toBe(claims);
  });
});
