/**
 * `redline stability CASE|FILE.gmcr`: Graph Model stability analysis — per state, per decision maker, per
 * concept — with equilibria, and optionally coalitions, status-quo reachability and inverse GMCR.
 */
import { readFile, writeFile } from 'node:fs/promises';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { LineCounter, parseDocument } from 'yaml';
import { formatIssue, type CaseIssue } from '../../../case/index.js';
import {
  analyzePartition,
  analyzeStability,
  buildModel,
  coalitionNash,
  COALITION_NASH_MAX_STATES,
  codeOfYn,
  conflictFromCase,
  inverseGmcr,
  parsePartition,
  presentStability,
  STABILITY_CONCEPTS,
  statusQuoAnalysis,
  moveTree,
  type MoveTree,
  type MoveTreeNode,
  toCaseIssues,
  ynOf,
  type GmcrConflictSpec,
  type GmcrModel,
  type StabilityConcept,
  type StabilityResult,
} from '../../../engines/gmcr/index.js';
import { gmcrFilePath, readGmcrFile, writeGmcrFile } from '../../../formats/index.js';
import { loadCaseFile } from '../../files/load-case.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print, printJson, printWarnings, table } from '../output.js';

interface Opts {
  conflict?: string;
  concepts?: string;
  coalitions?: string;
  statusQuo?: string | true;
  depth?: string;
  tree?: string | true;
  inverse?: string;
  vary?: string[];
  compat?: string;
  sanctions?: string;
  seqSim?: string;
  saveGmcr?: string;
  json?: boolean;
}

/** The classic layout (states as columns) is printed up to this many states. */
const WIDE_TABLE_MAX = 24;

