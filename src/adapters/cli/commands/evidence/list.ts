/** `redline evidence list`: suggested claims (default), events, documents or duplicate clusters. */
import type { Command } from 'commander';
import { loadCaseFile } from '../../../files/load-case.js';
import { claimLine, eventLine, shortText } from '../../../ingest/review.js';
import type { DocumentSummary } from '../../../store/evidence-repo.js';
import { CliError, EXIT } from '../../exit-codes.js';
import { color, print, printJson, safeForTerminal, table } from '../../output.js';
import { withStore, statusOf, type CommonOpts, type Common } from './common.js';

export function register(ev: Command, common: Common): void {
  common(
    ev
      .command('list')
      .description('list suggested claims (default), events, documents or duplicate clusters')
      .argument('<case>', 'case file')
      .option('--kind <kind>', 'claims, events, documents or clusters', 'claims')
      .option('--status <status>', 'suggested, accepted, rejected or all', 'suggested')
      .option('--actor <id>', 'only this actor')
      .option('--issue <id>', 'only this issue (claims)')
      .option('--limit <n>', 'at most this many rows', '200'),
  ).action(
    async (
      caseFile: string,
      opts: CommonOpts & { kind: string; status: string; actor?: string; issue?: string; limit: string },
    ) => {
      const { case: c } = await loadCaseFile(caseFile);
      const status = statusOf(opts.status);
      const limit = Math.max(1, Number(opts.limit) || 200);
      await withStore(opts, async ({ repo }) => {
        if (opts.kind === 'claims') {
          const rows = await repo.listClaims(c.id, { status, actor: opts.actor, issue: opts.issue, limit });
          if (opts.json) return printJson(rows);
          print(
            table(
              ['id', 'status', 'actor', 'direction', 'issue', 'position', '', 'conf.', 'quote'],
              rows.map(claimLine),
            ),
          );
          print(
            `${rows.length} claim${rows.length === 1 ? '' : 's'}${status ? ` (${status})` : ''}; accept with: redline evidence accept ${caseFile} ID`,
          );
        } else if (opts.kind === 'events') {
          const rows = await repo.listEvents(c.id, { status, actor: opts.actor, limit });
          if (opts.json) return printJson(rows);
          print(
            table(
              ['id', 'status', 'date', 'type', 'PLOVER / CAMEO', 'actors', 'targets', 'conf.', 'quote'],
              rows.map(eventLine),
            ),
          );
          print(`${rows.length} event${rows.length === 1 ? '' : 's'}${status ? ` (${status})` : ''}`);
        } else if (opts.kind === 'documents' || opts.kind === 'clusters') {
          const docs = await repo.listDocuments(c.id, limit);
          if (opts.kind === 'clusters') {
            const clusters = new Map<string, DocumentSummary[]>();
            for (const d of docs) clusters.set(d.clusterId, [...(clusters.get(d.clusterId) ?? []), d]);
            const list = [...clusters.entries()].map(([canonical, members]) => ({ canonical, members }));
            if (opts.json) return printJson(list);
            const rows = list.flatMap(({ canonical, members }) =>
              members.map((m) => [
                m.id === canonical ? color.bold(canonical) : `  ${m.id}`,
                m.duplicateKind,
                m.similarity ? m.similarity.toFixed(2) : '',
                m.date ?? '',
                shortText(m.title ?? '', 60),
                safeForTerminal(m.origin),
              ]),
            );
            print(table(['cluster / member', 'kind', 'similarity', 'date', 'title', 'origin'], rows));
            print(
              `${list.length} clusters, ${docs.length} documents (${list.filter((l) => l.members.length > 1).length} with copies)`,
            );
          } else {
            if (opts.json) return printJson(docs);
            print(
              table(
                ['id', 'date', 'kind', 'cluster', 'title', 'origin'],
                docs.map((d) => [
                  d.id,
                  d.date ?? '',
                  d.duplicateKind,
                  d.clusterId,
                  shortText(d.title ?? '', 60),
                  safeForTerminal(d.origin),
                ]),
              ),
            );
          }
        } else
          throw new CliError(
            `--kind takes claims, events, documents or clusters, not "${opts.kind}"`,
            EXIT.usage,
          );
      });
    },
  );
}
