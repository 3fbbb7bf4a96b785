// `redline stability` end to end, in-process: table and JSON for .gmcr and case files, options, bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

const fx = (p: string) => fileURLToPath(new URL(`../../../../fixtures/gmcr/${p}`, import.meta.url));
const json = async (...args: string[]) => {
  const r = await runCli('stability', ...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

describe('redline stability', () => {
  it('prints the GMCR table of Cuban.gmcr with the reference equilibria (SEQ+SIM = {6}; gmcr-py compat {5,6,7})', async () => {
    const r = await runCli('stability', fx('textbook/Cuban.gmcr'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('US: Air Strike');
    expect(r.out).toMatch(/SEQ\+SIM\s*│ 6 YNYN\s*│ 1/);
    const std = await json(fx('textbook/Cuban.gmcr'));
    expect(std.equilibria).toMatchObject({
      Nash: [6],
      GMR: [1, 2, 3, 5, 6, 7, 8],
      SEQ: [5, 6, 7],
      SIM: [6],
      'SEQ+SIM': [6],
    });
    expect(std.stability.SEQ.USSR.slice(0, 4)).toEqual([true, false, false, false]);
    const py = await json(fx('textbook/Cuban.gmcr'), '--compat', 'gmcr-py');
    expect(py.equilibria['SEQ+SIM']).toEqual([5, 6, 7]);
  });

  it('analyses the conflict of a case file under the case’s actor ids, with the status quo it states', async () => {
    const out = await json(fx('cases/prisoners.yaml'), '--status-quo', '--concepts', 'Nash,GMR');
    expect(out.decisionMakers.map((d: { id: string }) => d.id)).toEqual(['one', 'two']);
    expect(out.equilibria).toEqual({ Nash: [1], GMR: [1, 4] });
    expect(out.statusQuo.from).toBe(4);
    const one = out.statusQuo.reached.find((x: { state: number }) => x.state === 1);
    expect(one.improvementSteps).toBe(2);
  });

  it('runs coalitions and inverse GMCR from the command line (Elmira, Syria–Iraq)', async () => {
    const el = await json(fx('textbook/Elmira.gmcr'), '--coalitions', '[1,2],3');
    expect(el.coalitions.lost.Nash).toEqual([7]);
    // 7 is blocked by the group MoE + Uniroyal (7 → 10); 5, 6, 10, 11, 12 resist every group.
    expect(el.coalitions.coalitionNash).toEqual(expect.arrayContaining([5, 6, 10, 11, 12]));
    expect(el.coalitions.coalitionNash).not.toContain(7);
    const si = await json(fx('textbook/SyriaIraq.gmcr'), '--inverse', '2', '--vary', 'syria=1-6');
    expect(si.inverse.counts.Nash).toBe(240);
  });

  it('uses coalitions stated in the case (compared with everyone alone) unless --coalitions none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-gmcr-'));
    const file = join(dir, 'grand.yaml');
    writeFileSync(
      file,
      readFileSync(fx('cases/prisoners.yaml'), 'utf8').replace(
        '    statusQuo:',
        '    coalitions: [[one, two]]\n    statusQuo:',
      ),
    );
    const grand = await json(file, '--concepts', 'Nash');
    expect(grand.players).toEqual([{ name: 'Prisoner One + Prisoner Two', members: ['one', 'two'] }]);
    // Acting as one, the prisoners leave mutual defection (1: payoffs 2, 2) for mutual cooperation (4: 3, 3);
    // the Pareto-optimal states 2 (1, 4), 3 (4, 1) and 4 have no move that betters both.
    expect(grand.equilibria.Nash).toEqual([2, 3, 4]);
    expect(grand.coalitions.lost.Nash).toEqual([1]);
    const alone = await json(file, '--concepts', 'Nash', '--coalitions', 'none');
    expect(alone.players).toHaveLength(2);
    expect(alone.equilibria.Nash).toEqual([1]);
  });

  it('writes the conflict as a .gmcr file that reads back to the same equilibria', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-gmcr-'));
    const out = join(dir, 'prisoners.gmcr');
    const first = await json(fx('cases/prisoners.yaml'), '--save-gmcr', out);
    expect(JSON.parse(readFileSync(out, 'utf8')).program).toBe('gmcr-py');
    expect((await json(out)).equilibria).toEqual(first.equilibria);
  });

  it('rejects bad input with located messages and the documented exit codes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-gmcr-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(fx('cases/prisoners.yaml'), 'utf8').replace(
        '- NOT one-cooperates',
        '- NOT one-cooperatez',
      ),
    );
    const r = await runCli('stability', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /bad\.yaml:\d+:\d+: error \[bad_statement\] conflicts\[0\]\.decisionMakers\[0\]\.preferences\.statements\[1\]: unknown option "one-cooperatez"/,
    );

    const infeasibleSq = join(dir, 'sq.yaml');
    writeFileSync(
      infeasibleSq,
      readFileSync(fx('cases/prisoners.yaml'), 'utf8').replace(
        '    statusQuo:',
        '    infeasible: ["one-cooperates AND two-cooperates"]\n    statusQuo:',
      ),
    );
    const s = await runCli('stability', infeasibleSq, '--status-quo');
    expect(s.code).toBe(1);
    expect(s.err).toContain('the status quo YY is infeasible');

    expect((await runCli('stability', fx('textbook/Cuban.gmcr'), '--concepts', 'Nash,XYZ')).code).toBe(2);
    expect((await runCli('stability', fx('textbook/Cuban.gmcr'), '--status-quo', '99')).code).toBe(2);
    expect((await runCli('stability', join(dir, 'missing.gmcr'))).code).toBe(3);
    // 27 options, no conditions: 2^27 states would need far more than the 1 GiB budget — refused at once.
    const huge = join(dir, 'huge.gmcr');
    const opts = Array.from({ length: 27 }, (_, k) => ({ name: `o${k}`, permittedDirection: 'both' }));
    const dm = (i: number) => ({
      name: `D${i}`,
      options: Array.from({ length: 9 }, (_, k) => i * 9 + k),
      preferences: [],
    });
    writeFileSync(
      huge,
      JSON.stringify({ options: opts, decisionMakers: [dm(0), dm(1), dm(2)], infeasibles: [] }),
    );
    const h = await runCli('stability', huge);
    expect(h.code).toBe(1);
    expect(h.err).toMatch(
      /134,217,728 feasible states \(27 options\); analysing it would need about [\d.]+ GB/,
    );

    const broken = join(dir, 'broken.gmcr');
    writeFileSync(
      broken,
      '{"options": [], "decisionMakers": [{"name": "A", "options": [3], "preferences": []}]}',
    );
    const b = await runCli('stability', broken);
    expect(b.code).toBe(1);
    expect(b.err).toContain('decisionMakers[0].options[0]: option 3 does not exist');
  });
});
