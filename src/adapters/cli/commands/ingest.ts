/**
 * `redline ingest CASE PATH...`: reads articles (files, folders, .txt/.md/.html/.jsonl, "-" for stdin),
 * cleans, de-duplicates and analyses them against the case, and stores documents, events and claims as
 * suggestions for review (`redline evidence`). A progress bar goes to stderr; one bad document never stops
 * the batch; the summary counts documents, duplicates, events, claims and failures.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { createEvidenceModel, findArticleDate } from '../../../index.js';
import { loadCaseFile } from '../../files/load-case.js';
import { ingestInputs, NEAR_DUPLICATE_THRESHOLD, type DocumentOutcome } from '../../ingest/batch.js';
import { readInputs, READ_DEFAULTS, type InputItem } from '../../ingest/sources.js';
import { openEvidenceStore } from '../../ingest/store.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, printWarnings, safeForTerminal, table } from '../output.js';

interface IngestOpts {
  json?: boolean;
  data?: string;
  threshold?: string;
  maxMb?: string;
  progress?: boolean;
  date?: string;
}

const STATUS_COLOR: Record<DocumentOutcome['status'], (s: string) => string> = {
  new: color.green,
  duplicate: color.cyan,
  'near-duplicate': color.cyan,
  'already-ingested': color.dim,
  skipped: color.yellow,
  failed: color.red,
};

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'read news articles into the evidence store: clean, de-duplicate, extract events and stance claims',
    )
    .argument('<case>', 'case file the articles are about (its actors and issues drive the extraction)')
    .argument('<paths...>', 'article files or folders (.txt, .md, .html, .jsonl); "-" reads standard input')
    .option(
      '--data <dir>',
      'data folder of the embedded database (ignored when DATABASE_URL is set)',
      '.redline-data',
    )
    .option(
      '--threshold <j>',
      'similarity (0–1) at or above which an article is a copy',
      String(NEAR_DUPLICATE_THRESHOLD),
    )
    .option(
      '--max-mb <n>',
      'largest single article accepted, in MB',
      String(READ_DEFAULTS.maxBytes / 1048576),
    )
    .option('--date <yyyy-mm-dd>', 'publication date for articles that carry none (metadata or dateline)')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'machine-readable output')
    .action(async (caseFile: string, paths: string[], opts: IngestOpts) => {
      const threshold = Number(opts.threshold ?? NEAR_DUPLICATE_THRESHOLD);
      if (!(threshold > 0 && threshold <= 1))
        throw new CliError(`--threshold must be in (0, 1], not "${opts.threshold}"`, EXIT.usage);
      const maxMb = Number(opts.maxMb ?? 10);
      if (!(maxMb > 0))
        throw new CliError(`--max-mb must be a positive number, not "${opts.maxMb}"`, EXIT.usage);
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date))
        throw new CliError(`--date takes YYYY-MM-DD, not "${opts.date}"`, EXIT.usage);
      const loaded = await loadCaseFile(caseFile);
      if (!opts.json) printWarnings(loaded.warnings);
      const model = createEvidenceModel(loaded.case);
      const es = await openEvidenceStore(opts.data);
      const showBar = opts.progress !== false && !opts.json && process.stderr.isTTY === true;
      const bar = showBar
        ? new cliProgress.SingleBar(
            {
              format: 'ingest {bar} {value} documents | {status}',
              stream: process.stderr,
              hideCursor: true,
              clearOnComplete: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      bar?.start(Math.max(1, paths.length), 0, { status: '' });
      let done = 0;
      try {
        const inputs = withDefaultDate(
          readInputs(paths, { maxBytes: Math.floor(maxMb * 1048576) }),
          opts.date,
        );
        const { outcomes, summary } = await ingestInputs(inputs, {
          caseId: loaded.case.id,
          model,
          repo: es.repo,
          threshold,
          onOutcome: (o) => {
            done++;
            if (bar) {
              bar.setTotal(Math.max(done, bar.getTotal()));
              bar.update(done, { status: safeForTerminal(`${o.status} ${o.origin}`).slice(0, 60) });
            }
          },
        });
        bar?.stop();
        if (opts.json) {
          printJson({ case: loaded.case.id, store: es.store.location, summary, documents: outcomes });
        } else {
          const rows = outcomes.map((o) => [
            safeForTerminal(o.origin),
            STATUS_COLOR[o.status](o.status),
            o.events,
            o.claims,
            o.docId ?? '',
            safeForTerminal(o.reason ?? (o.warnings.length ? o.warnings.join('; ') : '')),
          ]);
          print(table(['document', 'outcome', 'events', 'claims', 'id', 'note'], rows));
          print(
            `${plural(summary.documents, 'document')}: ${summary.new} new, ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}, ${summary.skipped} skipped, ${summary.failed} failed; ${plural(summary.events, 'event')} and ${plural(summary.claims, 'claim')} suggested (store: ${es.store.location})`,
          );
          if (summary.claims > 0) print(color.dim(`review them with: redline evidence list ${caseFile}`));
        }
        process.exitCode =
          summary.documents > 0 && summary.failed === summary.documents ? EXIT.invalid : EXIT.ok;
      } finally {
        bar?.stop();
        await es.close();
      }
    });
}

/** Gives undated articles the `--date` value (the text's own dateline still wins over it). */
async function* withDefaultDate(
  inputs: AsyncIterable<InputItem>,
  date: string | undefined,
): AsyncGenerator<InputItem> {
  for await (const i of inputs) {
    if (date && i.ok && !i.article.date && !findArticleDate(i.article.text))
      yield { ...i, article: { ...i.article, date } };
    else yield i;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
