/** `redline diff CASE FROM TO`: how a proposal departs from an earlier one, issue by issue, and whom it favours. */
import type { Command } from 'commander';
import { describeValue, type Case } from '../../../case/index.js';
import { diffProposals, type DiffResult } from '../../../engines/redlines/index.js';
import { loadForAnalysis } from '../case-input.js';
import { color, print, printJson, signed, table, withKnownIds } from '../output.js';

export function register(program: Command): void {
  program
    .command('diff')
    .description('compare two proposals issue by issue and show whom each change favours')
    .argument('<case>', 'case file')
    .argument('<from>', 'id of the earlier proposal (e.g. a framework)')
    .argument('<to>', 'id of the later proposal')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD)')
    .option('--scenario <id>', 'apply a scenario overlay first')
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string,
        from: string,
        to: string,
        opts: { asOf?: string; scenario?: string; json?: boolean },
      ) => {
        const input = await loadForAnalysis(file, opts);
        const result = withKnownIds(() => diffProposals(input.case, from, to, { asOf: input.asOf }));
        if (opts.json) printJson({ scenario: input.scenario ?? null, ...result });
        else render(result, input.case);
      },
    );
}

function render(r: DiffResult, c: Case): void {
  const issue = (id: string) => c.issues.find((i) => i.id === id)!;
  const actor = (id: string) => c.actors.find((a) => a.id === id)?.name ?? id;
  const val = (id: string, v: number | undefined) =>
    v === undefined ? color.dim('silent') : describeValue(issue(id), v);
  print(
    color.bold(`${r.from.title} (${r.from.date}) → ${r.to.title} (${r.to.date}), stances as of ${r.asOf}`),
  );
  print(
    table(
      ['issue', 'change', r.from.id, r.to.id, 'favours', 'disfavours'],
      r.issues.map((d) => [
        issue(d.issue).name,
        d.change === 'unchanged' ? color.dim(d.change) : d.change,
        val(d.issue, d.from),
        val(d.issue, d.to),
        d.favours
          .filter((f) => f.gain > 0)
          .map((f) => actor(f.actor))
          .join(', ') || '–',
        d.favours
          .filter((f) => f.gain < 0)
          .map((f) => actor(f.actor))
          .join(', ') || '–',
      ]),
    ),
  );
  print();
  print(
    table(
      ['actor', 'veto', 'net gain', 'direction', 'red lines newly crossed', 'cleared'],
      r.actors.map((a) => [
        a.name,
        a.veto ? 'yes' : 'no',
        signed(a.gain),
        a.direction === 'toward'
          ? color.green('toward')
          : a.direction === 'away'
            ? color.red('away')
            : 'neutral',
        a.newlyCrossed.map((x) => issue(x.issue).name).join(', ') || '–',
        a.cleared.map((x) => issue(x.issue).name).join(', ') || '–',
      ]),
    ),
  );
  const p = r.points;
  print(`\nPoints: ${p.matched.length} matched, ${p.added.length} added, ${p.dropped.length} dropped.`);
  if (p.added.length)
    print(`Added in ${r.to.id}: ${p.added.map((x) => `${x.number} (${x.summary.slice(0, 50)})`).join('; ')}`);
  if (p.dropped.length)
    print(
      `Dropped from ${r.from.id}: ${p.dropped.map((x) => `${x.number} (${x.summary.slice(0, 50)})`).join('; ')}`,
    );
  for (const w of r.warnings) print(color.yellow(`warning: ${w}`));
}
