/**
 * Stance tables as CSV: one row per dated stance (actor, issue, date, position, salience, red line, source,
 * quote, note). Export writes every stance of a case; import turns rows into stance records that the case
 * schema then validates like any hand-written stance, so a spreadsheet never bypasses validation.
 *
 * Red lines in a cell: `min..max` (either side may be empty: `..40`, `60..`) or option ids separated by `|`.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Case, Stance } from '../../case/index.js';

export const STANCE_COLUMNS = [
  'actor',
  'issue',
  'date',
  'position',
  'salience',
  'redLine',
  'source',
  'quote',
  'note',
] as const;

type RedLine = NonNullable<Stance['redLine']>;

export function formatRedLine(r: RedLine | undefined): string {
  if (!r) return '';
  if (r.options) return r.options.join('|');
  return `${r.min ?? ''}..${r.max ?? ''}`;
}

/** Every stance of the case as CSV with a header row. */
export function stancesToCsv(c: Case): string {
  const rows = c.stances.map((s) => {
    const first = s.sources[0];
    return [
      s.actor,
      s.issue,
      s.date,
      String(s.position),
      String(s.salience),
      formatRedLine(s.redLine),
      first?.source ?? '',
      first?.quote ?? '',
      s.note ?? '',
    ];
  });
  return stringify([[...STANCE_COLUMNS], ...rows]);
}

/** A problem with one row of an imported table, located by its line in the file. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

export interface ImportedStances {
  /** Stance records as a case file would hold them (the schema validates them afterwards). */
  stances: Record<string, unknown>[];
  problems: RowProblem[];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function parseRedLine(cell: string): Record<string, unknown> | string {
  const m = /^\s*(-?\d+(?:\.\d+)?)?\s*\.\.\s*(-?\d+(?:\.\d+)?)?\s*$/.exec(cell);
  if (m) {
    if (m[1] === undefined && m[2] === undefined)
      return 'a range needs min, max or both, e.g. "..40" or "60..80"';
    return {
      ...(m[1] !== undefined ? { min: Number(m[1]) } : {}),
      ...(m[2] !== undefined ? { max: Number(m[2]) } : {}),
    };
  }
  const options = cell
    .split('|')
    .map((o) => o.trim())
    .filter(Boolean);
  return options.length > 0 ? { options } : 'write a range "min..max" or option ids separated by "|"';
}

function rowToStance(
  row: Record<string, string>,
  line: number,
  problems: RowProblem[],
): Record<string, unknown> {
  const problem = (column: string, message: string) => problems.push({ line, column, message });
  const stance: Record<string, unknown> = { actor: row.actor, issue: row.issue, date: row.date };
  for (const required of ['actor', 'issue', 'date', 'position', 'salience'] as const)
    if (!row[required]) problem(required, `the ${required} column is empty`);
  const position = row.position ?? '';
  stance.position = NUMBER.test(position) ? Number(position) : position;
  const salience = row.salience ?? '';
  if (salience && !NUMBER.test(salience)) problem('salience', `"${salience}" is not a number (0–100)`);
  stance.salience = Number(salience);
  if (row.redLine) {
    const r = parseRedLine(row.redLine);
    if (typeof r === 'string') problem('redLine', r);
    else stance.redLine = r;
  }
  if (row.source) stance.sources = [{ source: row.source, ...(row.quote ? { quote: row.quote } : {}) }];
  else if (row.quote) problem('quote', 'a quote needs a source id in the source column');
  if (row.note) stance.note = row.note;
  return stance;
}

/** Reads a stance table; every row problem is collected (with its line), none stops the others. */
export function stancesFromCsv(text: string): ImportedStances {
  const problems: RowProblem[] = [];
  let records: { record: Record<string, string>; line: number }[];
  try {
    records = (
      parse(text, {
        columns: (header: string[]) => header.map((h) => h.trim()),
        skip_empty_lines: true,
        trim: true,
        bom: true,
        info: true,
        relax_column_count: false,
      }) as { record: Record<string, string>; info: { lines: number } }[]
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    return {
      stances: [],
      problems: [{ line: err.lines ?? 1, column: '', message: err.message ?? String(e) }],
    };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const unknown = header.filter((h) => !(STANCE_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0)
    problems.push({
      line: 1,
      column: unknown.join(', '),
      message: `unknown column(s); the columns are ${STANCE_COLUMNS.join(', ')}`,
    });
  const stances = records.map(({ record, line }) => rowToStance(record, line, problems));
  return { stances, problems };
}

/** Check matrix of a red-line check as CSV: one row per point and actor. */
export function rowsToCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return stringify([
    header,
    ...rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))),
  ]);
}
