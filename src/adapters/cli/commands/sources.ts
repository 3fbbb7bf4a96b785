/** `redline sources CASE list|add|remove [URL|DIR|ID]`: the sources a case watches, with their status. */
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, table } from '../output.js';
import { openMonitorSession, parseDuration, sourceLocation } from '../../monitor/cli-support.js';

interface SourcesOpts {
  data?: string;
  every?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('sources')
    .description('list, add or remove the sources a case watches (feeds, pages, inbox folders)')
    .argument('<case>', 'case file or the id of a stored case')
    .argument('<action>', 'list | add | remove')
    .argument('[target]', 'add: a feed or page URL or a folder; remove: its URL, folder or id')
    .option('--every <duration>', 'add: interval between fetches', '15m')
    .option(
      '--data <dir>',
      'data folder of the embedded database (ignored when DATABASE_URL is set)',
      '.redline-data',
    )
    .option('--json', 'machine-readable output')
    .action(async (caseArg: string, action: string, target: string | undefined, opts: SourcesOpts) => {
      if (!['list', 'add', 'remove'].includes(action))
        throw new CliError(`unknown action "${action}"; use list, add or remove`, EXIT.usage);
      if (action !== 'list' && !target)
        throw new CliError(`sources ${action} needs a URL, folder or id`, EXIT.usage);
      const everySeconds = parseDuration(opts.every ?? '15m', '--every');
      const location = action === 'add' ? sourceLocation(target!) : undefined;
      const session = await openMonitorSession(caseArg, opts.data);
      const { repo, caseId } = session;
      try {
        if (action === 'add') {
          const { source, created } = await repo.sources.add(caseId, { ...location!, everySeconds });
          if (opts.json) printJson({ source, created });
          else
            print(
              `${created ? 'added' : 'already watched'}: ${source.id} ${source.location} every ${source.everySeconds}s`,
            );
          return;
        }
        if (action === 'remove') {
          const abs = /^https?:\/\//i.test(target!) ? target! : sourceLocationOrId(target!);
          const removed =
            (await repo.sources.remove(caseId, target!)) || (await repo.sources.remove(caseId, abs));
          if (opts.json) printJson({ removed });
          else print(removed ? `removed ${target}` : `no watched source "${target}"`);
          if (!removed) process.exitCode = EXIT.invalid;
          return;
        }
        const list = await repo.sources.list(caseId);
        if (opts.json) {
          printJson(list);
          return;
        }
        if (list.length === 0) {
          print(`case "${caseId}" watches no sources`);
          return;
        }
        print(
          table(
            ['id', 'kind', 'location', 'every', 'status', 'last success', 'items', 'last error'],
            list.map((s) => [
              s.id,
              s.kind,
              s.location,
              `${s.everySeconds}s`,
              s.lastStatus === 'error' || s.lastStatus === 'blocked'
                ? color.red(s.lastStatus)
                : (s.lastStatus ?? 'never'),
              s.lastSuccessAt ?? '',
              s.itemsSeen,
              s.lastError ?? '',
            ]),
          ),
        );
      } finally {
        await session.close();
      }
    });
}

function sourceLocationOrId(arg: string): string {
  try {
    return sourceLocation(arg).location;
  } catch {
    return arg;
  }
}
