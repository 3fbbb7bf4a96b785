/**
 * The bundled example validates and its analyses say what the reporting says in prose (expected results
 * argued from the seed articles and the reference timeline in examples/ukraine-2025/README.md, not taken
 * from the program's output).
 */
import { describe, expect, it } from 'vitest';
import {
  checkProposal,
  compareScenarios,
  diffProposals,
  zoneOfAgreement,
  applyScenario,
} from '../../src/index.js';
import { readCaseFile } from '../../src/adapters/files/load-case.js';

const loaded = await readCaseFile('examples/ukraine-2025/case.yaml');
if (!loaded.ok)
  throw new Error(`example case does not validate: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
const c = loaded.case;

describe('examples/ukraine-2025', () => {
  it('validates with no errors and no warnings, with at least the required content', () => {
    expect(loaded.warnings).toEqual([]);
    expect(c.actors.map((a) => a.id)).toEqual(
      expect.arrayContaining(['us', 'russia', 'ukraine', 'eu', 'nato']),
    );
    expect(c.issues.length).toBeGreaterThanOrEqual(8);
    expect(c.events.length).toBeGreaterThanOrEqual(6);
    const plan = c.proposals.find((p) => p.id === 'us-28-point-plan')!;
    expect(plan.points.map((p) => p.number)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(c.proposals.find((p) => p.id === 'alaska-understandings')!.kind).toBe('framework');
  });

  it('the 28-point plan crosses Kyiv’s red lines on army size (6), NATO (7) and territory (21)', () => {
    for (const asOf of [undefined, '2025-11-20']) {
      const r = checkProposal(c, 'us-28-point-plan', { asOf });
      expect(r.vetoedBy).toEqual(['ukraine']);
      const ua = r.verdicts.find((v) => v.actor === 'ukraine')!;
      expect([...new Set(ua.crossings.map((x) => x.point))].sort((a, b) => a - b)).toEqual([6, 7, 21]);
      expect(r.verdicts.find((v) => v.actor === 'russia')!.verdict).toBe('accepts');
      expect(r.verdicts.find((v) => v.actor === 'us')!.verdict).toBe('accepts');
    }
  });

  it('the revised framework is the one Moscow would veto, over Donbas', () => {
    const r = checkProposal(c, 'revised-framework');
    expect(r.vetoedBy).toEqual(['russia']);
    const ru = r.verdicts.find((v) => v.actor === 'russia')!;
    expect(ru.crossings.map((x) => x.issue)).toEqual(['donbas']);
  });

  it('from the Alaska framework to the plan: NATO moves Moscow’s way, Donbas and sanctions move against it', () => {
    const d = diffProposals(c, 'alaska-understandings', 'us-28-point-plan');
    const issue = (id: string) => d.issues.find((x) => x.issue === id)!;
    const gainOf = (id: string, actor: string) => issue(id).favours.find((f) => f.actor === actor)?.gain ?? 0;
    expect(gainOf('nato', 'russia')).toBeGreaterThan(0);
    expect(gainOf('donbas', 'russia')).toBeLessThan(0);
    expect(gainOf('sanctions', 'russia')).toBeLessThan(0);
    expect(issue('crimea').change).toBe('unchanged');
    expect(d.points.dropped).toEqual([]);
  });

  it('has no zone of agreement among the veto players on NATO, Crimea and Donbas', () => {
    const z = zoneOfAgreement(c);
    expect(z.feasible).toBe(false);
    expect(
      z.issues
        .filter((x) => x.zone === null)
        .map((x) => x.issue)
        .sort(),
    ).toEqual(['crimea', 'donbas', 'nato']);
    expect(z.allAccept).toBe(false);
  });

  it('with Europe at the table the EU joins Ukraine in vetoing the plan', () => {
    const r = checkProposal(applyScenario(c, 'europe-at-the-table'), 'us-28-point-plan');
    expect(r.vetoedBy.sort()).toEqual(['eu', 'ukraine']);
    expect(compareScenarios(c, { proposal: 'us-28-point-plan' }).length).toBe(1 + c.scenarios.length);
  });
});
