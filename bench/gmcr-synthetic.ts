/**
 * Seeded synthetic GMCR conflicts for benchmarks, shaped like the reference package's series A and C:
 * 3 (or more) decision makers, 5 random prioritized statements plus one `q if p` statement each; optionally
 * each decision maker's options pairwise exclusive.
 */
import { createRandom, type GmcrConflictSpec, type GmcrCondition, type GmcrTerm } from '../src/index.js';

export function syntheticConflict(optionsPerDm: number[], seed: number, exclusive = false): GmcrConflictSpec {
  const rnd = createRandom(seed);
  const m = optionsPerDm.reduce((a, b) => a + b, 0);
  const options = Array.from({ length: m }, (_, k) => ({
    id: `o${k}`,
    name: `option ${k}`,
    direction: 'both' as const,
  }));
  let next = 0;
  const lit = (option: number, taken: boolean) => ({ option, taken });
  const randomTerm = (): GmcrTerm => {
    const size = 1 + rnd.int(3);
    const picked = new Set<number>();
    while (picked.size < Math.min(size, m)) picked.add(rnd.int(m));
    return [...picked].map((o) => lit(o, rnd.next() < 0.5));
  };
  const decisionMakers = optionsPerDm.map((k, i) => {
    const own = Array.from({ length: k }, () => next++);
    const statements: GmcrCondition[] = Array.from({ length: 5 }, () => [randomTerm()]);
    const p = rnd.int(m);
    let q = rnd.int(m);
    if (q === p) q = (q + 1) % m;
    statements.push([
      [lit(p, true), lit(q, true)],
      [lit(p, false), lit(q, true)],
      [lit(p, false), lit(q, false)],
    ]);
    return {
      id: `dm${i}`,
      name: `DM ${i + 1}`,
      options: own,
      preferences: { kind: 'statements' as const, statements },
    };
  });
  const infeasible: GmcrCondition[] = [];
  if (exclusive)
    for (const dm of decisionMakers)
      for (let a = 0; a < dm.options.length; a++)
        for (let b = a + 1; b < dm.options.length; b++)
          infeasible.push([[lit(dm.options[a]!, true), lit(dm.options[b]!, true)]]);
  return { options, decisionMakers, infeasible };
}
