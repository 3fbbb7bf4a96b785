/**
 * Red-line analyses side by side across scenarios: for the baseline and each named overlay, who would veto
 * a proposal, and whether a zone of agreement exists (with the cost of the smallest relaxation if not).
 */
import { applyScenario, defaultAsOf, type Case } from '../../case/index.js';
import { checkProposal } from './check.js';
import { zoneOfAgreement } from './zone.js';

export interface ScenarioRedLines {
  /** null for the baseline. */
  scenario: string | null;
  name: string;
  vetoPlayers: string[];
  proposal?: {
    id: string;
    passes: boolean;
    vetoedBy: string[];
    objectedBy: string[];
    utilities: Record<string, number | null>;
  };
  zone: { feasible: boolean; relaxationCost: number; emptyIssues: string[]; allAccept: boolean };
}

export function compareScenarios(
  c: Case,
  options: { proposal?: string; asOf?: string } = {},
): ScenarioRedLines[] {
  const asOf = options.asOf ?? defaultAsOf(c);
  const variants: [string | null, string, Case][] = [
    [null, 'baseline', c],
    ...c.scenarios.map((s): [string, string, Case] => [s.id, s.name, applyScenario(c, s.id)]),
  ];
  return variants.map(([id, name, variant]) => {
    const zone = zoneOfAgreement(variant, { asOf });
    const check = options.proposal ? checkProposal(variant, options.proposal, { asOf }) : undefined;
    return {
      scenario: id,
      name,
      vetoPlayers: zone.vetoPlayers,
      ...(check
        ? {
            proposal: {
              id: check.proposal.id,
              passes: check.passes,
              vetoedBy: check.vetoedBy,
              objectedBy: check.objectedBy,
              utilities: Object.fromEntries(check.verdicts.map((v) => [v.actor, v.utility])),
            },
          }
        : {}),
      zone: {
        feasible: zone.feasible,
        relaxationCost: zone.relaxation.totalCost,
        emptyIssues: zone.issues.filter((z) => z.zone === null).map((z) => z.issue),
        allAccept: zone.allAccept,
      },
    };
  });
}
