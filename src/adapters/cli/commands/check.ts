/** `redline check CASE PROPOSAL`: which points cross whose red lines, and who could accept the plan. */
import type { Command } from 'commander';
import { checkProposal, type CellStatus, type CheckResult } from '../../../engines/redlines/index.js';
import { loadForAnalysis } from '../case-input.js';
import { EXIT } from '../exit-codes.js';
import { color, print, printJson, signed, table, withKnownIds } from '../output.js';

const MARK: Record<CellStatus, string> = { inside: '✓', crosses: '✗', 'no-red-line': '○', silent: '·' };
const paint = (s: CellStatus) =>
  s === 'crosses' ? color.red(MARK[s]) : s === 'inside' ? color.green(MARK[s]) : color.dim(MARK[s]);

export function register(program: Command): void {
  program
    .command('check')
    .description('check a proposal against every actor’s red lines as of a date')
    .argument('<case>', 'case file')
    .argument('<proposal>', 'proposal id')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD); default: the case’s asOf or its latest date')
    .option('--scenario <id>', 'apply a scenario overlay first')
    .option('--fail-on-veto', 'exit with code 1 when a veto player would veto')
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string,
        proposalId: string,
        opts: { asOf?: string; scenario?: string; json?: boolean; failOnVeto?: boolean },
      ) => {
        const input = await loadForAnalysis(file, opts);
        const result = withKnownIds(() => checkProposal(input.case, proposalId, { asOf: input.asOf }));
        if (opts.json) printJson({ scenario: input.scenario ?? null, ...result });
        else render(result, input.case.actors);
        if (opts.failOnVeto && !result.passes) process.exitCode = EXIT.invalid;
      },
    );
}

function render(r: CheckResult, actors: { id: string; name: string }[]): void {
  const name = (id: string) => actors.find((a) => a.id === id)?.name ?? id;
  print(
    color.bold(
      `${r.proposal.title} (${r.proposal.kind}, ${r.proposal.date}) — red-line check as of ${r.asOf}`,
    ),
  );
  print(color.dim(`✓ inside the red line   ✗ crosses it   ○ no red line recorded   · silent for this actor`));
  const rows = r.points.map((p) => [
    String(p.number),
    p.summary.length > 60 ? `${p.summary.slice(0, 57)}...` : p.summary,
    ...r.actors.map((a) =>
      paint(r.cells.find((c) => c.point === p.number && c.actor === a)?.status ?? 'silent'),
    ),
  ]);
  print(table(['#', 'point', ...r.actors.map(name)], rows));
  print();
  print(
    table(
      ['actor', 'veto', 'verdict', 'utility vs status quo', 'crosses at points'],
      r.verdicts.map((v) => [
        v.name,
        v.veto ? 'yes' : 'no',
        v.verdict === 'would-veto'
          ? color.red(v.verdict)
          : v.verdict === 'accepts'
            ? color.green(v.verdict)
            : v.verdict,
        signed(v.utility),
        [...new Set(v.crossings.map((x) => x.point))].join(', ') || '–',
      ]),
    ),
  );
  for (const v of r.verdicts.filter((x) => x.crossings.length > 0 || x.gainsOnStatusQuo === false)) {
    print(color.bold(`\n${v.name}:`));
    for (const reason of v.reasons) print(`  - ${reason}`);
  }
  print();
  print(
    r.passes
      ? color.green(
          `No veto player's red line is crossed. Accepted by: ${r.acceptedBy.map(name).join(', ') || 'nobody'}.`,
        )
      : color.red(`Would be vetoed by: ${r.vetoedBy.map(name).join(', ')}.`) +
          (r.acceptedBy.length ? ` Accepted by: ${r.acceptedBy.map(name).join(', ')}.` : ''),
  );
  for (const w of r.warnings) print(color.yellow(`warning: ${w}`));
}
