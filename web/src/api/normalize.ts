/**
 * Readers that turn the engines' result objects (as the API returns them) into the small view models
 * the charts draw. Field names follow src/engines/*; alternatives are accepted so a renamed field degrades to
 * a blank cell rather than a crash.
 */

import type {
  Acceptable,
  ActorDiff,
  ActorVerdict,
  CheckResult,
  DiffResult,
  IssueDiff,
  IssueZone,
  PackageVerdict,
  PointCell,
  ZoneResult,
} from '../../../src/index.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
/** An actor/issue reference given as an id or as an object with an id. */
const ref = (v: unknown): string | undefined => (isObj(v) ? str(v.id) : str(v));
const pick = (o: Obj, ...keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined);
const strings = (v: unknown): string[] =>
  arr(v)
    .map((x) => (isObj(x) ? str(pick(x, 'message', 'text', 'reason')) : str(x)))
    .filter((x): x is string => !!x);

/** Unwraps `{result}` / `{data}` envelopes. */
export function unwrap(body: unknown): Obj {
  if (isObj(body) && isObj(body.result)) return body.result;
  if (isObj(body) && isObj(body.data)) return body.data;
  return isObj(body) ? body : {};
}

// ---------------------------------------------------------------- red-line check

export type CellStatus = 'inside' | 'crosses' | 'no-red-line' | 'silent' | 'unknown';

export interface CheckCell {
  point: number;
  actor: string;
  status: CellStatus;
  issue?: string;
  reason?: string;
}

export interface CheckVerdict {
  actor: string;
  verdict: string;
  veto: boolean;
  /** Salience-weighted utility of the plan against the status quo, in [−1, 1]. */
  utility?: number;
  reasons: string[];
}

export interface CheckView {
  points: { number: number; summary?: string; issues: string[] }[];
  actors: string[];
  cells: CheckCell[];
  verdicts: CheckVerdict[];
  passes?: boolean;
  warnings: string[];
}

export function toStatus(v: unknown): CellStatus {
  const s = String(v ?? '');
  return s === 'inside' || s === 'crosses' || s === 'no-red-line' || s === 'silent' ? s : 'unknown';
}

export function readCheck(body: unknown): CheckView {
  const r = unwrap(body) as Partial<CheckResult>;
  const cells: CheckCell[] = arr(r.cells)
    .filter(isObj)
    .map((c) => {
      const cell = c as unknown as PointCell;
      const crossing = cell.issues?.find((j) => j.status === 'crosses') ?? cell.issues?.[0];
      return {
        point: cell.point,
        actor: cell.actor,
        status: toStatus(cell.status),
        issue: crossing?.issue,
        reason: cell.reason,
      };
    });
  const verdicts: CheckVerdict[] = arr(r.verdicts)
    .filter(isObj)
    .map((v) => {
      const x = v as unknown as ActorVerdict;
      return {
        actor: x.actor,
        verdict: x.verdict,
        veto: !!x.veto,
        utility: x.utility ?? undefined,
        reasons: x.reasons ?? [],
      };
    });
  const points = arr(r.points)
    .filter(isObj)
    .map((p) => ({ number: num(p.number) ?? 0, summary: str(p.summary), issues: arr(p.issues).map(String) }));
  const actors = arr(r.actors).map(String);
  return {
    points,
    actors: actors.length ? actors : [...new Set(verdicts.map((v) => v.actor))],
    cells,
    verdicts,
    passes: typeof r.passes === 'boolean' ? r.passes : undefined,
    warnings: strings(r.warnings),
  };
}

export function verdictTone(verdict: string): 'good' | 'bad' | 'warn' | 'neutral' {
  if (verdict === 'would-veto') return 'bad';
  if (verdict === 'objects') return 'warn';
  if (verdict === 'accepts') return 'good';
  return 'neutral';
}

export function verdictLabel(verdict: string): string {
  return verdict === 'would-veto' ? 'would veto' : verdict === 'not-bound' ? 'not bound' : verdict;
}

// ---------------------------------------------------------------- diff

export interface DiffIssueRow {
  issue: string;
  from?: number;
  to?: number;
  statusQuo?: number;
  change?: number;
  kind?: string;
  /** actor id → salience-weighted gain (positive = the change moved toward the actor). */
  gains: Map<string, number>;
}

