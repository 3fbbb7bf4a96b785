/**
 * `redline evidence accept`: writes an accepted claim (a dated, sourced stance or evidence) or event into the
 * case file, editing the YAML in place (comments, layout and line endings kept). A suggestion already
 * decided — accepted or rejected — is refused: accepting twice would record the stance twice, and a
 * rejection is a reviewer's decision that a later accept must not silently overturn.
 */
import type { Command } from 'commander';
import {
  positionValue,
  sourceFor,
  suggestEvent,
  suggestFromClaim,
  type Case,
  type Position,
} from '../../../../index.js';
import { loadCaseFile } from '../../../files/load-case.js';
import { applyEvent, applyUpdate, type UpdateResult } from '../../../ingest/case-update.js';
import { articleRef, writeCase } from '../../../ingest/review.js';
import type { StoredClaim, StoredDocument, StoredEvent } from '../../../store/evidence-repo.js';
import { CliError, EXIT } from '../../exit-codes.js';
import { color, print, printJson, safeForTerminal } from '../../output.js';
import { withStore, type Common, type CommonOpts } from './common.js';

interface AcceptOpts extends CommonOpts {
  position?: string;
  salience?: string;
  note?: string;
  date?: string;
  dryRun?: boolean;
}

export function register(ev: Command, common: Common): void {
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
  ).action(async (caseFile: string, id: string, opts: AcceptOpts) => {
    if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date))
      throw new CliError(`--date takes YYYY-MM-DD, not "${opts.date}"`, EXIT.usage);
    const loaded = await loadCaseFile(caseFile);
    const c: Case = loaded.case;
    await withStore(opts, async ({ repo }) => {
      const item = await repo.getItem(c.id, id);
      if (!item) throw new CliError(`no claim or event "${id}" for case "${c.id}"`, EXIT.invalid);
      if (item.status !== 'suggested')
        throw new CliError(
          `${id} was already ${item.status}; a decided suggestion is not accepted again${item.status === 'rejected' ? ' (its rejection stands)' : ''}`,
          EXIT.invalid,
        );
      const stored = await repo.getDocument(c.id, item.docId);
      if (!stored) throw new CliError(`the document of "${id}" is missing from the store`, EXIT.internal);
      const doc = stored.date || !opts.date ? stored : { ...stored, date: opts.date };
      const result =
        item.kind === 'claim'
          ? acceptClaim(c, loaded.text, item, doc, opts)
          : acceptEvent(c, loaded.text, item, doc, id);
      if (!result.ok) throw new CliError(result.message, EXIT.invalid);
      const text = withLineEndingsOf(loaded.text, result.text);
      if (opts.dryRun) {
        process.stdout.write(text);
        return;
      }
      await writeCase(loaded.path, text);
      await repo.decide(c.id, id, 'accepted', opts.note);
      if (opts.json) printJson({ id, accepted: true, summary: result.summary, file: loaded.path });
      else print(`${color.green('accepted')} ${id}: ${safeForTerminal(result.summary)} → ${loaded.path}`);
    });
  });
}

function acceptClaim(
  c: Case,
  text: string,
  item: StoredClaim,
  doc: StoredDocument,
  opts: AcceptOpts,
): UpdateResult {
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
  if (!s.ok) throw new CliError(`${item.id} cannot be accepted: ${s.message}`, EXIT.invalid);
  const update = s.update;
  if (opts.salience !== undefined && update.kind === 'stance') {
    const n = Number(opts.salience);
    if (!(n >= 0 && n <= 100))
      throw new CliError(`--salience must be 0–100, not "${opts.salience}"`, EXIT.usage);
    update.stance.salience = n;
  }
  const result = applyUpdate(text, update);
  if (result.ok && s.warnings.length && !opts.json)
    for (const w of s.warnings) process.stderr.write(`${color.yellow(`warning: ${safeForTerminal(w)}`)}\n`);
  return result;
}

function acceptEvent(
  c: Case,
  text: string,
  item: StoredEvent,
  doc: StoredDocument,
  id: string,
): UpdateResult {
  const source = sourceFor(articleRef(doc));
  // An event from an undated article takes the date given with --date.
  const dated = item.event.date || !doc.date ? item.event : { ...item.event, date: doc.date };
  const event = suggestEvent(c, dated, articleRef(doc), `ev-${id.slice(2)}`);
  if (!source || !event)
    throw new CliError(
      `${id} cannot be accepted: it needs a dated article and at least one case actor`,
      EXIT.invalid,
    );
  return applyEvent(text, event, source);
}

/** The updated text with the original file's line endings (a CRLF file stays CRLF). */
export function withLineEndingsOf(original: string, updated: string): string {
  const crlf =
    original.indexOf('\r\n') >= 0 &&
    original.split('\r\n').length - 1 >= (original.split('\n').length - 1) / 2;
  return crlf ? updated.replace(/\r?\n/g, '\r\n') : updated;
}
