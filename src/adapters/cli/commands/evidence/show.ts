/** `redline evidence show`: one claim, event or document with its quote in place (and what cleaning removed). */
import type { Command } from 'commander';
import { suggestFromClaim } from '../../../../index.js';
import { loadCaseFile } from '../../../files/load-case.js';
import { articleRef, STATUS } from '../../../ingest/review.js';
import { CliError, EXIT } from '../../exit-codes.js';
import { color, print, printJson, safeForTerminal } from '../../output.js';
import type { StoredDocument } from '../../../store/evidence-repo.js';
import { withStore, type CommonOpts, type Common } from './common.js';

export function register(ev: Command, common: Common): void {
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
          `${color.bold(t(d.title ?? id))}\n${d.date ?? 'undated'} · ${t(d.publisher ?? '')} ${t(d.url ?? '')}\norigin: ${t(d.origin)}\ncluster: ${d.clusterId} (${d.duplicateKind})`,
        );
        printRemovals(d);
        print(t(d.text));
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
      const q = t(quote.text);
      const rel = trigger.start - quote.start;
      const marked =
        rel >= 0 && rel < q.length
          ? `${q.slice(0, rel)}${color.bold(color.underline(q.slice(rel, rel + trigger.text.length)))}${q.slice(rel + trigger.text.length)}`
          : q;
      print(
        `${color.bold(id)} ${STATUS(item.status)} from ${item.docId} (${t(doc?.title ?? '')}, ${doc?.date ?? 'undated'})`,
      );
      if (item.kind === 'claim') {
        const k = item.claim;
        print(
          `${k.actor} ${k.direction} on ${k.issue}${k.positionLabel ? ` → ${k.positionLabel}` : ''}${k.redLine ? color.red(' [red-line language]') : ''}, confidence ${k.confidence}`,
        );
      } else {
        const v = item.event;
        print(
          `${v.type} (PLOVER ${v.plover}${v.mode ? `/${v.mode}` : ''}, CAMEO ${v.cameo}, Goldstein ${v.goldstein}) ${v.tense} · ${v.date ?? ''}${v.place ? ` · ${t(v.place)}` : ''}`,
        );
        print(
          `actors: ${v.actors.map((a) => `${a.actor ?? a.code} ("${t(a.text)}")`).join(', ')}${v.targets.length ? `; targets: ${v.targets.map((a) => `${a.actor ?? a.code} ("${t(a.text)}")`).join(', ')}` : ''}`,
        );
      }
      print(
        `\n${color.dim(`…${t(context).replace(/\s+/g, ' ').slice(-160)}`)} ${marked} ${color.dim(`${t(after).replace(/\s+/g, ' ').slice(0, 160)}…`)}`,
      );
      print(
        color.dim(
          `cleaned offsets ${quote.start}–${quote.end}; original offsets ${item.origStart}–${item.origEnd}`,
        ),
      );
      if (suggestion)
        print(
          suggestion.ok
            ? `\naccepting would: ${t(suggestion.update.summary)}${suggestion.warnings.length ? `\n  ${t(suggestion.warnings.join('\n  '))}` : ''}`
            : color.yellow(`\ncannot be accepted as is: ${t(suggestion.message)}`),
        );
    });
  });
}

const t = safeForTerminal;

/**
 * What cleaning took out of the document: counts by kind, then each removed piece (recorded at ingest as
 * warnings with code "removed"), then the document's other warnings.
 */
function printRemovals(d: StoredDocument): void {
  const counts = Object.entries(d.removed).filter(([, n]) => n > 0);
  print(`removed: ${counts.length ? counts.map(([k, n]) => `${k} ${n}`).join(', ') : 'nothing'}`);
  for (const w of d.warnings.filter((x) => x.code === 'removed')) print(color.dim(`  - ${t(w.message)}`));
  const other = d.warnings.filter((x) => x.code !== 'removed');
  for (const w of other) print(color.yellow(`warning: ${t(w.message)}`));
  print();
}
