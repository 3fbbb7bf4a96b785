/** `redline evidence export`: stored events as PLOVER JSON Lines or GDELT 2.0 events/mentions TSV. */
import type { Command } from 'commander';
import { toGdeltTables, toPloverRecords, toTsv } from '../../../../index.js';
import { loadCaseFile } from '../../../files/load-case.js';
import type { StoredEvent } from '../../../store/evidence-repo.js';
import { CliError, EXIT } from '../../exit-codes.js';
import { withStore, statusOf, type CommonOpts, type Common } from './common.js';

export function register(ev: Command, common: Common): void {
  common(
    ev
      .command('export')
      .description('export stored events as PLOVER JSON Lines or GDELT 2.0 events/mentions TSV')
      .argument('<case>', 'case file')
      .option('--format <f>', 'plover, gdelt-events or gdelt-mentions', 'plover')
      .option('--status <status>', 'suggested, accepted, rejected or all', 'all'),
  ).action(async (caseFile: string, opts: CommonOpts & { format: string; status: string }) => {
    const { case: c } = await loadCaseFile(caseFile);
    if (!['plover', 'gdelt-events', 'gdelt-mentions'].includes(opts.format))
      throw new CliError(
        `--format takes plover, gdelt-events or gdelt-mentions, not "${opts.format}"`,
        EXIT.usage,
      );
    await withStore(opts, async ({ repo }) => {
      const events = await repo.listEvents(c.id, { status: statusOf(opts.status), limit: 10_000 });
      const byDoc = new Map<string, StoredEvent[]>();
      for (const e of events) byDoc.set(e.docId, [...(byDoc.get(e.docId) ?? []), e]);
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      let nextId = 1;
      const lines: string[] = [];
      for (const [docId, list] of byDoc) {
        const d = await repo.getDocument(c.id, docId);
        const article = {
          ...(d?.url ? { url: d.url } : {}),
          ...(d?.title ? { title: d.title } : {}),
          ...(d?.publisher ? { publisher: d.publisher } : {}),
          ...(d?.date ? { date: d.date } : {}),
          ...(d ? { length: d.text.length } : {}),
        };
        const coded = list.map((e) => ({ ...e.event, id: e.id }));
        if (opts.format === 'plover')
          for (const r of toPloverRecords(coded, article)) lines.push(JSON.stringify(r));
        else {
          const t = toGdeltTables(coded, article, { firstId: nextId, dateAdded: stamp });
          nextId += t.events.length;
          const tsv = toTsv(opts.format === 'gdelt-events' ? t.events : t.mentions);
          if (tsv) lines.push(tsv);
        }
      }
      if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    });
  });
}
