/** `redline validate CASE...`: reports every problem in each case file with file, line, column and a hint. */
import type { Command } from 'commander';
import { formatIssue } from '../../../case/index.js';
import { readCaseFile } from '../../files/load-case.js';
import { EXIT } from '../exit-codes.js';
import { color, print, printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check case files and report every problem with its location and how to fix it')
    .argument('<files...>', 'case files (.yaml, .yml or .json)')
    .option('--json', 'machine-readable output')
    .option('--strict', 'treat warnings as errors')
    .action(async (files: string[], opts: { json?: boolean; strict?: boolean }) => {
      const results = [];
      let code: number = EXIT.ok;
      for (const file of files) {
        const r = await readCaseFile(file);
        const issues = r.ok ? r.warnings : r.issues;
        const failed = !r.ok || (opts.strict === true && issues.length > 0);
        if (failed) code = Math.max(code, !r.ok && r.unreadable ? EXIT.unreadable : EXIT.invalid);
        results.push({ file, ok: !failed, issues });
        if (opts.json) continue;
        for (const i of issues)
          print(i.severity === 'error' ? color.red(formatIssue(i)) : color.yellow(formatIssue(i)));
        if (r.ok) {
          const c = r.case;
          print(
            `${failed ? color.red('✗') : color.green('✓')} ${file}: ${c.actors.length} actors, ${c.issues.length} issues, ${c.stances.length} stances, ${c.proposals.length} proposals, ${c.events.length} events, ${c.sources.length} sources${issues.length ? `, ${issues.length} warning${issues.length === 1 ? '' : 's'}` : ''}`,
          );
        } else {
          const n = issues.filter((i) => i.severity === 'error').length;
          print(color.red(`✗ ${file}: ${n} error${n === 1 ? '' : 's'}`));
        }
      }
      if (opts.json) printJson(files.length === 1 ? results[0] : results);
      process.exitCode = code;
    });
}
