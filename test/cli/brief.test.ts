/**
 * `redline brief`: the executive summary's veto verdicts follow from the case's own red lines, every case
 * string is escaped, and --pdf prints a real PDF with Chromium (skipped where there is none).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/adapters/cli/testing.js';
import { chromiumPath, describeIf, NEEDS } from '../support/requirements.js';

const UKRAINE = 'examples/ukraine-2025/case.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'redline-brief-'));

interface RawStance {
  actor: string;
  issue: string;
  date: string;
  position: string | number;
  redLine?: { options?: string[]; min?: number; max?: number };
}
interface RawCase {
  asOf: string;
  stances: RawStance[];
  proposals: {
    id: string;
    points: { number: number; settles?: { issue: string; position: string | number }[] }[];
  }[];
}

/**
 * The points of a proposal that cross an actor's red line, read straight from the YAML: the actor's latest
 * stance on the issue dated on or before the case's asOf, and its red line as written (option ids, or a
 * numeric min/max against a numeric position). Cases the YAML alone cannot decide are left out.
 */
function crossingPoints(raw: RawCase, proposalId: string, actor: string): number[] {
  const latest = (issue: string) =>
    raw.stances
      .filter((s) => s.actor === actor && s.issue === issue && String(s.date) <= raw.asOf)
      .sort((a, b) => (String(a.date) < String(b.date) ? -1 : String(a.date) > String(b.date) ? 1 : 0))
      .at(-1);
  const out = new Set<number>();
  for (const p of raw.proposals.find((x) => x.id === proposalId)!.points)
    for (const s of p.settles ?? []) {
      const line = latest(s.issue)?.redLine;
      if (!line) continue;
      if (line.options && typeof s.position === 'string' && !line.options.includes(s.position))
        out.add(p.number);
      if (
        !line.options &&
        typeof s.position === 'number' &&
        (s.position < (line.min ?? 0) || s.position > (line.max ?? 100))
      )
        out.add(p.number);
    }
  return [...out].sort((a, b) => a - b);
}

describe('redline brief', () => {
  it('names Ukraine as a would-veto player of the 28-point plan, at the points its red lines rule out', async () => {
    const raw = parse(readFileSync(UKRAINE, 'utf8')) as RawCase;
    const expected = crossingPoints(raw, 'us-28-point-plan', 'ukraine');
    // The case's README names these; the derivation above must agree before the output is judged by it.
    expect(expected).toEqual(expect.arrayContaining([6, 7, 21]));
    const out = join(tmp, 'ukraine.html');
    const r = await runCli('brief', UKRAINE, '-o', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const summary = html.slice(html.indexOf('Executive summary'), html.indexOf('<h2>Actors'));
    expect(summary.length).toBeGreaterThan(0);
    const plan = summary.slice(summary.indexOf('(us-28-point-plan'));
    const block = plan.slice(0, plan.indexOf('</ul>'));
    expect(block).toMatch(/would be vetoed by [^<]*Ukraine/);
    const ukraine = /<li><b>Ukraine<\/b> \(would-veto, veto player\): ([^<]*)<\/li>/.exec(block);
    expect(ukraine).not.toBeNull();
    const named = [...ukraine![1]!.matchAll(/point (\d+):/g)].map((m) => Number(m[1]));
    expect([...new Set(named)].sort((a, b) => a - b)).toEqual(expected);
    // The other summary parts are there too.
    expect(summary).toContain('Zone of agreement');
    expect(summary).toContain('Forecast range across models');
    expect(summary).toContain('Stable outcomes (GMCR)');
  });

  it('escapes a hostile actor name and point summary, and carries a CSP that loads nothing', async () => {
    const text = readFileSync('fixtures/cases/two-issue-veto.yaml', 'utf8')
      .replace('name: Alpha', 'name: "<script>alert(1)</script> & \\"Co\\""')
      .replace('summary: Prisoner exchange }', 'summary: "<img src=x onerror=alert(2)>" }');
    const file = join(tmp, 'hostile.yaml');
    writeFileSync(file, text);
    const r = await runCli('brief', file);
    expect(r.code).toBe(0);
    const html = r.out;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    // Alpha (the hostile name) crosses nothing in plan one: Land 70 ≥ 60 and Bloc ban is its own red line.
    expect(html).toMatch(/would be vetoed by Beta/);
  });

  it('--pdf without Chromium is a clear usage error', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(tmp, 'no-such-chromium');
    try {
      const r = await runCli('brief', 'fixtures/cases/two-issue-veto.yaml', '--pdf', join(tmp, 'x.pdf'));
      expect(r.code).toBe(2);
      expect(r.out + r.err).toMatch(/CHROMIUM_PATH=.*does not exist/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

describeIf(!!chromiumPath(), NEEDS.chromium)('redline brief --pdf', () => {
  it('prints a PDF with at least one page', async () => {
    const pdf = join(tmp, 'ukraine.pdf');
    const r = await runCli('brief', UKRAINE, '--pdf', pdf);
    expect(r.code).toBe(0);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A page object in the PDF's own syntax: "/Type /Page" not followed by "s" (that is the page tree).
    expect(bytes.toString('latin1')).toMatch(/\/Type\s*\/Page(?!s)/);
  }, 60_000);
});
