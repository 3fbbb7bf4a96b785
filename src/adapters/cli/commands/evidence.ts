/**
 * `redline evidence list|show|accept|reject|timeline|clusters|search CASE …`: review what `redline ingest`
 * suggested. Accepting a claim writes a dated, sourced stance (or the quote as evidence on the latest
 * stance) into the case file, editing the YAML in place so comments and layout survive; accepting an event
 * adds it to the case's events. Nothing changes the case without an explicit accept.
 */
import type { Command } from 'commander';
import {
  EVENT_TYPES,
  toGdeltTables,
  toPloverRecords,
  toTsv,
  positionValue,
  sourceFor,
  suggestEvent,
  suggestFromClaim,
  type Case,
  type Position,
} from '../../../index.js';
import { loadCaseFile } from '../../files/load-case.js';
import { applyEvent, applyUpdate } from '../../ingest/case-update.js';
import { articleRef, claimLine, eventLine, shortText, STATUS, writeCase } from '../../ingest/review.js';
import { openEvidenceStore, type EvidenceStore } from '../../ingest/store.js';
import type { DocumentSummary, ReviewStatus, StoredEvent } from '../../store/evidence-repo.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, table } from '../output.js';

interface CommonOpts {
  json?: boolean;
  data?: string;
}

async function withStore<T>(opts: CommonOpts, fn: (es: EvidenceStore) => Promise<T>): Promise<T> {
  const es = await openEvidenceStore(opts.data);
  try {
    return await fn(es);
  } finally {
    await es.close();
  }
}

const statusOf = (s: string | undefined): ReviewStatus | undefined => {
  if (s === undefined || s === 'all') return undefined;
  if (s === 'suggested' || s === 'accepted' || s === 'rejected') return s;
  throw new CliError(`--status takes suggested, accepted, rejected or all, not "${s}"`, EXIT.usage);
};