export function register(program: Command): void {
  program
    .command('stability')
    .description(
      'GMCR stability analysis (Nash, GMR, SMR, SEQ, SIM, SEQ+SIM) of a conflict in a case file or a gmcr-py .gmcr file',
    )
    .argument('<file>', 'case file (.yaml/.json) with `conflicts:`, or a gmcr-py .gmcr file')
    .option('--conflict <id>', 'which conflict of the case (needed when it has several)')
    .option('--concepts <list>', `comma-separated subset of ${STABILITY_CONCEPTS.join(',')}`)
    .option(
      '--coalitions <partition>',
      'analyse with coalitions, e.g. "[1,2],3" (GMCR+ numbering) or "us+eu"; "none" ignores coalitions stated in the file',
    )
    .option(
      '--status-quo [state]',
      'states reachable from this state (number or Y/N string; default: the conflict’s statusQuo)',
    )
    .option('--depth <n>', 'status-quo search depth in moves', '5')
    .option(
      '--tree [depth]',
      'with --status-quo: the full move tree to this depth (default 3), not only shortest paths',
    )
    .option('--inverse <state>', 'count preference profiles that make this state an equilibrium')
    .option(
      '--vary <dm=from-to...>',
      'inverse GMCR: ranking positions to permute for a decision maker (id or number), e.g. syria=1-6',
    )
    .option(
      '--compat <mode>',
      'standard (default) or gmcr-py (each opponent moves once in a sanction; SEQ+SIM = SEQ or SIM)',
    )
    .option('--sanctions <search>', 'standard or each-opponent-once')
    .option('--seq-sim <rule>', 'and (SEQ and SIM, default) or or (gmcr-py)')
    .option('--save-gmcr <path>', 'also write the conflict as a gmcr-py .gmcr file')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: Opts) => {
      const { model, spec, statusQuo } = await loadModel(file, opts);
      const concepts = parseConcepts(opts.concepts);
      if (opts.compat && !['standard', 'gmcr-py'].includes(opts.compat))
        throw new CliError(`--compat "${opts.compat}": use standard or gmcr-py`, EXIT.usage);
      if (opts.sanctions && !['standard', 'each-opponent-once'].includes(opts.sanctions))
        throw new CliError(`--sanctions "${opts.sanctions}": use standard or each-opponent-once`, EXIT.usage);
      if (opts.seqSim && !['and', 'or'].includes(opts.seqSim))
        throw new CliError(`--seq-sim "${opts.seqSim}": use and or or`, EXIT.usage);
      // Coalitions from the flag, else those the conflict or file states (when any has two or more members).
      let partition: number[][] | undefined = model.coalitions?.some((g) => g.length > 1)
        ? model.coalitions
        : undefined;
      if (opts.coalitions === 'none') partition = undefined;
      else if (opts.coalitions) {
        const p = parsePartition(opts.coalitions, model);
        if (!p.ok) throw new CliError(`--coalitions: ${p.message}`, EXIT.usage);
        partition = p.partition;
      }
      const settings = {
        concepts,
        compat: opts.compat as 'standard' | 'gmcr-py' | undefined,
        sanctions: opts.sanctions as 'standard' | 'each-opponent-once' | undefined,
        seqSim: opts.seqSim as 'and' | 'or' | undefined,
      };
      const partitionResult = partition ? analyzePartition(model, partition, settings) : undefined;
      const result =
        partitionResult?.withCoalitions ??
        analyzeStability(model, { ...settings, coalitions: model.dms.map((_, i) => [i]) });

      let sqState: number | undefined;
      if (opts.statusQuo !== undefined) {
        if (opts.statusQuo === true) {
          if (statusQuo === undefined)
            throw new CliError('--status-quo needs a state: this conflict states no statusQuo', EXIT.usage);
          sqState = statusQuo;
        } else sqState = parseState(opts.statusQuo, model, '--status-quo');
      }
      const depth = Number(opts.depth ?? 5);
      if (!Number.isInteger(depth) || depth < 1 || depth > 20)
        throw new CliError('--depth must be a whole number from 1 to 20', EXIT.usage);
      const sq =
        sqState !== undefined
          ? statusQuoAnalysis(model, sqState, { depth, coalitions: partition })
          : undefined;
      if (sq && opts.tree !== undefined) {
        const treeDepth = opts.tree === true ? 3 : Number(opts.tree);
        if (!Number.isInteger(treeDepth) || treeDepth < 1 || treeDepth > 10)
          throw new CliError('--tree depth must be a whole number from 1 to 10', EXIT.usage);
        sq.tree = moveTree(model, sqState!, { depth: treeDepth, coalitions: partition });
      }
      const inverse = opts.inverse !== undefined ? runInverse(model, opts) : undefined;

      if (opts.saveGmcr) {
        await writeFile(opts.saveGmcr, writeGmcrFile(spec, { payoffs: model.payoffs }));
        if (!opts.json) print(color.dim(`wrote ${opts.saveGmcr}`));
      }
      if (opts.json) {
        printJson({
          ...presentStability(model, result),
          coalitions: partitionResult
            ? {
                lost: partitionResult.lost,
                gained: partitionResult.gained,
                alone: partitionResult.alone.equilibria,
                coalitionNash: coalitionNashOf(model)?.stable ?? null,
              }
            : undefined,
          statusQuo: sq,
          inverse,
          warnings: result.warnings,
        });
        return;
      }
      printWarnings(result.warnings);
      render(model, result);
      if (partitionResult) renderPartition(model, partitionResult);
      if (sq) renderStatusQuo(model, sq, result);
      if (sq?.tree) renderTree(model, sq.tree);
      if (inverse) renderInverse(model, inverse);
    });
}

