/**
 * Reader for the DEU III data set (Decision-making in the European Union; Arregui & Perarnaud 2021,
 * doi:10.34810/data53, CC BY 4.0) in the tab-separated redistribution described in
 * docs/models/baselines.md §5: one row per controversial issue, `p<actor>`/`s<actor>` columns for 30
 * actors, the reference point `rp` and the outcome `out`, all on 0–100. Pure: text in, rows and problems out.
 */

/** The 30 actor codes in the order of the `p`/`s` columns. */
export const DEU_ACTORS = [
  'com', 'ep', 'at', 'be', 'bu', 'cr', 'cy', 'cz', 'dk', 'ee', 'fi', 'fr', 'de', 'el', 'hu',
  'ie', 'it', 'lv', 'lt', 'lu', 'mt', 'nl', 'pl', 'pt', 'ro', 'si', 'sk', 'es', 'se', 'uk',
] as const; // prettier-ignore

export type DeuActor = (typeof DEU_ACTORS)[number];

export interface DeuRow {
  /** 1-based line number in the file. */
  line: number;
  proposal: string;
  proposalName: string;
  issue: string;
  procedure: string;
  councilRule: string;
  /** Position and salience per actor; null where blank. */
  position: Record<DeuActor, number | null>;
  salience: Record<DeuActor, number | null>;
  referencePoint: number | null;
  outcome: number | null;
}

export interface DeuProblem {
  line: number;
  column: string;
  message: string;
}

export type DeuParseResult =
  { ok: true; rows: DeuRow[]; warnings: DeuProblem[] } | { ok: false; problems: DeuProblem[] };

const REQUIRED = ['prnr', 'isnr', 'rp', 'out', ...DEU_ACTORS.flatMap((a) => [`p${a}`, `s${a}`])];

function unquote(field: string): string {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

/** Parses DEU III text. Blank cells are missing values; any other non-number is a located problem. */
export function parseDeu(text: string): DeuParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map(unquote);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: missing.join(', '),
          message: `the header lacks column(s) ${missing.join(', ')}; is this the tab-separated DEU III file?`,
        },
      ],
    };
  }
  const col = new Map(header.map((h, k) => [h, k]));
  const problems: DeuProblem[] = [];
  const warnings: DeuProblem[] = [];
  const rows: DeuRow[] = [];
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (k === 0 || raw.trim() === '') return;
    const cells = raw.split('\t').map(unquote);
    const get = (name: string) => cells[col.get(name)!] ?? '';
    // The redistribution's second row holds GDP figures under the position columns and no proposal id: skip it.
    if (get('prnr') === '') {
      warnings.push({
        line,
        column: 'prnr',
        message: 'row without a proposal id skipped (the GDP row of this copy)',
      });
      return;
    }
    const num = (name: string): number | null => {
      const v = get(name);
      if (v === '') return null;
      const x = Number(v);
      if (!Number.isFinite(x)) {
        problems.push({ line, column: name, message: `"${v}" is not a finite number` });
        return null;
      }
      if (x < 0 || x > 100) {
        // Out-of-range values are treated as missing, as the reference filter does.
        warnings.push({ line, column: name, message: `${x} is off the 0–100 scale; treated as missing` });
        return null;
      }
      return x;
    };
    const position = {} as Record<DeuActor, number | null>;
    const salience = {} as Record<DeuActor, number | null>;
    for (const a of DEU_ACTORS) {
      position[a] = num(`p${a}`);
      salience[a] = num(`s${a}`);
    }
    rows.push({
      line,
      proposal: get('prnr'),
      proposalName: get('prname'),
      issue: get('isnr'),
      procedure: get('proc'),
      councilRule: get('counvte'),
      position,
      salience,
      referencePoint: num('rp'),
      outcome: num('out'),
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows, warnings };
}
