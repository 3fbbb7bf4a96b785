import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli } from '../testing.js';

const fixture = fileURLToPath(
  new URL('../../../../fixtures/bargaining/cli-cases/three-actors.yaml', import.meta.url),
);

afterEach(() => {
  process.exitCode = undefined;
});

describe('redline sensitivity', () => {
  it('gives the compromise slopes c·s / W by position (0.25, 0.25, 0.5) and C’s 5-point move past B’s red line', async () => {
    const r = await runCli('sensitivity', fixture, '--samples', '32', '--threads', '1', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const rows = out.issues[0].rows as { label: string; slope: number }[];
    const slope = (label: string) => rows.find((x) => x.label === label)!.slope;
    expect(slope('a position on x')).toBeCloseTo(0.25, 12);
    expect(slope('c position on x')).toBeCloseTo(0.5, 12);
    // 57.5 + 0.5·Δ = 60 at Δ = 5: C from 80 to 85 takes the forecast past B's line (≤ 60).
    const b = out.crossings.find((c: { owner: string }) => c.owner === 'b');
    expect(b.smallest.actor).toBe('c');
    expect(b.smallest.to).toBeCloseTo(85, 1);
  });

  it('prints a table and refuses an unknown issue with a usage error naming the known ones', async () => {
    const ok = await runCli('sensitivity', fixture, '--samples', '0');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/c position on x/);
    expect(ok.out).toMatch(/Who must move/);
    const bad = await runCli('sensitivity', fixture, '--issue', 'ghost');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/known: x/);
  });
});