export function register(program: Command): void {
  const ev = program
    .command('evidence')
    .description(
      `review evidence suggested by \`redline ingest\`; event types: ${Object.keys(EVENT_TYPES).join(', ')}`,
    );
  const common = (c: Command) =>
    c
      .option(
        '--data <dir>',
        'data folder of the embedded database (ignored when DATABASE_URL is set)',
        '.redline-data',
      )
      .option('--json', 'machine-readable output');

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
                m.origin,
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
                  d.origin,
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

  common(
    ev
      .command('show')
      .description('show a claim, event or document with its quote in place')
      .argument('<case>', 'case file')
      .argument('<id>', 'claim (c-…), event (e-…) or document (d-…) id'),
  ).action(async (caseFile: string, id: string, opts: CommonOpts) => {
    const { case: c } = await loadCaseFile(caseFile);
    await withStore(opts, async ({ repo }) => {
      if (id.startsWith('d-')) {
        const d = await repo.getDocument(c.id, id);
        if (!d) throw new CliError(`no document "${id}" for case "${c.id}"`, EXIT.invalid);
        if (opts.json) return printJson(d);
        print(
          `${color.bold(d.title ?? id)}\n${d.date ?? 'undated'} · ${d.publisher ?? ''} ${d.url ?? ''}\norigin: ${d.origin}\ncluster: ${d.clusterId} (${d.duplicateKind})\nremoved: ${JSON.stringify(d.removed)}\n`,
        );
        print(d.text);
        return;
      }
      const item = await repo.getItem(c.id, id);
      if (!item) throw new CliError(`no claim or event "${id}" for case "${c.id}"`, EXIT.invalid);
      const doc = await repo.getDocument(c.id, item.docId);
      const quote = item.kind === 'claim' ? item.claim.quote : item.event.quote;
      const trigger = item.kind === 'claim' ? item.claim.trigger : item.event.trigger;
      const suggestion =
        item.kind === 'claim' && doc ? suggestFromClaim(c, item.claim, articleRef(doc)) : undefined;
      if (opts.json)
        return printJson({
          ...item,
          document: doc ? { ...doc, text: undefined, segments: undefined } : undefined,
          suggestion,
        });
      const context = doc ? doc.text.slice(Math.max(0, quote.start - 200), quote.start) : '';
      const after = doc ? doc.text.slice(quote.end, quote.end + 200) : '';
      const q = quote.text;
      const rel = trigger.start - quote.start;
      const marked =
        rel >= 0 && rel < q.length
          ? `${q.slice(0, rel)}${color.bold(color.underline(q.slice(rel, rel + trigger.text.length)))}${q.slice(rel + trigger.text.length)}`
          : q;
      print(
        `${color.bold(id)} ${STATUS(item.status)} from ${item.docId} (${doc?.title ?? ''}, ${doc?.date ?? 'undated'})`,
      );
      if (item.kind === 'claim') {
        const k = item.claim;
        print(
          `${k.actor} ${k.direction} on ${k.issue}${k.positionLabel ? ` → ${k.positionLabel}` : ''}${k.redLine ? color.red(' [red-line language]') : ''}, confidence ${k.confidence}`,
        );
      } else {
        const v = item.event;
        print(
          `${v.type} (PLOVER ${v.plover}${v.mode ? `/${v.mode}` : ''}, CAMEO ${v.cameo}, Goldstein ${v.goldstein}) ${v.tense} · ${v.date ?? ''}${v.place ? ` · ${v.place}` : ''}`,
        );
        print(
          `actors: ${v.actors.map((a) => `${a.actor ?? a.code} ("${a.text}")`).join(', ')}${v.targets.length ? `; targets: ${v.targets.map((a) => `${a.actor ?? a.code} ("${a.text}")`).join(', ')}` : ''}`,
        );
      }
      print(
        `\n${color.dim(`…${context.replace(/\s+/g, ' ').slice(-160)}`)} ${marked} ${color.dim(`${after.replace(/\s+/g, ' ').slice(0, 160)}…`)}`,
      );
      print(
        color.dim(
          `cleaned offsets ${quote.start}–${quote.end}; original offsets ${item.origStart}–${item.origEnd}`,
        ),
      );
      if (suggestion)
        print(
          suggestion.ok
            ? `\naccepting would: ${suggestion.update.summary}${suggestion.warnings.length ? `\n  ${suggestion.warnings.join('\n  ')}` : ''}`
            : color.yellow(`\ncannot be accepted as is: ${suggestion.message}`),
        );
    });
  });

  common(
    ev
      .command('accept')
      .description(
        'accept a claim (adds a dated, sourced stance or evidence to the case file) or an event (adds it to events)',
      )
      .argument('<case>', 'case file (edited in place)')
      .argument('<id>', 'claim (c-…) or event (e-…) id')
      .option(
        '--position <p>',
        'position to record (a number 0–100 or an option id), when the text gave none',
      )
      .option('--salience <n>', 'salience 0–100 for a new stance')
      .option('--note <text>', 'review note kept with the decision')
      .option('--date <yyyy-mm-dd>', 'date for the stance when the article carries none')
      .option('--dry-run', 'print the updated case instead of writing it'),
  ).action(
    async (
      caseFile: string,
      id: string,
      opts: CommonOpts & {
        position?: string;
        salience?: string;
        note?: string;
        date?: string;
        dryRun?: boolean;
      },
    ) => {
      const loaded = await loadCaseFile(caseFile);
      const c: Case = loaded.case;
      await withStore(opts, async ({ repo }) => {
        const item = await repo.getItem(c.id, id);
        if (!item) throw new CliError(`no claim or event "${id}" for case "${c.id}"`, EXIT.invalid);
        const stored = await repo.getDocument(c.id, item.docId);
        if (!stored) throw new CliError(`the document of "${id}" is missing from the store`, EXIT.internal);
        if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date))
          throw new CliError(`--date takes YYYY-MM-DD, not "${opts.date}"`, EXIT.usage);
        const doc = stored.date || !opts.date ? stored : { ...stored, date: opts.date };
        let result;
        if (item.kind === 'claim') {
          let claim = item.claim;
          if (opts.position !== undefined) {
            const issue = c.issues.find((i) => i.id === claim.issue);
            const p: Position = /^\d+(\.\d+)?$/.test(opts.position) ? Number(opts.position) : opts.position;
            try {
              if (issue)
                claim = {
                  ...claim,
                  position: p,
                  value: positionValue(issue, p),
                  direction: claim.direction === 'rejects' ? 'demands' : claim.direction,
                };
            } catch {
              throw new CliError(
                `--position "${opts.position}" is not a number 0–100 or an option of issue "${claim.issue}"`,
                EXIT.usage,
              );
            }
          }
          const s = suggestFromClaim(c, claim, articleRef(doc));
          if (!s.ok) throw new CliError(`${id} cannot be accepted: ${s.message}`, EXIT.invalid);
          const update = s.update;
          if (opts.salience !== undefined && update.kind === 'stance') {
            const n = Number(opts.salience);
            if (!(n >= 0 && n <= 100))
              throw new CliError(`--salience must be 0–100, not "${opts.salience}"`, EXIT.usage);
            update.stance.salience = n;
          }
          result = applyUpdate(loaded.text, update);
          if (result.ok && s.warnings.length && !opts.json)
            for (const w of s.warnings) process.stderr.write(`${color.yellow(`warning: ${w}`)}\n`);
        } else {
          const source = sourceFor(articleRef(doc));
          // An event from an undated article takes the date given with --date.
          const dated = item.event.date || !doc.date ? item.event : { ...item.event, date: doc.date };
          const event = suggestEvent(c, dated, articleRef(doc), `ev-${id.slice(2)}`);
          if (!source || !event)
            throw new CliError(
              `${id} cannot be accepted: it needs a dated article and at least one case actor`,
              EXIT.invalid,
            );
          result = applyEvent(loaded.text, event, source);
        }
        if (!result.ok) throw new CliError(result.message, EXIT.invalid);
        if (opts.dryRun) {
          process.stdout.write(result.text);
          return;
        }
        await writeCase(loaded.path, result.text);
        await repo.decide(c.id, id, 'accepted', opts.note);
        if (opts.json) printJson({ id, accepted: true, summary: result.summary, file: loaded.path });
        else print(`${color.green('accepted')} ${id}: ${result.summary} → ${loaded.path}`);
      });
    },
  );

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
          filtered.map((r) => [r.date || 'undated', r.actor, r.kind, r.what, r.source, r.status]),
        ),
      );
    });
  });

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
            h.snippet.replace(/\s+/g, ' '),
          ]),
        ),
      );
    });
  });
}
