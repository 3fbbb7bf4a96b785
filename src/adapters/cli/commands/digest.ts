/** `redline digest CASE [--since DATE] [--json]`: the developments since a date, as Markdown, HTML or JSON. */
import type { Command } from 'commander';
import { digestHtml, digestMarkdown, digestRecords } from '../../../index.js';
import { CliError, EXIT } from '../exit-codes.js';
import { print, printJson } from '../output.js';
import { openMonitorSession } from '../../monitor/cli-support.js';

interface DigestOpts {
  since?: string;
  data?: string;
  json?: boolean;
  html?: boolean;
  unread?: boolean;
}

export function register(program: Command): void {
  program
    .command('digest')
    .description('print the developments of a case since a date, ranked by salience × confidence')
    .argument('<case>', 'case file or the id of a stored case')
    .option('--since <date>', 'YYYY-MM-DD or an ISO timestamp: developments dated or updated since then')
    .option('--unread', 'only developments not yet read in the dashboard')
    .option('--html', 'an HTML page instead of Markdown')
    .option(
      '--data <dir>',
      'data folder of the embedded database (ignored when DATABASE_URL is set)',
      '.redline-data',
    )
    .option('--json', 'one record per development: kind, actor, issue, evidence ids, score')
    .action(async (caseArg: string, opts: DigestOpts) => {
      if (opts.since !== undefined && Number.isNaN(Date.parse(opts.since)))
        throw new CliError(
          `--since takes a date (YYYY-MM-DD) or an ISO timestamp, not "${opts.since}"`,
          EXIT.usage,
        );
      const session = await openMonitorSession(caseArg, opts.data);
      try {
        const devs = await session.repo.developments.list(session.caseId, {
          since: opts.since,
          unread: opts.unread,
          limit: 10_000,
        });
        if (opts.json) {
          printJson(digestRecords(devs));
          return;
        }
        const input = {
          caseId: session.caseId,
          caseTitle: session.caseTitle,
          since: opts.since,
          until: session.store.now(),
          developments: devs,
        };
        print(opts.html ? digestHtml(input) : digestMarkdown(input));
      } finally {
        await session.close();
      }
    });
}
