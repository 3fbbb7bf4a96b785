/** `redline evidence reject`: marks a suggestion rejected (kept in the store, hidden from the list). */
import type { Command } from 'commander';
import { loadCaseFile } from '../../../files/load-case.js';
import { CliError, EXIT } from '../../exit-codes.js';
import { color, print, printJson } from '../../output.js';
import { withStore, type CommonOpts, type Common } from './common.js';

export function register(ev: Command, common: Common): void {
  common(
    ev
      .command('reject')
      .description('reject a suggested claim or event (kept in the store, hidden from the suggestion list)')
      .argument('<case>', 'case file')
      .argument('<id>', 'claim (c-…) or event (e-…) id')
      .option('--note <text>', 'why'),
  ).action(async (caseFile: string, id: string, opts: CommonOpts & { note?: string }) => {
    const { case: c } = await loadCaseFile(caseFile);
    await withStore(opts, async ({ repo }) => {
      const item = await repo.getItem(c.id, id);
      if (!item) throw new CliError(`no claim or event "${id}" for case "${c.id}"`, EXIT.invalid);
      await repo.decide(c.id, id, 'rejected', opts.note);
      if (opts.json) printJson({ id, rejected: true });
      else print(`${color.red('rejected')} ${id}`);
    });
  });
}
