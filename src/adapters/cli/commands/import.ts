/**
 * `redline import ktab FILE.csv|xml [-o CASE.yaml]`: converts a KTAB scenario file into a Redline case —
 * actors with capability, one 0–100 issue per dimension, one stance per actor and issue, and the SMP
 * parameters and accommodation of an XML file under `forecast.models.smp`.
 */
import { open, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { Document } from 'yaml';
import { formatIssue, parseCase, type CaseInput, type CaseIssue } from '../../../case/index.js';
import { SMP_KTAB_PARAMETER_ORDER, SMP_KTAB_XML_PARAMETER_NAMES } from '../../../engines/bargaining/index.js';
import { parseKtabCsv, parseKtabXml, type KtabScenario } from '../../../formats/index.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, printWarnings } from '../output.js';

/** KTAB files beyond this size are refused before reading (the largest shipped one is 8 kB). */
const MAX_KTAB_BYTES = 20 * 1024 * 1024;

export interface KtabToCaseOptions {
  /** Date of the imported stances (YYYY-MM-DD). */
  date: string;
  /** File name, used for the case id when the scenario has no usable name. */
  fileName: string;
}

/** A lower-case id from free text, as the case schema wants it (letters, digits, ".", "_", "-"). */
function toId(text: string, fallback: string): string {
  const id = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 72);
  return id === '' ? fallback : id;
}

/** Distinct ids for a list of names: a clash gets "-2", "-3", … */
function uniqueIds(names: string[], fallback: (i: number) => string): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const base = toId(name, fallback(i));
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
}

/**
 * The Redline case for a KTAB scenario, plus notes on what the case model cannot hold. Names are trimmed
 * (KTAB keeps the spaces after commas); KTAB's 0–100 positions and saliences carry over unchanged.
 */
/**
 * KTAB compatibility of the imported SMP parameters (changes `smp` in place): a file asking for a bargaining
 * model that uses the receiver's view (InitRcvrInterp, PWCompInterp) gets KTAB's interpolation of that view
 * (receiverBargainWeight: ktabUtilityGain, docs/models/SMP.md §12.1), so the import reproduces KTAB's run; and inputs KTAB
 * itself cannot run are named with the reason. Returns what it says about both.
 */
export function ktabCompatibility(smp: Record<string, unknown>): string[] {
  const notes: string[] = [];
  if (smp.bargnModel === 'InitRcvrInterp' || smp.bargnModel === 'PWCompInterp') {
    smp.receiverBargainWeight = 'ktabUtilityGain';
    notes.push(
      `BargnModel ${String(smp.bargnModel)} uses the receiver's view of each bargain, which KTAB interpolates with a ` +
        'utility gain where a probability belongs (docs/models/SMP.md §12.1); set forecast.models.smp.receiverBargainWeight: ' +
        'ktabUtilityGain so the forecast reproduces KTAB (use "probability" for the corrected model)',
    );
  }
  if (smp.bigRAdjust === 'Full')
    notes.push(
      'BigRAdjust Full: KTAB itself cannot run this input — every estimator then knows every risk attitude, so ' +
        'its estimated utilities equal the true ones and KTAB stops at its sanity check (docs/models/SMP.md §5 step 8); ' +
        'Redline runs it, with no KTAB result to compare against',
    );
  return notes;
}

export function ktabToCase(
  s: KtabScenario,
  options: KtabToCaseOptions,
): { case: CaseInput; actorNotes: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const actorIds = uniqueIds(
    s.actors.map((a) => a.name.trim()),
    (i) => `actor-${i + 1}`,
  );
  const issueIds = uniqueIds(
    s.dimensions.map((d) => d.trim()),
    (k) => `dimension-${k + 1}`,
  );
  const title = s.name.trim() || basename(options.fileName, extname(options.fileName));
  const origin = `Imported from the KTAB ${s.format.toUpperCase()} scenario file ${basename(options.fileName)}.`;
  const description = s.description.trim() ? `${s.description.trim()}\n\n${origin}` : origin;
  const smp: Record<string, unknown> = {};
  for (const key of SMP_KTAB_PARAMETER_ORDER) {
    const value = s.parameters?.[SMP_KTAB_XML_PARAMETER_NAMES[key]];
    if (value !== undefined) smp[key] = value;
  }
  if (s.accommodation) {
    const pairs = [];
    for (let i = 0; i < s.actors.length; i++) {
      for (let j = 0; j < s.actors.length; j++) {
        const weight = s.accommodation[i]![j]!;
        if (weight !== (i === j ? 1 : 0)) pairs.push({ actor: actorIds[i]!, toward: actorIds[j]!, weight });
      }
    }
    if (pairs.length > 0) smp.accommodation = pairs;
  }
  warnings.push(...ktabCompatibility(smp));
  if (s.seed !== undefined) {
    warnings.push(
      `KTAB's prngSeed ${s.seed} is not carried over: Redline seeds a forecast with --seed (KTAB's own ` +
        'stochastic runs are not reproducible anyway)',
    );
  }
  const c: CaseInput = {
    format: 1,
    id: toId(title, 'ktab-scenario'),
    title,
    description,
    actors: s.actors.map((a, i) => ({
      id: actorIds[i]!,
      name: a.name.trim() || actorIds[i]!,
      kind: 'group',
      capability: a.capability,
    })),
    issues: s.dimensions.map((d, k) => ({
      id: issueIds[k]!,
      name: d.trim() || `Dimension ${k + 1}`,
      description: `KTAB dimension ${k + 1}; positions on the file's 0–100 scale.`,
      scale: { kind: 'continuous', anchors: [] },
    })),
    stances: s.actors.flatMap((a, i) =>
      s.dimensions.map((_, k) => ({
        actor: actorIds[i]!,
        issue: issueIds[k]!,
        date: options.date,
        position: a.position[k]!,
        salience: a.salience[k]!,
      })),
    ),
    ...(Object.keys(smp).length > 0 ? { forecast: { models: { smp } } } : {}),
  };
  const actorNotes = s.actors.map((a) => a.description.trim());
  return { case: c, actorNotes, warnings };
}

