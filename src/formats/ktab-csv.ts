/**
 * KTAB scenario files, CSV flavour (KTAB smpc's reader, docs/models/SMP.md §2.1), and the scenario record both KTAB
 * readers produce. Pure: text in, a scenario or every located problem out.
 */
import type { CaseIssue, CaseIssueCode, CasePath } from '../case/issues.js';

/** One KTAB actor as written in the file (positions and saliences on 0–100). */
export interface KtabActor {
  name: string;
  description: string;
  capability: number;
  position: number[];
  salience: number[];
}

/** A KTAB scenario as read from a CSV or XML file. Names keep their white space, as KTAB keeps it. */
export interface KtabScenario {
  format: 'csv' | 'xml';
  name: string;
  description: string;
  dimensions: string[];
  actors: KtabActor[];
  /** The nine model parameters by KTAB name (XML only; CSV runs use the defaults). */
  parameters?: Record<string, string>;
  /** Ideal-accommodation matrix A[i][j] (XML only; identity when absent). */
  accommodation?: number[][];
  /** KTAB's `prngSeed`, an unsigned 64-bit decimal kept as text (XML only). */
  seed?: string;
}

export type KtabParseResult =
  { ok: true; scenario: KtabScenario; warnings: CaseIssue[] } | { ok: false; issues: CaseIssue[] };

/** KTAB's reader limits (docs/models/SMP.md §2.1). */
export const KTAB_LIMITS = {
  minActors: 3,
  maxActors: 250,
  maxScenarioText: 512,
  maxDimensionName: 256,
  maxActorName: 25,
  maxActorDescription: 256,
  maxCapability: 1e8,
  /** Saliences summing to 100 may come out a hair above it in floating point (docs/models/SMP.md §12.11). */
  salienceSumTolerance: 1e-9,
} as const;

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A strict decimal number (no empty text, no NaN/Infinity, no hex), or undefined. */
export function parseKtabNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const x = Number(text);
  return Number.isFinite(x) ? x : undefined;
}

interface Field {
  text: string;
  column: number;
}