async function loadModel(
  file: string,
  opts: Opts,
): Promise<{ model: GmcrModel; spec: GmcrConflictSpec; statusQuo?: number }> {
  if (file.toLowerCase().endsWith('.gmcr')) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new CliError(
        `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
        EXIT.unreadable,
      );
    }
    const read = readGmcrFile(text);
    if (!read.ok) throw problems(file, read.issues);
    if (!opts.json) printWarnings(read.warnings.map((w) => ({ ...w, file })));
    const built = buildModel(read.spec);
    if (!built.ok)
      throw problems(
        file,
        built.issues.map((i) => ({ ...i, path: gmcrFilePath(i.path) })),
      );
    if (!opts.json) printWarnings(built.warnings.map((w) => ({ ...w, path: gmcrFilePath(w.path), file })));
    return {
      model: { ...built.model, name: built.model.name ?? file.replace(/^.*[\\/]/, '') },
      spec: read.spec,
    };
  }
  const loaded = await loadCaseFile(file);
  if (!opts.json) printWarnings(loaded.warnings);
  const locate = locator(loaded.text);
  const compiled = conflictFromCase(loaded.case, opts.conflict);
  if (!compiled.ok) throw problems(file, compiled.issues.map(locate));
  if (!opts.json) printWarnings(compiled.warnings.map(locate).map((w) => ({ ...w, file })));
  const built = buildModel(compiled.conflict.spec);
  if (!built.ok) throw problems(file, toCaseIssues(built.issues, compiled.conflict.casePath).map(locate));
  if (!opts.json)
    printWarnings(
      toCaseIssues(built.warnings, compiled.conflict.casePath)
        .map(locate)
        .map((w) => ({ ...w, file })),
    );
  const model = built.model;
  let statusQuo: number | undefined;
  if (compiled.conflict.statusQuo) {
    const taken = new Set(compiled.conflict.statusQuo);
    const code = model.options.reduce((acc, o, k) => (taken.has(o.id) ? acc | (1 << k) : acc), 0);
    const s = model.index.get(code);
    const at = locate({
      code: 'infeasible_status_quo',
      severity: 'error',
      path: ['conflicts', compiled.conflict.index, 'statusQuo'],
      message: '',
    });
    if (s < 0)
      throw problems(file, [
        {
          ...at,
          message: `the status quo ${ynOf(code, model.m)} is infeasible`,
          hint: 'check it against the feasibility conditions',
        },
      ]);
    statusQuo = s + 1;
  }
  return { model, spec: compiled.conflict.spec, statusQuo };
}

function problems(file: string, issues: CaseIssue[]): CliError {
  const errors = issues.filter((i) => i.severity === 'error');
  return new CliError(
    `${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${issues.map((i) => formatIssue({ ...i, file })).join('\n')}`,
    EXIT.invalid,
  );
}

/** Adds line and column to issues whose path exists in the YAML text. */
function locator(text: string): (i: CaseIssue) => CaseIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (i) => {
    for (let len = i.path.length; len > 0; len--) {
      const node = doc.getIn(i.path.slice(0, len), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { ...i, line: pos.line, column: pos.col };
      }
    }
    return i;
  };
}

function parseConcepts(text: string | undefined): StabilityConcept[] | undefined {
  if (!text) return undefined;
  return text.split(',').map((raw) => {
    const c = STABILITY_CONCEPTS.find((k) => k.toLowerCase() === raw.trim().toLowerCase());
    if (!c)
      throw new CliError(
        `--concepts: unknown concept "${raw.trim()}"; use ${STABILITY_CONCEPTS.join(', ')}`,
        EXIT.usage,
      );
    return c;
  });
}

function parseState(text: string, model: GmcrModel, flag: string): number {
  if (/^\d+$/.test(text)) {
    const s = Number(text);
    if (s >= 1 && s <= model.n) return s;
    throw new CliError(`${flag} ${text}: states are numbered 1..${model.n}`, EXIT.usage);
  }
  const code = codeOfYn(text.toUpperCase(), model.m);
  if (code === undefined)
    throw new CliError(
      `${flag} "${text}": give a state number or ${model.m} letters Y/N (one per option)`,
      EXIT.usage,
    );
  const s = model.index.get(code);
  if (s < 0) throw new CliError(`${flag} ${text.toUpperCase()} is an infeasible state`, EXIT.invalid);
  return s + 1;
}

function runInverse(model: GmcrModel, opts: Opts) {
  const desired = parseState(opts.inverse!, model, '--inverse');
  const vary: ({ from: number; to: number } | undefined)[] = model.dms.map(() => undefined);
  for (const v of opts.vary ?? []) {
    const m = /^(.+)=(\d+)-(\d+)$/.exec(v);
    const dm = m
      ? model.dms.findIndex(
          (d, i) => d.id === m[1] || d.name.toLowerCase() === m[1]!.toLowerCase() || String(i + 1) === m[1],
        )
      : -1;
    if (!m || dm < 0)
      throw new CliError(
        `--vary "${v}": write DM=FROM-TO with DM one of ${model.dms.map((d) => d.id).join(', ')}`,
        EXIT.usage,
      );
    vary[dm] = { from: Number(m[2]), to: Number(m[3]) };
  }
  if (!vary.some(Boolean)) for (let i = 0; i < vary.length; i++) vary[i] = { from: 1, to: model.n };
  try {
    return inverseGmcr(model, desired, { vary, compat: opts.compat === 'gmcr-py' ? 'gmcr-py' : 'standard' });
  } catch (e) {
    throw new CliError(`--inverse: ${(e as Error).message.replace(/^[\w/]+: /, '')}`, EXIT.usage);
  }
}

const mark = (ok: boolean) => (ok ? color.green('✓') : color.dim('·'));

/** Ordered numbers of the states in the returned set, ascending. */
function unionOf(r: StabilityResult, concepts: readonly StabilityConcept[]): number[] {
  const set = new Set(concepts.filter((c) => r.equilibria[c]).flatMap((c) => r.equilibria[c]!));
  return [...set].sort((a, b) => a - b);
}

/** State indices for the classic table: all states when few, else the equilibria when those are few. */
function tableStates(model: GmcrModel, r: StabilityResult): number[] | undefined {
  if (model.n <= WIDE_TABLE_MAX) return Array.from(model.codes, (_, s) => s);
  for (const concepts of [r.concepts, ['Nash', 'SEQ', 'SIM', 'SEQ+SIM'] as StabilityConcept[]]) {
    const u = unionOf(r, concepts);
    if (u.length > 0 && u.length <= WIDE_TABLE_MAX) return u.map((x) => x - 1);
  }
  return undefined;
}

function render(model: GmcrModel, r: StabilityResult): void {
  print(
    color.bold(
      `${model.name ?? model.id ?? 'conflict'}: ${model.dms.length} decision makers, ${model.m} options, ${model.n} feasible states`,
    ),
  );
  if (r.players.some((p) => p.members.length > 1))
    print(`players: ${r.players.map((p) => p.name).join(' | ')}`);
  print(
    color.dim(
      `sanctions: ${r.settings.sanctions}; SEQ+SIM = SEQ ${r.settings.seqSim === 'and' ? 'and' : 'or'} SIM; ✓ stable, · unstable, E equilibrium`,
    ),
  );
  const states = tableStates(model, r);
  if (states) {
    if (states.length < model.n)
      print(
        color.dim(
          `(${model.n} states: the table shows the ${states.length} that are equilibria under ${states.length === unionOf(r, r.concepts).length ? 'some concept' : 'Nash, SEQ, SIM or SEQ+SIM'}; --json has all)`,
        ),
      );
    const rows: string[][] = model.options.map((o) => [
      `${model.dms[o.owner]!.name}: ${o.name}`,
      ...states.map((s) => (model.codes[s]! & (1 << model.options.indexOf(o)) ? 'Y' : 'N')),
    ]);
    model.dms.forEach((d, i) =>
      rows.push([
        color.dim(`payoff ${d.name}`),
        ...states.map((s) => color.dim(String(model.payoffs[i]![s]))),
      ]),
    );
    for (const c of r.concepts) {
      r.players.forEach((p, pi) =>
        rows.push([`${c} ${p.name}`, ...states.map((s) => mark(r.stable[c]![pi]![s] === 1))]),
      );
      const eq = new Set(r.equilibria[c]);
      rows.push([
        color.bold(`${c} equilibrium`),
        ...states.map((s) => (eq.has(s + 1) ? color.bold(color.cyan('E')) : '')),
      ]);
    }
    print(compactTable(['state', ...states.map((s) => String(s + 1))], rows));
  }
  print(
    table(
      ['concept', 'equilibria', 'count'],
      r.concepts.map((c) => {
        const eq = r.equilibria[c]!;
        const shown = eq.slice(0, 12).map((s) => `${s} ${ynOf(model.codes[s - 1]!, model.m)}`);
        return [c, shown.join(', ') + (eq.length > 12 ? ', …' : '') || '–', String(eq.length)];
      }),
    ),
  );
}

function renderPartition(model: GmcrModel, p: ReturnType<typeof analyzePartition>): void {
  print(
    color.bold(
      `\nCoalitions: ${p.partition.map((g) => g.map((i) => model.dms[i]!.name).join(' + ')).join(' | ')}`,
    ),
  );
  for (const c of p.withCoalitions.concepts) {
    const lost = p.lost[c]!;
    const gained = p.gained[c]!;
    if (lost.length || gained.length)
      print(
        `  ${c}: ${lost.length ? `no longer equilibria ${lost.join(', ')}` : ''}${lost.length && gained.length ? '; ' : ''}${gained.length ? `new equilibria ${gained.join(', ')}` : ''}`,
      );
  }
  if (p.withCoalitions.concepts.every((c) => !p.lost[c]!.length && !p.gained[c]!.length))
    print('  the coalitions change no equilibrium');
  const cn = coalitionNashOf(model);
  if (cn)
    print(
      `  no group of decision makers (any size) can jointly improve on: ${cn.stable.join(', ') || 'no state'} (coalition-Nash)`,
    );
}

/** Coalition-Nash stability when the conflict is small enough (it looks at every group of decision makers). */
function coalitionNashOf(model: GmcrModel) {
  return model.n <= COALITION_NASH_MAX_STATES && model.dms.length <= 8 ? coalitionNash(model) : undefined;
}

function renderStatusQuo(
  model: GmcrModel,
  sq: ReturnType<typeof statusQuoAnalysis>,
  r: StabilityResult,
): void {
  const yn = (s: number) => ynOf(model.codes[s - 1]!, model.m);
  print(color.bold(`\nFrom the status quo ${sq.from} (${yn(sq.from)}), within ${sq.depth} moves:`));
  const path = (steps: { player: number; from: number; to: number; improvement: boolean }[]) =>
    steps
      .map(
        (st) =>
          `${sq.players[st.player]!.name}: ${st.from}→${st.to}${st.improvement ? '' : ' (not an improvement)'}`,
      )
      .join(', ');
  const targets = new Set(r.concepts.flatMap((c) => r.equilibria[c]!));
  const rows = [...targets]
    .sort((a, b) => a - b)
    .map((s) => {
      const hit = sq.reached.find((x) => x.state === s);
      const concepts = r.concepts.filter((c) => r.equilibria[c]!.includes(s)).join(' ');
      return [
        `${s} ${yn(s)}`,
        concepts,
        hit?.steps === undefined ? 'no' : `${hit.steps}: ${path(hit.path!) || 'start'}`,
        hit?.improvementSteps === undefined
          ? 'no'
          : `${hit.improvementSteps}: ${path(hit.improvementPath!) || 'start'}`,
      ];
    });
  print(table(['equilibrium', 'concepts', 'reachable (moves: path)', 'by improvements only'], rows));
}

/** The move tree, indented, at most 200 lines (the JSON has all of it). */
function renderTree(model: GmcrModel, tree: MoveTree): void {
  print(
    color.bold(
      `\nMove tree from state ${tree.root.state}, ${tree.depth} steps, ${tree.nodes} nodes${tree.truncated ? ' (cut)' : ''}`,
    ),
  );
  let lines = 0;
  const walk = (node: MoveTreeNode, indent: string) => {
    for (const child of node.children) {
      if (lines++ >= 200) return;
      const who = model.dms[child.player!]?.name ?? `player ${child.player! + 1}`;
      print(
        `${indent}${who} → ${child.state} (${ynOf(model.codes[child.state - 1]!, model.m)})${child.improvement ? ' ↑' : ''}`,
      );
      walk(child, `${indent}  `);
    }
  };
  walk(tree.root, '  ');
  if (lines > 200) print(color.dim('  … (the rest with --json)'));
  print(color.dim('  ↑ an improvement for the player moving'));
}

function renderInverse(model: GmcrModel, inv: ReturnType<typeof inverseGmcr>): void {
  print(
    color.bold(
      `\nInverse GMCR for state ${inv.desired} (${ynOf(model.codes[inv.desired - 1]!, model.m)}): ${inv.profiles.toLocaleString('en-US')} preference profiles`,
    ),
  );
  print(
    table(
      ['concept', 'profiles making it an equilibrium'],
      Object.entries(inv.counts).map(([c, n]) => [c, String(n)]),
    ),
  );
  const d = inv.desired;
  const rows: string[][] = [];
  for (const c of inv.conditions)
    for (const m of c.moves)
      rows.push([
        c.concept,
        model.dms[c.dm]!.name,
        `${m.move} ⪯ ${d}`,
        c.concept === 'Nash'
          ? '–'
          : m.sanctions.length === 0
            ? 'no sanction: needed'
            : m.sanctions
                .map((x) =>
                  x.counterMoves?.length
                    ? `${x.state} (and ${x.counterMoves.join(', ')} ⪯ ${d})`
                    : String(x.state),
                )
                .join(' or '),
      ]);
  if (rows.length === 0) {
    print(`  State ${d} has no unilateral moves away: it is stable under every concept for any preferences.`);
    return;
  }
  print(
    color.dim(
      `Conditions on the preferences (d = ${d}): a move is harmless if it is ⪯ d, or if one of its sanctions is ⪯ d.`,
    ),
  );
  for (const c of inv.conditions.filter((x) => x.dm === 0)) print(color.dim(`  ${c.concept}: ${c.rule}`));
  print(table(['concept', 'decision maker', 'move must be', 'or a sanction ⪯ d among'], rows));
}

/** A table without lines between rows, so the many stability rows stay readable. */
function compactTable(head: string[], rows: string[][]): string {
  const t = new Table({
    head: head.map((h) => color.bold(h)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 0 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push(r);
  return t.toString();
}
