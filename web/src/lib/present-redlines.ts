/**
 * The red-line analyses (src/engines/redlines, typed by src/contract/analyses.ts) as the small models the
 * charts and tables draw: cells with the issue that decides them, per-issue gains of a diff as maps, zones as
 * intervals.
 */
import type { CheckResult, DiffResult, PointCell, ZoneResult } from '../api/types.js';
import { acceptableIntervals } from './format.js';

// ---------------------------------------------------------------- red-line check

export type CellStatus = PointCell['status'];

export interface CheckCell {
  point: number;
  actor: string;
  status: CellStatus;
  /** The issue that decides the cell: the first crossed, else the first judged. */
  issue?: string | undefined;
  reason: string;
}

export interface CheckView {
  points: CheckResult['points'];
  actors: string[];
  cells: CheckCell[];
  verdicts: CheckResult['verdicts'];
  passes: boolean;
  warnings: string[];
}

export function presentCheck(r: CheckResult): CheckView {
  return {
    points: r.points,
    actors: r.actors,
    cells: r.cells.map((cell) => ({
      point: cell.point,
      actor: cell.actor,
      status: cell.status,
      issue: (cell.issues.find((j) => j.status === 'crosses') ?? cell.issues[0])?.issue,
      reason: cell.reason,
    })),
    verdicts: r.verdicts,
    passes: r.passes,
    warnings: r.warnings,
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
  from?: number | undefined;
  to?: number | undefined;
  statusQuo?: number | undefined;
  change?: number | undefined;
  kind: string;
  /** actor id → salience-weighted gain (positive = the change moved toward the actor). */
  gains: Map<string, number>;
}

export interface DiffView {
  issues: DiffIssueRow[];
  crossed: { actor: string; issue: string; text: string }[];
  cleared: { actor: string; issue: string; text: string }[];
  added: { number: number; summary: string }[];
  dropped: { number: number; summary: string }[];
  /** actor → overall gain in [−1, 1]. */
  totals: Map<string, number>;
  warnings: string[];
}

const at = (v: number | undefined) => (v === undefined ? '' : `at ${Math.round(v * 10) / 10}`);

export function presentDiff(r: DiffResult): DiffView {
  const issues = r.issues.map((d) => {
    const gains = new Map<string, number>();
    for (const a of r.actors) {
      const g = a.perIssue.find((x) => x.issue === d.issue)?.gain;
      if (g !== undefined) gains.set(a.actor, g);
    }
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
  return {
    issues,
    crossed: r.actors.flatMap((a) =>
      a.newlyCrossed.map((x) => ({ actor: a.actor, issue: x.issue, text: at(x.value) })),
    ),
    cleared: r.actors.flatMap((a) =>
      a.cleared.map((x) => ({ actor: a.actor, issue: x.issue, text: at(x.value) })),
    ),
    added: r.points.added.map((p) => ({ number: p.number, summary: p.summary })),
    dropped: r.points.dropped.map((p) => ({ number: p.number, summary: p.summary })),
    totals: new Map(r.actors.map((a) => [a.actor, a.gain])),
    warnings: r.warnings,
  };
}

// ---------------------------------------------------------------- zone of agreement

export interface ZoneIssueRow {
  issue: string;
  /** Intervals every veto player accepts; empty when there is none. */
  zone: [number, number][];
  suggested?: number | undefined;
  relaxation?: ZoneResult['issues'][number]['relaxation'];
}

export interface ZoneView {
  issues: ZoneIssueRow[];
  vetoPlayers: string[];
  feasible: boolean;
  allAccept: boolean;
  packageValues: Map<string, number>;
  verdicts: ZoneResult['verdicts'];
  totalCost: number;
  warnings: string[];
}

export function presentZone(r: ZoneResult): ZoneView {
  return {
    issues: r.issues.map((z) => ({
      issue: z.issue,
      zone: acceptableIntervals(z.zone),
      suggested: z.suggested ?? undefined,
      relaxation: z.relaxation,
    })),
    vetoPlayers: r.vetoPlayers,
    feasible: r.feasible,
    allAccept: r.allAccept,
    packageValues: new Map(Object.entries(r.package)),
    verdicts: r.verdicts,
    totalCost: r.relaxation.totalCost,
    warnings: r.warnings,
  };
}
