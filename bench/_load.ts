// usage: tsx bench/_load.ts BASE route seconds
import { createRequire } from 'node:module';
const autocannon = createRequire(import.meta.url)('autocannon');
const [base, route, secs] = process.argv.slice(2);
const day0 = Date.UTC(2024, 6, 1);
let n = 0;
const path = route === 'check' ? '/api/cases/ukraine-2025/check?proposal=us-28-point-plan' : '/api/cases/ukraine-2025/diff?from=alaska-understandings&to=us-28-point-plan';
const res = await autocannon({ url: base + path, connections: 50, duration: Number(secs),
  requests: [{ method: 'GET', setupRequest: (req: { path: string }) => ({ ...req, path: `${path}&asOf=${new Date(day0 + 86_400_000 * (n++ % 2000)).toISOString().slice(0, 10)}` }) }] });
console.log(route, res.requests.average, 'req/s p50', res.latency.p50, 'p99', res.latency.p99, 'errors', res.errors, 'non2xx', res.non2xx);
