/**
 * Benchmark of the foundation (issue 2): load + validate + check + diff on a large synthetic case
 * (200 actors, 100 issues, 50 proposals of 100 points). Target: under 1 s and under 500 MB.
 * Run: npx tsx bench/redlines.ts
 */
import { stringify } from 'yaml';
import { checkProposal, diffProposals, parseCase, zoneOfAgreement } from '../src/index.js';
import { syntheticCase } from './generators/synthetic-case.js';

const size = { actors: 200, issues: 100, proposals: 50, pointsPerProposal: 100 };
const input = syntheticCase(size);
const yamlText = stringify(input);
const jsonText = JSON.stringify(input);

function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  console.log(`${label.padEnd(44)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
  return out;
}

console.log(
  `case: ${size.actors} actors, ${size.issues} issues, ${input.stances?.length} stances, ${size.proposals} proposals × ${size.pointsPerProposal} points`,
);
console.log(`YAML ${(yamlText.length / 1e6).toFixed(1)} MB, JSON ${(jsonText.length / 1e6).toFixed(1)} MB`);
const t0 = performance.now();
const parsed = time('parse + validate (YAML)', () => parseCase(yamlText));
if (!parsed.ok) throw new Error('synthetic case did not validate');
const c = parsed.case;
time('check one proposal', () => checkProposal(c, 'proposal-0'));
time('diff two proposals', () => diffProposals(c, 'proposal-0', 'proposal-1'));
const total = performance.now() - t0;
time('parse + validate (JSON)', () => parseCase(jsonText));
time('check all 50 proposals', () => c.proposals.forEach((p) => checkProposal(c, p.id)));
time('diff 49 consecutive pairs', () =>
  c.proposals.slice(1).forEach((p, i) => diffProposals(c, c.proposals[i]!.id, p.id)),
);
time('zone of agreement', () => zoneOfAgreement(c));
console.log(
  `\nload + validate + check + diff (YAML): ${total.toFixed(0)} ms (target < 1000 ms) → ${(1000 / total).toFixed(2)}× under target`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target < 500 MB)`);
