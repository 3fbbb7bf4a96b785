import { describe, expect, it } from 'vitest';
import { runGold } from '../../src/adapters/cli/eval-evidence.js';

// The project's own gold set (fixtures/evidence/gold, written for this project): the quality targets
// as a regression floor. `npm run eval:evidence` prints the full per-type table.
describe('evidence gold set', () => {
  const { items, sentences, strict: report } = runGold();
  it('has at least 150 sentences covering every event type and claim direction', () => {
    expect(sentences).toBeGreaterThanOrEqual(150);
    const types = new Set(items.flatMap((i) => i.events.map((e) => e.type)));
    expect([...types].sort()).toEqual([
      'accuse',
      'agree',
      'aid',
      'attack',
      'ceasefire',
      'coerce',
      'concede',
      'consult',
      'demand',
      'meet',
      'mobilize',
      'propose',
      'reject',
      'retreat',
      'sanction',
      'support',
      'threaten',
    ]);
    const directions = new Set(items.flatMap((i) => i.claims.map((c) => c.direction)));
    expect([...directions].sort()).toEqual(['accepts', 'demands', 'proposes', 'rejects']);
  });
  it('meets the targets: events F1 ≥ 0.80, claims precision ≥ 0.85 and recall ≥ 0.75', () => {
    expect(report.events.total.f1).toBeGreaterThanOrEqual(0.8);
    expect(report.claims.total.precision).toBeGreaterThanOrEqual(0.85);
    expect(report.claims.total.recall).toBeGreaterThanOrEqual(0.75);
  });
});
