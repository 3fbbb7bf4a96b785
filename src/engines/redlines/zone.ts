/**
 * Zone of agreement among the veto players as of a date. Per issue: the intersection of the veto players'
 * red lines; where it is empty, the smallest relaxation that opens one — the outcome x minimising
 * Σ (salience/100) × distance(x, red line) over the veto players, naming who must move and how far. Across
 * issues: a package (one outcome per issue) and whether every veto player accepts it and gains on the status
 * quo (utility convention as in check.ts).
 *
 * The relaxation cost is convex and piecewise linear in x on a continuous scale, so its minimum lies at a
 * red-line endpoint; on an options scale x ranges over the options. Both candidate sets are searched exactly.
 */
import {
  defaultAsOf,
  distanceToAcceptable,
  isAcceptable,
  linearUtility,
  stancesAsOf,
  statusQuoValue,
  type Acceptable,
  type Case,
  type Issue,
  type ResolvedStance,
} from '../../case/index.js';

export interface ZoneConstraint {
  actor: string;
  redLine: Acceptable;
  salience: number;
  position: number;
}

export interface RelaxationMove {
  actor: string;
  issue: string;
  /** How far the actor's red line must widen to admit the outcome (scale points). */
  widenBy: number;
  direction: 'up' | 'down';
  /** Salience-weighted cost of this move. */
  cost: number;
}

export interface IssueZone {
  issue: string;
  constraints: ZoneConstraint[];
  /** Intersection of the veto players' red lines; null when empty. */
  zone: Acceptable | null;
  /** The outcome proposed for the package: best point in the zone, or the relaxation point. */
  suggested: number | null;
  relaxation?: { point: number; cost: number; moves: RelaxationMove[] };
}

export interface PackageVerdict {
  actor: string;
  insideRedLines: boolean;
  /** Utility of the package against the status quo, in [−1, 1]; null without stances. */
  utility: number | null;
  improves: boolean | null;
}

export interface ZoneResult {
  asOf: string;
  vetoPlayers: string[];
  issues: IssueZone[];
  /** True when every issue has a non-empty zone. */
  feasible: boolean;
  package: Record<string, number>;
  verdicts: PackageVerdict[];
  /** True when the package lies inside every veto player's red lines and none is worse off than the status quo. */
  allAccept: boolean;
  relaxation: { totalCost: number; moves: RelaxationMove[] };
  warnings: string[];
}

const EPS = 1e-9;

export function intersect(sets: readonly Acceptable[]): Acceptable | null {
  let min = 0;
  let max = 100;
  let values: number[] | undefined;
  for (const s of sets) {
    min = Math.max(min, s.min);
    max = Math.min(max, s.max);
    if (s.values)
      values = values ? values.filter((v) => s.values!.some((w) => Math.abs(v - w) < EPS)) : [...s.values];
  }
  if (min > max + EPS) return null;
  if (values) {
    values = values.filter((v) => v >= min - EPS && v <= max + EPS);
    if (values.length === 0) return null;
    return { min, max, values };
  }
  return { min, max };
}