export interface DiffView {
  issues: DiffIssueRow[];
  crossed: { actor: string; issue?: string; text: string }[];
  cleared: { actor: string; issue?: string; text: string }[];
  added: { number: number; summary?: string }[];
  dropped: { number: number; summary?: string }[];
  /** actor → overall gain in [−1, 1]. */
  totals: Map<string, number>;
  warnings: string[];
}

export function readDiff(body: unknown): DiffView {
  const r = unwrap(body) as Partial<DiffResult>;
  const actors = arr(r.actors).filter(isObj) as unknown as ActorDiff[];
  const issues: DiffIssueRow[] = (arr(r.issues).filter(isObj) as unknown as IssueDiff[]).map((d) => {
    const gains = new Map<string, number>();
    for (const a of actors) {
      const g = a.perIssue?.find((x) => x.issue === d.issue)?.gain;
      if (g !== undefined) gains.set(a.actor, g);
    }
    if (gains.size === 0) for (const f of d.favours ?? []) gains.set(f.actor, f.gain);
    return {
      issue: d.issue,
      from: d.from,
      to: d.to,
      statusQuo: d.statusQuo,
      change: d.delta,
      kind: d.change,
      gains,
    };
  });
  const fmtValue = (v: number | undefined) => (v === undefined ? '' : `at ${Math.round(v * 10) / 10}`);
  return {
    issues,
    crossed: actors.flatMap((a) =>
      (a.newlyCrossed ?? []).map((x) => ({ actor: a.actor, issue: x.issue, text: fmtValue(x.value) })),
    ),
    cleared: actors.flatMap((a) =>
      (a.cleared ?? []).map((x) => ({ actor: a.actor, issue: x.issue, text: fmtValue(x.value) })),
    ),
    added: arr(r.points?.added)
      .filter(isObj)
      .map((p) => ({ number: num(p.number) ?? 0, summary: str(p.summary) })),
    dropped: arr(r.points?.dropped)
      .filter(isObj)
      .map((p) => ({ number: num(p.number) ?? 0, summary: str(p.summary) })),
    totals: new Map(actors.map((a) => [a.actor, a.gain])),
    warnings: strings(r.warnings),
  };
}

// ---------------------------------------------------------------- zone of agreement

export interface ZoneMove {
  actor: string;
  issue: string;
  widenBy: number;
  direction: string;
  cost: number;
}

export interface ZoneIssueRow {
  issue: string;
  /** Intervals every veto player accepts; empty when there is none. */
  zone: [number, number][];
  suggested?: number;
  relaxation?: { point: number; cost: number; moves: ZoneMove[] };
}

export interface ZoneView {
  issues: ZoneIssueRow[];
  vetoPlayers: string[];
  feasible: boolean;
  allAccept: boolean;
  packageValues: Map<string, number>;
  verdicts: { actor: string; insideRedLines: boolean; utility?: number; improves?: boolean }[];
  totalCost?: number;
  warnings: string[];
}

export function acceptableIntervals(a: Acceptable | null | undefined): [number, number][] {
  if (!a) return [];
  if (a.values) return a.values.map((v) => [v, v]);
  return [[a.min, a.max]];
}

export function readZone(body: unknown): ZoneView {
  const r = unwrap(body) as Partial<ZoneResult>;
  const issues = (arr(r.issues).filter(isObj) as unknown as IssueZone[]).map((z) => ({
    issue: z.issue,
    zone: acceptableIntervals(z.zone),
    suggested: z.suggested ?? undefined,
    relaxation: z.relaxation,
  }));
  return {
    issues,
    vetoPlayers: arr(r.vetoPlayers).map(String),
    feasible: !!r.feasible,
    allAccept: !!r.allAccept,
    packageValues: new Map(
      Object.entries(isObj(r.package) ? r.package : {}).filter(([, v]) => typeof v === 'number') as [
        string,
        number,
      ][],
    ),
    verdicts: (arr(r.verdicts).filter(isObj) as unknown as PackageVerdict[]).map((v) => ({
      actor: v.actor,
      insideRedLines: v.insideRedLines,
      utility: v.utility ?? undefined,
      improves: v.improves ?? undefined,
    })),
    totalCost: r.relaxation?.totalCost,
    warnings: strings(r.warnings),
  };
}

export { arr, isObj, num, pick, ref, str, strings };