/** Splits one CSV line; double quotes around a field are removed (a quoted field may hold commas). */
function splitLine(line: string): Field[] {
  const fields: Field[] = [];
  let i = 0;
  for (;;) {
    const column = i + 1;
    let text = '';
    if (line[i] === '"') {
      let j = i + 1;
      while (j < line.length) {
        if (line[j] === '"' && line[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (line[j] === '"') {
          j++;
          break;
        } else text += line[j++];
      }
      const comma = line.indexOf(',', j);
      text += line.slice(j, comma === -1 ? line.length : comma);
      i = comma === -1 ? line.length : comma;
    } else {
      const comma = line.indexOf(',', i);
      text = line.slice(i, comma === -1 ? line.length : comma);
      i = comma === -1 ? line.length : comma;
    }
    // Point at the value, not at the spaces KTAB files put after commas.
    const lead = text.length - text.trimStart().length;
    fields.push({ text, column: text.trim() === '' ? column : column + lead });
    if (i >= line.length) return fields;
    i++; // past the comma
  }
}

/** Collects issues with a fixed shape; `line`/`column` are 1-based. */
class Problems {
  readonly errors: CaseIssue[] = [];
  readonly warnings: CaseIssue[] = [];
  error(code: CaseIssueCode, path: CasePath, message: string, hint: string, line?: number, column?: number) {
    this.errors.push(located({ code, severity: 'error', path, message, hint }, line, column));
  }
  warn(code: CaseIssueCode, path: CasePath, message: string, hint: string, line?: number, column?: number) {
    this.warnings.push(located({ code, severity: 'warning', path, message, hint }, line, column));
  }
}

function located(issue: CaseIssue, line?: number, column?: number): CaseIssue {
  if (line !== undefined) issue.line = line;
  if (column !== undefined) issue.column = column;
  return issue;
}

/** Parses a KTAB CSV scenario and applies KTAB's validation rules, plus the run-time ones it should have. */
export function parseKtabCsv(text: string): KtabParseResult {
  const p = new Problems();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const row = (index: number) => (lines[index] === undefined ? undefined : splitLine(lines[index]!));
  const head = row(0);
  if (!head || head.length < 4) {
    p.error(
      'ktab_csv_header',
      ['scenario'],
      'the first line must read: scenario name, description, number of actors, number of dimensions',
      'start the file with e.g. `MyScenario,"what it is about",7,3`',
      1,
    );
    return { ok: false, issues: p.errors };
  }
  const name = head[0]!.text;
  const description = head[1]!.text;
  for (const [field, label] of [
    [head[0]!, 'scenario name'],
    [head[1]!, 'scenario description'],
  ] as const) {
    if (field.text.length > KTAB_LIMITS.maxScenarioText) {
      p.error(
        'ktab_too_long',
        ['scenario'],
        `the ${label} has ${field.text.length} characters; KTAB allows ${KTAB_LIMITS.maxScenarioText}`,
        'shorten it',
        1,
        field.column,
      );
    }
  }
  const n = parseKtabNumber(head[2]!.text);
  const k = parseKtabNumber(head[3]!.text);
  if (n === undefined || !Number.isInteger(n) || n < KTAB_LIMITS.minActors || n > KTAB_LIMITS.maxActors) {
    p.error(
      'ktab_actor_count',
      ['scenario', 'actors'],
      `the number of actors must be a whole number from ${KTAB_LIMITS.minActors} to ${KTAB_LIMITS.maxActors}; got "${head[2]!.text.trim()}"`,
      'put the count of actor lines in the third field of line 1',
      1,
      head[2]!.column,
    );
  }
  if (k === undefined || !Number.isInteger(k) || k < 1) {
    p.error(
      'ktab_dimension_count',
      ['scenario', 'dimensions'],
      `the number of dimensions must be a whole number ≥ 1; got "${head[3]!.text.trim()}"`,
      'put the count of dimensions in the fourth field of line 1',
      1,
      head[3]!.column,
    );
  }
  if (p.errors.length > 0) return { ok: false, issues: p.errors };
  const nActors = n!;
  const nDims = k!;
  const width = 3 + 2 * nDims;

  const header = row(1);
  const dimensions: string[] = [];
  if (!header || header.length < width) {
    p.error(
      'ktab_csv_columns',
      ['dimensions'],
      `line 2 must have ${width} fields (actor, description, power, then a position and a salience label per dimension); it has ${header?.length ?? 0}`,
      'check the number of dimensions on line 1 against the header',
      2,
    );
    return { ok: false, issues: p.errors };
  }
  for (let d = 0; d < nDims; d++) {
    const field = header[3 + 2 * d]!;
    if (field.text.length > KTAB_LIMITS.maxDimensionName) {
      p.error(
        'ktab_too_long',
        ['dimensions', d],
        `dimension name has ${field.text.length} characters; KTAB allows ${KTAB_LIMITS.maxDimensionName}`,
        'shorten it',
        2,
        field.column,
      );
    }
    dimensions.push(field.text);
  }

  const actors: KtabActor[] = [];
  for (let i = 0; i < nActors; i++) {
    const lineNo = i + 3;
    const fields = row(i + 2);
    if (!fields || (fields.length === 1 && fields[0]!.text.trim() === '')) {
      p.error(
        'ktab_csv_missing_actor',
        ['actors', i],
        fields
          ? `line ${lineNo} is empty, but line 1 announces ${nActors} actors (actor ${i + 1} belongs here)`
          : `line 1 announces ${nActors} actors but the file ends after ${i}`,
        'add the missing actor lines or correct the count on line 1',
        lineNo,
      );
      break;
    }
    const actor = readActorLine(fields, i, lineNo, nDims, p);
    if (actor) actors.push(actor);
  }
  for (let extra = nActors + 2; extra < lines.length; extra++) {
    if (lines[extra]!.trim() === '') continue;
    p.warn(
      'ktab_csv_extra_line',
      [],
      `line ${extra + 1} is beyond the ${nActors} announced actors and is ignored (as KTAB ignores it)`,
      'raise the actor count on line 1 if the line is an actor',
      extra + 1,
    );
    break;
  }
  if (p.errors.length > 0) return { ok: false, issues: p.errors };
  checkUniqueNames(actors, p, (i) => i + 3);
  return {
    ok: true,
    scenario: { format: 'csv', name, description, dimensions, actors },
    warnings: p.warnings,
  };
}

function readActorLine(
  fields: Field[],
  i: number,
  lineNo: number,
  nDims: number,
  p: Problems,
): KtabActor | undefined {
  const width = 3 + 2 * nDims;
  const path = ['actors', i];
  // A trailing comma leaves one empty field; anything else past the expected width is suspicious.
  const meaningful = fields.filter((f, x) => x < width || f.text.trim() !== '');
  if (meaningful.length < width) {
    p.error(
      'ktab_csv_columns',
      path,
      `an actor line needs ${width} fields (name, description, capability, then position and salience per dimension); this one has ${fields.length}`,
      'check for a missing value or comma',
      lineNo,
    );
    return undefined;
  }
  if (meaningful.length > width) {
    p.warn(
      'ktab_csv_extra_fields',
      path,
      `${meaningful.length - width} field(s) beyond the ${nDims} dimensions are ignored`,
      'check the number of dimensions on line 1',
      lineNo,
      meaningful[width]!.column,
    );
  }
  const name = fields[0]!;
  const description = fields[1]!;
  if (name.text.length < 1 || name.text.length > KTAB_LIMITS.maxActorName) {
    p.error(
      'ktab_actor_name',
      [...path, 'name'],
      `actor names have 1 to ${KTAB_LIMITS.maxActorName} characters; "${name.text}" has ${name.text.length}`,
      'shorten or fill in the name',
      lineNo,
      name.column,
    );
  }
  if (description.text.length > KTAB_LIMITS.maxActorDescription) {
    p.error(
      'ktab_too_long',
      [...path, 'description'],
      `actor description has ${description.text.length} characters; KTAB allows ${KTAB_LIMITS.maxActorDescription}`,
      'shorten it',
      lineNo,
      description.column,
    );
  }
  const who = name.text.trim() || `actor ${i + 1}`;
  const num = (f: Field, what: CasePath, label: string): number | undefined => {
    const x = parseKtabNumber(f.text);
    if (x === undefined) {
      p.error(
        'ktab_not_a_number',
        [...path, ...what],
        `${who}: ${label} "${f.text.trim()}" is not a number`,
        'write a plain decimal number such as 42.5',
        lineNo,
        f.column,
      );
    }
    return x;
  };
  const capability = num(fields[2]!, ['capability'], 'capability');
  if (capability !== undefined)
    checkCapability(capability, who, [...path, 'capability'], p, lineNo, fields[2]!.column);
  const position: number[] = [];
  const salience: number[] = [];
  for (let d = 0; d < nDims; d++) {
    const pf = fields[3 + 2 * d]!;
    const sf = fields[4 + 2 * d]!;
    const pos = num(pf, ['position', d], `position on dimension ${d + 1}`);
    const sal = num(sf, ['salience', d], `salience on dimension ${d + 1}`);
    if (pos !== undefined) checkPosition(pos, who, d, [...path, 'position', d], p, lineNo, pf.column);
    if (sal !== undefined) checkSalience(sal, who, d, [...path, 'salience', d], p, lineNo, sf.column);
    position.push(pos ?? NaN);
    salience.push(sal ?? NaN);
  }
  checkSalienceTotal(salience, who, [...path, 'salience'], p, lineNo);
  return {
    name: name.text,
    description: description.text,
    capability: capability ?? NaN,
    position,
    salience,
  };
}

/** Capability must be > 0 (KTAB's reader accepts 0, then its run fails: docs/models/SMP.md §12.6) and ≤ 1e8. */
export function checkCapability(
  c: number,
  who: string,
  path: CasePath,
  p: Problems,
  line?: number,
  column?: number,
): void {
  if (c <= 0 || c > KTAB_LIMITS.maxCapability) {
    p.error(
      'ktab_capability',
      path,
      `${who}: capability ${c} must be above 0 and at most ${KTAB_LIMITS.maxCapability}`,
      c === 0
        ? 'an actor without capability cannot take part in SMP; give it a small value or remove it'
        : 'fix the value',
      line,
      column,
    );
  }
}

export function checkPosition(
  x: number,
  who: string,
  d: number,
  path: CasePath,
  p: Problems,
  line?: number,
  column?: number,
): void {
  if (x < 0 || x > 100) {
    p.error(
      'ktab_position_range',
      path,
      `${who}: position ${x} on dimension ${d + 1} is outside 0–100`,
      'KTAB positions run from 0 to 100',
      line,
      column,
    );
  }
}

export function checkSalience(
  s: number,
  who: string,
  d: number,
  path: CasePath,
  p: Problems,
  line?: number,
  column?: number,
): void {
  if (s < 0 || s > 100) {
    p.error(
      'ktab_salience_range',
      path,
      `${who}: salience ${s} on dimension ${d + 1} is outside 0–100`,
      'KTAB saliences run from 0 to 100',
      line,
      column,
    );
  }
}

/** An actor's saliences must sum to more than 0 and at most 100 (with a round-off tolerance). */
export function checkSalienceTotal(
  saliences: number[],
  who: string,
  path: CasePath,
  p: Problems,
  line?: number,
): void {
  if (saliences.some((s) => !Number.isFinite(s))) return;
  const total = saliences.reduce((a, s) => a + s, 0);
  if (total > 100 + KTAB_LIMITS.salienceSumTolerance * 100) {
    p.error(
      'ktab_salience_sum',
      path,
      `${who}: saliences sum to ${+total.toFixed(6)}, more than 100`,
      'saliences are shares of the actor’s attention; scale them so they add up to at most 100',
      line,
    );
  } else if (total === 0) {
    p.error(
      'ktab_salience_zero',
      path,
      `${who}: every salience is 0`,
      'an actor that cares about nothing cannot take part in SMP (KTAB aborts); give it some salience or remove it',
      line,
    );
  }
}

/** Duplicate actor names are legal in KTAB but make accommodation pairs (found by name) ambiguous. */
export function checkUniqueNames(
  actors: KtabActor[],
  p: Problems,
  lineOf: (i: number) => number | undefined,
) {
  const seen = new Map<string, number>();
  actors.forEach((a, i) => {
    const first = seen.get(a.name);
    if (first !== undefined) {
      p.warn(
        'ktab_duplicate_actor',
        ['actors', i, 'name'],
        `actor name "${a.name}" is used twice (actors ${first + 1} and ${i + 1})`,
        'give every actor a distinct name; KTAB matches accommodation pairs to the first',
        lineOf(i),
      );
    } else seen.set(a.name, i);
  });
}

export { Problems as KtabProblems };