export function zoneOfAgreement(c: Case, options: { asOf?: string } = {}): ZoneResult {
  const asOf = options.asOf ?? defaultAsOf(c);
  const stances = stancesAsOf(c, asOf);
  const veto = c.actors.filter((a) => a.veto);
  const capability = new Map(c.actors.map((a) => [a.id, a.capability]));
  const warnings: string[] = [];
  if (veto.length === 0) warnings.push('no actor has a veto: every outcome is in the zone of agreement');

  const issues: IssueZone[] = c.issues.map((issue) => {
    const vetoStances = veto
      .map((a) => stances.get(a.id, issue.id))
      .filter((s): s is ResolvedStance => s !== undefined);
    const constraints: ZoneConstraint[] = vetoStances
      .filter((s) => s.redLine)
      .map((s) => ({ actor: s.actor, redLine: s.redLine!, salience: s.salience, position: s.position }));
    const zone = intersect(constraints.map((x) => x.redLine));
    if (zone)
      return {
        issue: issue.id,
        constraints,
        zone,
        suggested: bestInZone(issue, zone, vetoStances, capability),
      };
    const relaxation = cheapestRelaxation(issue, constraints);
    return { issue: issue.id, constraints, zone: null, suggested: relaxation.point, relaxation };
  });

  const pkg: Record<string, number> = {};
  for (const z of issues) if (z.suggested !== null) pkg[z.issue] = z.suggested;
  const issueById = new Map<string, Issue>(c.issues.map((i) => [i.id, i]));
  const verdicts: PackageVerdict[] = veto.map((a) => {
    const own = stances.forActor(a.id);
    const inside = own.every(
      (s) => !s.redLine || pkg[s.issue] === undefined || isAcceptable(s.redLine, pkg[s.issue]!),
    );
    let num = 0;
    let den = 0;
    for (const s of own) {
      den += s.salience;
      const sq = statusQuoValue(issueById.get(s.issue)!);
      const x = pkg[s.issue];
      if (sq !== undefined && x !== undefined)
        num += s.salience * (linearUtility(s.position, x) - linearUtility(s.position, sq));
    }
    const utility = den > 0 ? num / den : null;
    return {
      actor: a.id,
      insideRedLines: inside,
      utility,
      improves: utility === null ? null : utility >= -EPS,
    };
  });
  const moves = issues.flatMap((z) => z.relaxation?.moves ?? []);
  return {
    asOf,
    vetoPlayers: veto.map((a) => a.id),
    issues,
    feasible: issues.every((z) => z.zone !== null),
    package: pkg,
    verdicts,
    allAccept: verdicts.every((v) => v.insideRedLines && v.improves !== false),
    relaxation: { totalCost: moves.reduce((t, m) => t + m.cost, 0), moves },
    warnings,
  };
}

/**
 * The point of the zone that maximises Σ capability × salience × utility over the veto players with a stance
 * (a weighted median clamped into the zone); with no such stance, the status quo if inside, else the zone's
 * lower end. Candidates are the zone's ends, options, and the players' positions clamped into the zone.
 */
function bestInZone(
  issue: Issue,
  zone: Acceptable,
  players: ResolvedStance[],
  capability: Map<string, number>,
): number | null {
  const candidates = zone.values ?? [
    zone.min,
    zone.max,
    ...players.map((p) => Math.min(zone.max, Math.max(zone.min, p.position))),
  ];
  if (players.length === 0) {
    const sq = statusQuoValue(issue);
    return sq !== undefined && isAcceptable(zone, sq) ? sq : (candidates[0] ?? null);
  }
  let best: number | null = null;
  let bestScore = -Infinity;
  for (const x of [...new Set(candidates)].sort((a, b) => a - b)) {
    const score = players.reduce(
      (t, p) => t + (capability.get(p.actor) ?? 0) * p.salience * linearUtility(p.position, x),
      0,
    );
    if (score > bestScore + EPS) [best, bestScore] = [x, score];
  }
  return best;
}

/** Exact minimiser of the salience-weighted widening; ties go to fewer movers, then the lower outcome. */
export function cheapestRelaxation(
  issue: Issue,
  constraints: readonly ZoneConstraint[],
): { point: number; cost: number; moves: RelaxationMove[] } {
  const candidates =
    issue.scale.kind === 'options'
      ? issue.scale.options.map((o) => o.value)
      : [...new Set(constraints.flatMap((k) => [k.redLine.min, k.redLine.max, ...(k.redLine.values ?? [])]))];
  let best = { point: candidates[0] ?? 0, cost: Infinity, movers: Infinity };
  for (const x of [...candidates].sort((a, b) => a - b)) {
    let cost = 0;
    let movers = 0;
    for (const k of constraints) {
      const d = distanceToAcceptable(k.redLine, x);
      if (d > EPS) {
        cost += (k.salience / 100) * d;
        movers++;
      }
    }
    if (cost < best.cost - EPS || (Math.abs(cost - best.cost) <= EPS && movers < best.movers))
      best = { point: x, cost, movers };
  }
  const moves: RelaxationMove[] = constraints
    .map((k) => ({ k, d: distanceToAcceptable(k.redLine, best.point) }))
    .filter(({ d }) => d > EPS)
    .map(({ k, d }) => ({
      actor: k.actor,
      issue: issue.id,
      widenBy: d,
      direction:
        best.point > k.redLine.max ||
        (k.redLine.values !== undefined && best.point > Math.max(...k.redLine.values))
          ? 'up'
          : 'down',
      cost: (k.salience / 100) * d,
    }));
  return { point: best.point, cost: best.cost, moves };
}
