/** `redline zopa CASE`: the zone of agreement among veto players, or the smallest relaxation that opens one. */
import type { Command } from 'commander';
import { describeAcceptable, describeValue, type Case } from '../../../case/index.js';
import { zoneOfAgreement, type ZoneResult } from '../../../engines/redlines/index.js';
import { loadForAnalysis } from '../case-input.js';
import { color, print, printJson, signed, table } from '../output.js';

export function register(program: Command): void {
  program
    .command('zopa')
    .description(
      'find the zone of agreement among veto players; if empty, the smallest relaxation that opens one',
    )
    .argument('<case>', 'case file')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD)')
    .option('--scenario <id>', 'apply a scenario overlay first')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { asOf?: string; scenario?: string; json?: boolean }) => {
      const input = await loadForAnalysis(file, opts);
      const result = zoneOfAgreement(input.case, { asOf: input.asOf });
      if (opts.json) printJson({ scenario: input.scenario ?? null, ...result });
      else render(result, input.case);
    });
}

function render(r: ZoneResult, c: Case): void {
  const issue = (id: string) => c.issues.find((i) => i.id === id)!;
  const actor = (id: string) => c.actors.find((a) => a.id === id)?.name ?? id;
  print(
    color.bold(
      `Zone of agreement as of ${r.asOf} among veto players: ${r.vetoPlayers.map(actor).join(', ') || 'none'}`,
    ),
  );
  print(
    table(
      ['issue', 'zone', 'package', 'who must move (how far)'],
      r.issues.map((z) => [
        issue(z.issue).name,
        z.zone ? color.green(describeAcceptable(issue(z.issue), z.zone)) : color.red('empty'),
        z.suggested === null ? '–' : describeValue(issue(z.issue), z.suggested),
        z.relaxation
          ? z.relaxation.moves.map((m) => `${actor(m.actor)} ${m.direction} ${round(m.widenBy)}`).join(', ')
          : '–',
      ]),
    ),
  );
  print(
    r.feasible
      ? color.green('Every issue has a non-empty zone: a package inside all veto players’ red lines exists.')
      : color.red(
          `No package satisfies every veto player. Smallest relaxation: salience-weighted cost ${round(r.relaxation.totalCost)} over ${r.relaxation.moves.length} move(s).`,
        ),
  );
  print(
    table(
      ['veto player', 'package inside red lines', 'utility vs status quo'],
      r.verdicts.map((v) => [actor(v.actor), v.insideRedLines ? 'yes' : color.red('no'), signed(v.utility)]),
    ),
  );
  for (const w of r.warnings) print(color.yellow(`warning: ${w}`));
}

const round = (x: number) => Math.round(x * 100) / 100;
