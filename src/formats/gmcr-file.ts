/**
 * gmcr-py (GMCR+) `.gmcr` save files: reading into a conflict spec and writing one back (docs/models/GMCR-FORMAT.md).
 * Option numbers in the file index its `options` array; the engine groups the options by decision maker
 * (docs/models/GMCR-FORMAT.md §4), and the writer saves them in that grouped order, as gmcr-py does.
 */
import type { CaseIssue, CaseIssueCode, CasePath } from '../case/issues.js';
import type {
  GmcrCondition,
  GmcrConflictSpec,
  GmcrDirection,
  GmcrLiteral,
  GmcrRankingEntry,
  GmcrTerm,
} from '../case/schema-conflict.js';

export type GmcrFileResult =
  { ok: true; spec: GmcrConflictSpec; warnings: CaseIssue[] } | { ok: false; issues: CaseIssue[] };

type Json = unknown;
const isObj = (x: Json): x is Record<string, Json> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parses the text of a `.gmcr` file, collecting every problem with its key path. */
export function readGmcrFile(text: string): GmcrFileResult {
  const issues: CaseIssue[] = [];
  const warnings: CaseIssue[] = [];
  const err = (path: CasePath, message: string, hint?: string, code: CaseIssueCode = 'bad_gmcr') =>
    issues.push({ code, severity: 'error', path, message, hint });
  let root: Json;
  try {
    root = JSON.parse(text);
  } catch (e) {
    err(
      [],
      `not valid JSON: ${(e as Error).message}`,
      'a .gmcr file is one JSON object as saved by GMCR+',
      'bad_json',
    );
    return { ok: false, issues };
  }
  if (!isObj(root)) {
    err([], 'the file must hold a JSON object', 'a .gmcr file is one JSON object as saved by GMCR+');
    return { ok: false, issues };
  }
  const optionsRaw = root.options;
  const dmsRaw = root.decisionMakers;
  if (!Array.isArray(optionsRaw))
    err(
      ['options'],
      'missing or not a list',
      'add "options": [{"name": …, "permittedDirection": "both"}, …]',
    );
  if (!Array.isArray(dmsRaw))
    err(
      ['decisionMakers'],
      'missing or not a list',
      'add "decisionMakers": [{"name": …, "options": [0], "preferences": []}, …]',
    );
  if (issues.length) return { ok: false, issues };
  const nOpt = (optionsRaw as Json[]).length;

  const usedIds = new Set<string>();
  const options = (optionsRaw as Json[]).map((o, k) => {
    const path = ['options', k];
    let name = `option ${k + 1}`;
    let direction: GmcrDirection = 'both';
    if (!isObj(o)) err(path, 'an option must be an object {name, permittedDirection}');
    else {
      if (typeof o.name !== 'string' || o.name.trim() === '')
        err([...path, 'name'], 'option names must be non-empty strings');
      else name = o.name;
      const d = o.permittedDirection ?? 'both';
      if (d !== 'both' && d !== 'fwd' && d !== 'back')
        err(
          [...path, 'permittedDirection'],
          `unknown direction ${JSON.stringify(d)}`,
          'use "both", "fwd" or "back"',
        );
      else direction = d;
    }
    return { id: uniqueId(name, usedIds), name, direction };
  });

  const condition = (c: Json, path: CasePath): GmcrCondition | undefined => {
    const term = (t: Json, p: CasePath): GmcrTerm | undefined => {
      if (!Array.isArray(t)) {
        err(p, 'a condition must be a list of [option, "Y" | "N"] pairs');
        return undefined;
      }
      const lits: GmcrLiteral[] = [];
      for (const [j, pair] of t.entries()) {
        if (!Array.isArray(pair) || pair.length !== 2 || (pair[1] !== 'Y' && pair[1] !== 'N')) {
          err([...p, j], `expected [option, "Y" | "N"], found ${JSON.stringify(pair)}`);
          return undefined;
        }
        const opt = pair[0];
        if (!Number.isInteger(opt) || (opt as number) < 0 || (opt as number) >= nOpt) {
          err(
            [...p, j, 0],
            `option ${JSON.stringify(opt)} does not exist (the file has ${nOpt} options, numbered from 0)`,
          );
          return undefined;
        }
        const prev = lits.find((l) => l.option === opt);
        if (prev && prev.taken !== (pair[1] === 'Y')) {
          err(
            [...p, j],
            `option ${opt} is required both taken and not taken, so the condition can never hold`,
            'remove one of the two pairs',
          );
          return undefined;
        }
        lits.push({ option: opt as number, taken: pair[1] === 'Y' });
      }
      return lits;
    };
    if (isObj(c)) {
      if (c.compound !== true || !Array.isArray(c.members) || c.members.length === 0) {
        err(path, 'a compound condition needs "compound": true and a non-empty "members" list');
        return undefined;
      }
      const members = c.members.map((mm, j) => term(mm, [...path, 'members', j]));
      return members.every((x) => x !== undefined) ? (members as GmcrTerm[]) : undefined;
    }
    const t = term(c, path);
    return t ? [t] : undefined;
  };
  const conditions = (list: Json, path: CasePath, required: boolean): GmcrCondition[] => {
    if (list === undefined && !required) return [];
    if (!Array.isArray(list)) {
      err(path, required ? 'missing or not a list' : 'must be a list of conditions');
      return [];
    }
    return list.map((c, k) => condition(c, [...path, k])).filter((c): c is GmcrCondition => c !== undefined);
  };

  const manual = root.useManualPreferenceRanking ?? root.useManualPreferenceVectors ?? false;
  if (typeof manual !== 'boolean') err(['useManualPreferenceRanking'], 'must be true or false');
  const infeasible = conditions(root.infeasibles ?? [], ['infeasibles'], true);
  if (root.infeasibles === undefined)
    warnings.push({
      code: 'missing_key',
      severity: 'warning',
      path: ['infeasibles'],
      message: 'no "infeasibles" list; every state is feasible',
    });

  const decisionMakers = (dmsRaw as Json[]).map((d, i) => {
    const path = ['decisionMakers', i];
    if (!isObj(d)) {
      err(path, 'a decision maker must be an object {name, options, preferences}');
      return undefined;
    }
    const name = typeof d.name === 'string' && d.name.trim() !== '' ? d.name : `DM ${i + 1}`;
    if (typeof d.name !== 'string' || d.name.trim() === '')
      err([...path, 'name'], 'decision-maker names must be non-empty strings');
    const opts: number[] = [];
    if (!Array.isArray(d.options)) err([...path, 'options'], 'missing or not a list of option numbers');
    else
      d.options.forEach((o, j) => {
        if (!Number.isInteger(o) || (o as number) < 0 || (o as number) >= nOpt)
          err(
            [...path, 'options', j],
            `option ${JSON.stringify(o)} does not exist (the file has ${nOpt} options, numbered from 0)`,
          );
        else opts.push(o as number);
      });
    const statements = conditions(d.preferences, [...path, 'preferences'], true);
    const misperceptions = conditions(d.misperceptions, [...path, 'misperceptions'], false);
    const rankingRaw = d.preferenceRanking ?? d.preferenceVector;
    let ranking: GmcrRankingEntry[] | undefined;
    if (manual === true) {
      if (!Array.isArray(rankingRaw))
        err(
          [...path, 'preferenceRanking'],
          'missing: useManualPreferenceRanking is true',
          'add the ranking of ordered state numbers, most preferred first',
        );
      else {
        const ok = rankingRaw.every(
          (e) => Number.isInteger(e) || (Array.isArray(e) && e.every((x) => Number.isInteger(x))),
        );
        if (!ok)
          err(
            [...path, 'preferenceRanking'],
            'entries must be state numbers or lists of state numbers (ties)',
          );
        else ranking = rankingRaw as GmcrRankingEntry[];
      }
    }
    return {
      id: uniqueId(name, usedIds),
      name,
      options: opts,
      misperceptions,
      preferences: ranking
        ? { kind: 'ranking' as const, ranking, statements }
        : { kind: 'statements' as const, statements },
    };
  });

  let coalitions: number[][] | undefined;
  if (root.coalitions !== undefined) {
    if (!Array.isArray(root.coalitions))
      err(['coalitions'], 'must be a list of decision-maker numbers or lists of them');
    else {
      const parts = root.coalitions.map((c) => (Array.isArray(c) ? c : [c]));
      const flat = parts.flat();
      const nDm = (dmsRaw as Json[]).length;
      const valid = flat.every((x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) < nDm);
      if (!valid || new Set(flat).size !== flat.length || flat.length !== nDm)
        err(
          ['coalitions'],
          `${JSON.stringify(root.coalitions)} is not a partition of the ${nDm} decision makers`,
          'list every decision maker (0-based) exactly once, coalitions as nested lists',
        );
      else coalitions = parts as number[][];
    }
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    spec: {
      name: typeof root.name === 'string' ? root.name : undefined,
      options,
      decisionMakers: decisionMakers as GmcrConflictSpec['decisionMakers'][number][],
      infeasible,
      coalitions,
    },
    warnings,
  };
}

