/** `redline evidence timeline`: events and stance changes per actor and issue, by date. */
import type { Command } from 'commander';
import { loadCaseFile } from '../../../files/load-case.js';
import { shortText } from '../../../ingest/review.js';
import { print, printJson, safeForTerminal, table } from '../../output.js';
import { withStore, type CommonOpts, type Common } from './common.js';

export function register(ev: Command, common: Common): void {
  common(
    ev
      .command('timeline')
      .description(
        'events and stance changes per actor and issue, by date (case stances plus suggested and accepted evidence)',
      )
      .argument('<case>', 'case file')
      .option('--actor <id>', 'only this actor')
      .option('--issue <id>', 'only this issue'),
  ).action(async (caseFile: string, opts: CommonOpts & { actor?: string; issue?: string }) => {
    const { case: c } = await loadCaseFile(caseFile);
    await withStore(opts, async ({ repo }) => {
      const events = (await repo.listEvents(c.id, { limit: 10_000 })).filter((e) => e.status !== 'rejected');
      const claims = (await repo.listClaims(c.id, { limit: 10_000 })).filter((x) => x.status !== 'rejected');
      type Row = { date: string; actor: string; kind: string; what: string; source: string; status: string };
      const rows: Row[] = [];
      for (const s of c.stances)
        rows.push({
          date: s.date,
          actor: s.actor,
          kind: 'stance',
          what: `${s.issue}: position ${s.position}${s.redLine ? ' (red line)' : ''}`,
          source: s.sources.map((r) => r.source).join(', ') || 'case file',
          status: 'case',
        });
      for (const e of c.events)
        for (const a of e.actors)
          rows.push({
            date: e.date,
            actor: a,
            kind: `event:${e.type}`,
            what: shortText(e.summary, 80),
            source: e.sources.map((r) => r.source).join(', ') || 'case file',
            status: 'case',
          });
      for (const e of events)
        for (const a of e.event.actors)
          rows.push({
            date: e.event.date ?? '',
            actor: a.actor ?? a.code ?? a.text,
            kind: `event:${e.event.type}`,
            what: `${e.event.trigger.text} ${e.event.targets.map((t) => t.actor ?? t.code).join('+')}`.trim(),
            source: e.id,
            status: e.status,
          });
      for (const x of claims) {
        const doc = await repo.getDocument(c.id, x.docId);
        rows.push({
          date: doc?.date ?? '',
          actor: x.claim.actor,
          kind: `claim:${x.claim.direction}`,
          what: `${x.claim.issue}${x.claim.positionLabel ? ` → ${x.claim.positionLabel}` : ''}${x.claim.redLine ? ' (red line)' : ''}`,
          source: x.id,
          status: x.status,
        });
      }
      const filtered = rows
        .filter((r) => !opts.actor || r.actor === opts.actor)
        .filter((r) => !opts.issue || r.what.startsWith(opts.issue))
        .sort((a, b) => a.date.localeCompare(b.date) || a.actor.localeCompare(b.actor));
      if (opts.json) return printJson(filtered);
      print(
        table(
          ['date', 'actor', 'kind', 'what', 'source', 'status'],
          filtered.map((r) =>
            [r.date || 'undated', r.actor, r.kind, r.what, r.source, r.status].map(safeForTerminal),
          ),
        ),
      );
    });
  });
}
