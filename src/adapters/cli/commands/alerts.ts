/**
 * `redline alerts CASE list|add|remove [ID]`: a case's alert rules. `add` takes one channel: `--webhook URL
 * --secret S` (signed JSON POST per development), `--digest DIR` (Markdown + HTML files, `--hourly` or
 * daily) or `--dashboard`; filters `--kinds`, `--actors`, `--issues`, `--min-confidence`, `--min-score`.
 */
import type { Command } from 'commander';
import { AlertRuleInputSchema } from '../../../index.js';
import { CliError, EXIT } from '../exit-codes.js';
import { print, printJson, table } from '../output.js';
import { openMonitorSession } from '../../monitor/cli-support.js';

interface AlertOpts {
  data?: string;
  json?: boolean;
  name?: string;
  webhook?: string;
  secret?: string;
  digest?: string;
  hourly?: boolean;
  dashboard?: boolean;
  kinds?: string;
  actors?: string;
  issues?: string;
  minConfidence?: string;
  minScore?: string;
}

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

export function register(program: Command): void {
  program
    .command('alerts')
    .description('list, add or remove the alert rules of a case (webhook, digest file, dashboard)')
    .argument('<case>', 'case file or the id of a stored case')
    .argument('<action>', 'list | add | remove')
    .argument('[id]', 'remove: the rule id')
    .option('--name <text>', 'add: a label for the rule')
    .option('--webhook <url>', 'add: POST each matching development to this URL')
    .option('--secret <text>', 'add: HMAC-SHA256 key for the X-Redline-Signature header (≥ 16 characters)')
    .option('--digest <dir>', 'add: write Markdown and HTML digests into this folder')
    .option('--hourly', 'add: a digest every hour instead of every day')
    .option('--dashboard', 'add: flag matching developments in the dashboard only')
    .option('--kinds <list>', 'add: stance_shift,red_line_signal,first_mention,key_event (default all)')
    .option('--actors <list>', 'add: actor ids (default any)')
    .option('--issues <list>', 'add: issue ids (default any)')
    .option('--min-confidence <x>', 'add: lowest combined confidence, 0–1', '0')
    .option('--min-score <x>', 'add: lowest salience × confidence, 0–1', '0')
    .option(
      '--data <dir>',
      'data folder of the embedded database (ignored when DATABASE_URL is set)',
      '.redline-data',
    )
    .option('--json', 'machine-readable output')
    .action(async (caseArg: string, action: string, id: string | undefined, opts: AlertOpts) => {
      if (!['list', 'add', 'remove'].includes(action))
        throw new CliError(`unknown action "${action}"; use list, add or remove`, EXIT.usage);
      let spec;
      if (action === 'add') {
        const channels = [
          opts.webhook && 'webhook',
          opts.digest && 'digest',
          opts.dashboard && 'dashboard',
        ].filter(Boolean);
        if (channels.length !== 1)
          throw new CliError('give exactly one of --webhook URL, --digest DIR, --dashboard', EXIT.usage);
        const parsed = AlertRuleInputSchema.safeParse({
          name: opts.name ?? `${channels[0]} rule`,
          channel: channels[0],
          kinds: list(opts.kinds),
          actors: list(opts.actors),
          issues: list(opts.issues),
          minConfidence: Number(opts.minConfidence),
          minScore: Number(opts.minScore),
          ...(opts.webhook ? { url: opts.webhook, secret: opts.secret } : {}),
          ...(opts.digest ? { directory: opts.digest, schedule: opts.hourly ? 'hourly' : 'daily' } : {}),
        });
        if (!parsed.success)
          throw new CliError(
            `bad rule: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`).join('; ')}`,
            EXIT.usage,
          );
        spec = parsed.data;
      }
      if (action === 'remove' && !id)
        throw new CliError('alerts remove needs the rule id (see alerts list)', EXIT.usage);
      const session = await openMonitorSession(caseArg, opts.data);
      const { repo, caseId } = session;
      try {
        if (spec) {
          const rule = await repo.rules.add(caseId, spec);
          if (opts.json) printJson({ ...rule, secret: undefined, hasSecret: !!rule.secret });
          else print(`added ${rule.id} (${rule.channel})`);
          return;
        }
        if (action === 'remove') {
          const removed = await repo.rules.remove(caseId, id!);
          print(removed ? `removed ${id}` : `no rule "${id}"`);
          if (!removed) process.exitCode = EXIT.invalid;
          return;
        }
        const rules = (await repo.rules.list(caseId)).map(({ secret, ...r }) => ({
          ...r,
          hasSecret: !!secret,
        }));
        if (opts.json) printJson(rules);
        else if (rules.length === 0) print(`case "${caseId}" has no alert rules`);
        else
          print(
            table(
              ['id', 'name', 'channel', 'target', 'kinds', 'actors', 'min conf.'],
              rules.map((r) => [
                r.id,
                r.name,
                r.channel,
                r.url ?? r.directory ?? '',
                r.kinds.join(',') || 'all',
                r.actors.join(',') || 'any',
                r.minConfidence,
              ]),
            ),
          );
      } finally {
        await session.close();
      }
    });
}
