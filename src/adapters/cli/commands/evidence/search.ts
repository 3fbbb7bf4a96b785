/** `redline evidence search`: full-text search over the stored articles of a case. */
import type { Command } from 'commander';
import { loadCaseFile } from '../../../files/load-case.js';
import { shortText } from '../../../ingest/review.js';
import { print, printJson, safeForTerminal, table } from '../../output.js';
import { withStore, type CommonOpts, type Common } from './common.js';

export function register(ev: Command, common: Common): void {
  common(
    ev
      .command('search')
      .description('full-text search over the stored articles of a case')
      .argument('<case>', 'case file')
      .argument('<query...>', 'words to find'),
  ).action(async (caseFile: string, query: string[], opts: CommonOpts) => {
    const { case: c } = await loadCaseFile(caseFile);
    await withStore(opts, async ({ repo }) => {
      const hits = await repo.search(c.id, query.join(' '), 20);
      if (opts.json) return printJson(hits);
      print(
        table(
          ['document', 'date', 'title', 'snippet'],
          hits.map((h) => [
            h.doc.id,
            h.doc.date ?? '',
            shortText(h.doc.title ?? '', 50),
            safeForTerminal(h.snippet).replace(/\s+/g, ' '),
          ]),
        ),
      );
    });
  });
}
