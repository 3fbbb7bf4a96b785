import { readFileSync } from 'node:fs';
import { parseCase, checkProposal, diffProposals } from '../src/index.js';
import { toJson } from '../src/adapters/server/zod-compiler.js';
const r = parseCase(readFileSync('examples/ukraine-2025/case.yaml', 'utf8'));
if (!r.ok) throw new Error('bad');
const c = r.case;
const [p0, p1] = c.proposals.map((p) => p.id);
const dates: string[] = [];
for (let d = Date.UTC(2025, 0, 1); dates.length < 4000; d += 86400000 / 8) dates.push(new Date(d).toISOString().slice(0, 10));
function time(label: string, f: (i: number) => unknown, n = 2000) {
  for (let i = 0; i < 300; i++) f(i);
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) f(i);
  const u = process.cpuUsage(t);
  console.log(label, ((u.user + u.system) / n / 1000).toFixed(3), 'ms cpu/op');
}
time('check engine', (i) => checkProposal(c, p1!, { asOf: dates[i % dates.length] }));
const res = checkProposal(c, p1!, {});
time('check toJson', () => toJson(res));
time('check JSON.stringify', () => JSON.stringify(res));
time('diff engine', (i) => diffProposals(c, p0!, p1!, { asOf: dates[i % dates.length] }), 500);
const dres = diffProposals(c, p0!, p1!, {});
time('diff toJson', () => toJson(dres));
console.log('check bytes', toJson(res).length, 'diff bytes', toJson(dres).length);
