/**
 * `redline csv export|import`: tables for spreadsheets. Export writes stances, a proposal's check matrix or a
 * forecast as CSV; import reads a stance table into a case file, validating the whole result before anything is
 * written (comments and layout of the YAML file are kept).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isMap, isSeq, parseDocument } from 'yaml';
import { formatIssue, parseCase } from '../../../case/index.js';
import { checkProposal } from '../../../engines/redlines/index.js';
import { forecastCase } from '../../../engines/bargaining/index.js';
import { rowsToCsv, stancesFromCsv, stancesToCsv } from '../../csv/stance-table.js';
import { readCaseFile, loadCaseFile } from '../../files/load-case.js';
import { loadForAnalysis } from '../case-input.js';
import { CliError, EXIT } from '../exit-codes.js';
import { print } from '../output.js';

interface ExportOptions {
  asOf?: string;
  scenario?: string;
  output?: string;
}

async function emit(text: string, output: string | undefined): Promise<void> {
  if (output) await writeAtomically(output, text);
  else process.stdout.write(text);
}

/** Writes beside the target and renames, so an interrupted write never leaves half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

async function exportTable(what: string, file: string, proposal: string | undefined, opts: ExportOptions) {
  if (what === 'stances') {
    const { case: c } = await loadCaseFile(file);
    return stancesToCsv(c);
  }
  const input = await loadForAnalysis(file, { ...opts, json: true });
  if (what === 'check') {
    if (!proposal) throw new CliError('csv export check needs a proposal id', EXIT.usage);
    if (!input.case.proposals.some((p) => p.id === proposal))
      throw new CliError(
        `no proposal "${proposal}"; known: ${input.case.proposals.map((p) => p.id).join(', ') || 'none'}`,
        EXIT.usage,
      );
    const r = checkProposal(input.case, proposal, { asOf: input.asOf });
    return rowsToCsv(
      ['point', 'actor', 'status', 'reason'],
      r.cells.map((cell) => [cell.point, cell.actor, cell.status, cell.reason]),
    );
  }
  if (what === 'forecast') {
    const f = forecastCase(input.case, { asOf: input.asOf, skipIncomplete: true });
    const rows = f.results.flatMap((m) =>
      f.issues.map((issue, k) => [m.model, issue.id, m.outcome ? m.outcome[k] : null, m.error ?? '']),
    );
    return rowsToCsv(['model', 'issue', 'outcome', 'error'], rows);
  }
  throw new CliError(`unknown table "${what}"; export stances, check or forecast`, EXIT.usage);
}

async function importStances(file: string, table: string, opts: { output?: string; inPlace?: boolean }) {
  if (!opts.output && !opts.inPlace)
    throw new CliError(
      'say where to write the result: -o NEW.yaml, or --in-place to update the case file',
      EXIT.usage,
    );
  const current = await readCaseFile(file);
  if (!current.ok)
    throw new CliError(
      `${file} is not a valid case; fix it first:\n${current.issues.map(formatIssue).join('\n')}`,
      EXIT.invalid,
    );
  let csvText: string;
  try {
    csvText = await readFile(table, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${table}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      EXIT.unreadable,
    );
  }
  const imported = stancesFromCsv(csvText);
  if (imported.problems.length > 0)
    throw new CliError(
      imported.problems
        .map((p) => `${table}:${p.line}: ${p.column ? `${p.column}: ` : ''}${p.message}`)
        .join('\n'),
      EXIT.invalid,
    );
  if (/^\s*[{[]/.test(current.text))
    throw new CliError('csv import writes YAML case files; convert the JSON case to YAML first', EXIT.usage);
  const doc = parseDocument(current.text);
  if (!isMap(doc.contents)) throw new CliError(`${file}: the case is not a mapping`, EXIT.invalid);
  const existing = doc.get('stances');
  if (!isSeq(existing)) doc.set('stances', doc.createNode([]));
  const seq = doc.get('stances');
  if (!isSeq(seq)) throw new CliError(`${file}: stances is not a list`, EXIT.invalid);
  for (const s of imported.stances) seq.add(doc.createNode(s, { flow: false }));
  const lineBreak = current.text.includes('\r\n') ? '\r\n' : '\n';
  const text = doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, lineBreak);
  const checked = parseCase(text);
  if (!checked.ok)
    throw new CliError(
      `the imported rows do not fit the case; nothing was written:\n${checked.issues.map(formatIssue).join('\n')}`,
      EXIT.invalid,
    );
  await writeAtomically(opts.output ?? file, text);
  print(
    `added ${imported.stances.length} stance${imported.stances.length === 1 ? '' : 's'} → ${opts.output ?? file}`,
  );
}

export function register(program: Command): void {
  const csv = program
    .command('csv')
    .description('CSV tables for spreadsheets: export analyses, import stances');
  csv
    .command('export')
    .description('write stances, a check matrix (needs PROPOSAL) or a forecast as CSV')
    .argument('<what>', 'stances | check | forecast')
    .argument('<case>', 'case file')
    .argument('[proposal]', 'proposal id (for check)')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD)')
    .option('--scenario <id>', 'apply a scenario overlay first')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (what: string, file: string, proposal: string | undefined, opts: ExportOptions) => {
      await emit(await exportTable(what, file, proposal, opts), opts.output);
    });
  csv
    .command('import')
    .description(
      'add the stances of a CSV table (actor,issue,date,position,salience,redLine,source,quote,note) to a case',
    )
    .argument('<case>', 'case file (YAML)')
    .argument('<table>', 'CSV file; redLine is "min..max" or option ids separated by "|"')
    .option('-o, --output <file>', 'write the updated case here')
    .option('--in-place', 'update the case file itself')
    .action(async (file: string, table: string, opts: { output?: string; inPlace?: boolean }) => {
      await importStances(file, table, opts);
    });
}