/** The case as YAML, each actor preceded by a comment with its KTAB description (the case has no field). */
export function caseToYaml(c: CaseInput, actorNotes: string[]): string {
  const doc = new Document(c);
  doc.commentBefore =
    ' Converted from a KTAB scenario by `redline import ktab`. KTAB has no actor kinds: every actor is a\n' +
    ' "group" until you say otherwise. Stances carry the file\'s 0–100 positions and saliences unchanged.';
  actorNotes.forEach((note, i) => {
    const node = doc.getIn(['actors', i], true) as { commentBefore?: string } | undefined;
    if (node && note) node.commentBefore = ` KTAB description: ${note.replace(/\s+/g, ' ')}`;
  });
  return doc.toString({ lineWidth: 0 });
}

async function readText(path: string): Promise<string> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new CliError(`${path}: not a regular file`, EXIT.unreadable);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`,
      EXIT.unreadable,
    );
  }
  if (size > MAX_KTAB_BYTES)
    throw new CliError(
      `${path}: ${(size / 1048576).toFixed(1)} MB is too large for a KTAB scenario (limit ${MAX_KTAB_BYTES / 1048576} MB)`,
      EXIT.unreadable,
    );
  const fh = await open(path, 'r');
  let bytes: Buffer;
  try {
    bytes = await fh.readFile();
  } finally {
    await fh.close();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path}: not UTF-8 text; save the KTAB file as UTF-8 CSV or XML`, EXIT.unreadable);
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface ImportOptions {
  output?: string;
  date?: string;
  force?: boolean;
  json?: boolean;
}

async function importKtab(file: string, opts: ImportOptions): Promise<void> {
  if (
    opts.date !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || Number.isNaN(Date.parse(opts.date)))
  )
    throw new CliError(`--date "${opts.date}" is not a date; write YYYY-MM-DD`, EXIT.usage);
  const ext = extname(file).toLowerCase();
  const text = await readText(file);
  const isXml =
    ext === '.xml' ||
    (ext !== '.csv' &&
      text
        .replace(/^\uFEFF/, '')
        .trimStart()
        .startsWith('<'));
  const parsed = isXml ? parseKtabXml(text) : parseKtabCsv(text);
  const located = (issues: CaseIssue[]) => issues.map((i) => ({ ...i, file }));
  if (!parsed.ok) {
    const issues = located(parsed.issues);
    if (opts.json) printJson({ ok: false, file, issues });
    else for (const i of issues) process.stderr.write(`${color.red(formatIssue(i))}\n`);
    throw new CliError(
      `${file}: not a valid KTAB ${isXml ? 'XML' : 'CSV'} scenario (${issues.length} problem${issues.length === 1 ? '' : 's'})`,
      EXIT.invalid,
    );
  }
  const {
    case: c,
    actorNotes,
    warnings,
  } = ktabToCase(parsed.scenario, { date: opts.date ?? today(), fileName: file });
  const yaml = caseToYaml(c, actorNotes);
  // The converted case must itself be a valid case; anything else is a bug here.
  const check = parseCase(yaml);
  if (!check.ok)
    throw new Error(`import produced an invalid case: ${check.issues.map(formatIssue).join('; ')}`);
  const allWarnings = [...located(parsed.warnings), ...warnings];
  if (opts.output) {
    if (!opts.force) {
      const exists = await stat(opts.output).then(
        () => true,
        () => false,
      );
      if (exists) throw new CliError(`${opts.output} exists; add --force to overwrite it`, EXIT.usage);
    }
    await writeFile(opts.output, yaml, 'utf8');
  }
  const summary = `${c.actors.length} actors, ${c.issues.length} issues, ${c.stances?.length ?? 0} stances`;
  if (opts.json) {
    printJson({ ok: true, file, output: opts.output ?? null, case: check.case, warnings: allWarnings });
    return;
  }
  printWarnings(allWarnings);
  if (opts.output) print(`${color.green('✓')} wrote ${opts.output}: ${summary}`);
  else process.stdout.write(yaml);
}

export function register(program: Command): void {
  const cmd = program
    .command('import')
    .description('bring scenarios from other tools into a Redline case file');
  cmd
    .command('ktab')
    .description(
      'convert a KTAB scenario (CSV or XML) into a case: actors with capability, one 0–100 issue per dimension, stances, SMP parameters',
    )
    .argument('<file>', 'KTAB scenario file (.csv or .xml)')
    .option('-o, --output <case.yaml>', 'write the case to this file instead of standard output')
    .option('--date <date>', 'date of the imported stances (YYYY-MM-DD; default today)')
    .option('--force', 'overwrite the output file if it exists')
    .option('--json', 'machine-readable output: the case and any warnings as JSON')
    .action((file: string, opts: ImportOptions) => importKtab(file, opts));
}