/** Maps a path inside a conflict spec read from a `.gmcr` file back to the file's key path. */
export function gmcrFilePath(specPath: CasePath): CasePath {
  const [head, ...rest] = specPath;
  if (head === 'infeasible') return ['infeasibles', ...rest];
  if (head === 'decisionMakers' && rest[1] === 'preferences') {
    if (rest[2] === 'statements') return ['decisionMakers', rest[0]!, 'preferences', ...rest.slice(3)];
    if (rest[2] === 'ranking') return ['decisionMakers', rest[0]!, 'preferenceRanking', ...rest.slice(3)];
  }
  return specPath;
}

export interface GmcrWriteOptions {
  /** Payoffs per decision maker, one per ordered state (written for information; gmcr-py ignores them). */
  payoffs?: readonly (ArrayLike<number> | undefined)[];
  version?: string;
}

/**
 * Writes a conflict spec as a `.gmcr` file, options grouped by decision maker. gmcr-py has one switch for
 * all decision makers: if any uses an explicit ranking, all must (the others' rankings come from `payoffs`).
 */
export function writeGmcrFile(spec: GmcrConflictSpec, opts: GmcrWriteOptions = {}): string {
  const order: number[] = [];
  const newIndex = new Map<number, number>();
  for (const dm of spec.decisionMakers)
    for (const o of dm.options)
      if (!newIndex.has(o)) {
        newIndex.set(o, order.length);
        order.push(o);
      }
  const ix = (o: number) => newIndex.get(o) ?? o;
  const term = (t: GmcrTerm) => t.map((l) => [ix(l.option), l.taken ? 'Y' : 'N']);
  const cond = (c: GmcrCondition) =>
    c.length === 1 ? term(c[0]!) : { compound: true, members: c.map(term) };
  const manual = spec.decisionMakers.some((d) => d.preferences.kind === 'ranking');
  const decisionMakers = spec.decisionMakers.map((dm, i) => {
    const out: Record<string, unknown> = {
      name: dm.name,
      options: dm.options.map(ix),
      preferences: (dm.preferences.statements ?? []).map(cond),
    };
    if (dm.misperceptions?.length) out.misperceptions = dm.misperceptions.map(cond);
    if (manual) {
      const numeric =
        dm.preferences.kind === 'ranking' &&
        dm.preferences.ranking.every((e) =>
          typeof e === 'object' ? e.every((x) => typeof x === 'number') : typeof e === 'number',
        );
      // gmcr-py reads state numbers only: Y/N strings (case files) are written as the numbers of the payoffs.
      if (dm.preferences.kind === 'ranking' && (numeric || !opts.payoffs?.[i]))
        out.preferenceRanking = dm.preferences.ranking;
      else if (opts.payoffs?.[i]) out.preferenceRanking = rankingFromPayoffs(opts.payoffs[i]!);
      else
        throw new Error(
          'formats/gmcr-file: a statements-based decision maker needs payoffs when others use rankings',
        );
    }
    if (opts.payoffs?.[i]) out.payoffs = Array.from(opts.payoffs[i]!);
    return out;
  });
  const file: Record<string, unknown> = {
    options: order.map((o) => ({
      name: spec.options[o]!.name,
      permittedDirection: spec.options[o]!.direction,
    })),
    decisionMakers,
    infeasibles: spec.infeasible.map(cond),
    useManualPreferenceRanking: manual,
    program: 'gmcr-py',
    version: opts.version ?? '0.4.1',
  };
  if (spec.coalitions) file.coalitions = spec.coalitions.map((c) => (c.length === 1 ? c[0] : [...c]));
  return JSON.stringify(file, null, 1) + '\n';
}

function rankingFromPayoffs(payoffs: ArrayLike<number>): (number | number[])[] {
  const groups = new Map<number, number[]>();
  for (let s = 0; s < payoffs.length; s++)
    groups.set(payoffs[s]!, [...(groups.get(payoffs[s]!) ?? []), s + 1]);
  return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([, g]) => (g.length === 1 ? g[0]! : g));
}

function uniqueId(name: string, used: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x';
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}
