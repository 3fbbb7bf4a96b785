/** `redline scenarios CASE [PROPOSAL]`: red-line check and zone of agreement for every scenario side by side. */
import type { Command } from 'commander';
import type { Case } from '../../../case/index.js';
import { compareScenarios, type ScenarioRedLines } from '../../../engines/redlines/index.js';
import { loadForAnalysis } from '../case-input.js';
import { color, print, printJson, table, withKnownIds } from '../output.js';

export function register(program: Command): void {
  program
    .command('scenarios')
    .description(
      'compare the baseline with every scenario: who would veto a proposal, is there a zone of agreement',
    )
    .argument('<case>', 'case file')
    .argument('[proposal]', 'proposal id to check under each scenario')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, proposal: string | undefined, opts: { asOf?: string; json?: boolean }) => {
      const input = await loadForAnalysis(file, opts);
      const rows = withKnownIds(() => compareScenarios(input.case, { proposal, asOf: input.asOf }));
      if (opts.json) printJson(rows);
      else render(rows, input.case, proposal);
    });
}

function render(rows: ScenarioRedLines[], c: Case, proposal: string | undefined): void {
  const actor = (id: string) => c.actors.find((a) => a.id === id)?.name ?? id;
  const head = [
    'scenario',
    'veto players',
    ...(proposal ? [`${proposal}: vetoed by`] : []),
    'zone of agreement',
    'relaxation cost',
  ];
  print(
    table(
      head,
      rows.map((r) => [
        r.scenario === null ? color.bold(r.name) : r.name,
        r.vetoPlayers.map(actor).join(', ') || '–',
        ...(r.proposal ? [r.proposal.vetoedBy.map(actor).join(', ') || color.green('nobody')] : []),
        r.zone.feasible ? color.green('exists') : color.red(`empty on ${r.zone.emptyIssues.length} issue(s)`),
        r.zone.relaxationCost.toFixed(2),
      ]),
    ),
  );
}
