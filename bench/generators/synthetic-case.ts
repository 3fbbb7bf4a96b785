/**
 * Generates large synthetic cases for benchmarks: n actors, m issues (half options scales), a stance for
 * every actor on every issue with a red line around its position, and proposals of many points. Seeded.
 */
import { createRandom } from '../../src/kit/random.js';
import type { CaseInput } from '../../src/case/schema.js';

export interface SyntheticCaseSize {
  actors: number;
  issues: number;
  proposals: number;
  pointsPerProposal: number;
  seed?: number;
}

export function syntheticCase(size: SyntheticCaseSize): CaseInput {
  const rng = createRandom(size.seed ?? 1);
  const OPTIONS = [0, 20, 40, 60, 80, 100];
  const actors = Array.from({ length: size.actors }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i}`,
    kind: 'state' as const,
    capability: Math.round(rng.next() * 100) / 10,
    veto: rng.next() < 0.2,
    aliases: [`A${i}`],
  }));
  const issues = Array.from({ length: size.issues }, (_, k) => ({
    id: `issue-${k}`,
    name: `Issue ${k}`,
    scale:
      k % 2 === 0
        ? {
            kind: 'continuous' as const,
            anchors: [
              { value: 0, label: 'low' },
              { value: 100, label: 'high' },
            ],
          }
        : {
            kind: 'options' as const,
            options: OPTIONS.map((v) => ({ id: `o${v}`, label: `Option ${v}`, value: v })),
          },
    statusQuo: { position: k % 2 === 0 ? 50 : 'o40', date: '2025-01-01' },
  }));
  const pos = (k: number) =>
    k % 2 === 0 ? Math.round(rng.next() * 100) : `o${OPTIONS[rng.int(OPTIONS.length)]}`;
  const stances = actors.flatMap((a) =>
    issues.map((issue, k) => {
      const p = pos(k);
      const v = typeof p === 'number' ? p : Number(p.slice(1));
      return {
        actor: a.id,
        issue: issue.id,
        date: '2025-01-01',
        position: p,
        salience: Math.round(rng.next() * 100),
        redLine: { min: Math.max(0, v - 30), max: Math.min(100, v + 30) },
      };
    }),
  );
  const proposals = Array.from({ length: size.proposals }, (_, j) => ({
    id: `proposal-${j}`,
    title: `Proposal ${j}`,
    kind: 'plan' as const,
    date: '2025-02-01',
    authors: [actors[j % actors.length]!.id],
    points: Array.from({ length: size.pointsPerProposal }, (_, n) => ({
      number: n + 1,
      summary: `Point ${n + 1} of proposal ${j}`,
      settles: [{ issue: issues[n % issues.length]!.id, position: pos(n % issues.length) }],
    })),
  }));
  return { format: 1, id: 'synthetic', title: 'Synthetic case', actors, issues, stances, proposals };
}
