/**
 * Red-line check of a proposal as of a date: a point × actor matrix (inside, crosses, no red line, silent),
 * a verdict per actor, and the salience-weighted utility of the plan against the status quo.
 *
 * Utility convention (shared with diff and zone): on an issue, an actor at position p values outcome x at
 * 1 − |x − p| / 100. An actor's plan utility is Σ s_k (u(plan_k) − u(sq_k)) / Σ s_k over every issue on which
 * it has a stance (s = salience); issues the plan leaves open keep their status quo and contribute 0.
 */
import {
  defaultAsOf,
  describeAcceptable,
  describeValue,
  distanceToAcceptable,
  isAcceptable,
  linearUtility,
  statusQuoValue,
  stancesAsOf,
  type Acceptable,
  type Case,
  type Issue,
} from '../../case/index.js';
import { findProposal, proposalTerms, type Settlement } from './proposal.js';

export type CellStatus = 'inside' | 'crosses' | 'no-red-line' | 'silent';
export type Verdict = 'accepts' | 'would-veto' | 'objects' | 'not-bound';

export interface IssueJudgement {
  issue: string;
  value: number;
  position?: number;
  redLine?: Acceptable;
  status: 'inside' | 'crosses' | 'no-red-line' | 'no-stance';
  /** Distance from the plan's value to the red line (0 inside). */
  distance: number;
}

export interface PointCell {
  point: number;
  actor: string;
  status: CellStatus;
  issues: IssueJudgement[];
  reason: string;
}

export interface Crossing {
  point: number;
  issue: string;
  value: number;
  redLine: Acceptable;
  distance: number;
}

export interface IssueUtility {
  issue: string;
  salience: number;
  planValue?: number;
  statusQuo?: number;
  /** Salience-weighted utility change on this issue, before normalisation. */
  delta: number;
}

export interface ActorVerdict {
  actor: string;
  name: string;
  veto: boolean;
  verdict: Verdict;
  crossings: Crossing[];
  /** Salience-weighted utility of the plan relative to the status quo, in [−1, 1]; null if not computable. */
  utility: number | null;
  /** Whether the plan leaves the actor at least as well off as the status quo (null if unknown). */
  gainsOnStatusQuo: boolean | null;
  utilityByIssue: IssueUtility[];
  reasons: string[];
}

export interface CheckOptions {
  asOf?: string;
}

export interface CheckResult {
  proposal: { id: string; title: string; kind: string; date: string };
  asOf: string;
  issues: Settlement[];
  points: { number: number; summary: string; issues: string[] }[];
  actors: string[];
  cells: PointCell[];
  verdicts: ActorVerdict[];
  acceptedBy: string[];
  vetoedBy: string[];
  objectedBy: string[];
  /** True when no veto player's red line is crossed. */
  passes: boolean;
  warnings: string[];
}

export function checkProposal(c: Case, proposalId: string, options: CheckOptions = {}): CheckResult {
  const asOf = options.asOf ?? defaultAsOf(c);
  const proposal = findProposal(c, proposalId);
  const terms = proposalTerms(c, proposal);
  const stances = stancesAsOf(c, asOf);
  const issues = new Map<string, Issue>(c.issues.map((i) => [i.id, i]));
  const warnings = [...terms.warnings];
  const actors = c.actors.filter((a) => stances.forActor(a.id).length > 0);

  const judge = (actor: string, issueId: string, value: number): IssueJudgement => {
    const st = stances.get(actor, issueId);
    if (!st) return { issue: issueId, value, status: 'no-stance', distance: 0 };
    if (!st.redLine)
      return { issue: issueId, value, position: st.position, status: 'no-red-line', distance: 0 };
    const inside = isAcceptable(st.redLine, value);
    return {
      issue: issueId,
      value,
      position: st.position,
      redLine: st.redLine,
      status: inside ? 'inside' : 'crosses',
      distance: inside ? 0 : distanceToAcceptable(st.redLine, value),
    };
  };

  const cells: PointCell[] = [];
  for (const pt of proposal.points) {
    const settled = [...new Set(pt.settles.map((s) => s.issue))]
      .map((id) => terms.settlements.get(id))
      .filter((s): s is Settlement => s !== undefined);
    for (const a of actors) {
      const js = settled.map((s) => judge(a.id, s.issue, s.value)).filter((j) => j.status !== 'no-stance');
      const crossing = js.filter((j) => j.status === 'crosses');
      const status: CellStatus =
        js.length === 0
          ? 'silent'
          : crossing.length > 0
            ? 'crosses'
            : js.some((j) => j.status === 'inside')
              ? 'inside'
              : 'no-red-line';
      cells.push({
        point: pt.number,
        actor: a.id,
        status,
        issues: js,
        reason: cellReason(a.name, status, js, issues),
      });
    }
  }

  const cellsByActor = new Map<string, PointCell[]>();
  for (const cell of cells) {
    const list = cellsByActor.get(cell.actor);
    if (list) list.push(cell);
    else cellsByActor.set(cell.actor, [cell]);
  }
  const noStatusQuo = new Set<string>();
  const verdicts: ActorVerdict[] = actors.map((a) => {
    const crossings: Crossing[] = [];
    for (const cell of cellsByActor.get(a.id) ?? [])
      for (const j of cell.issues)
        if (j.status === 'crosses' && j.redLine && !crossings.some((x) => x.issue === j.issue))
          crossings.push({
            point: cell.point,
            issue: j.issue,
            value: j.value,
            redLine: j.redLine,
            distance: j.distance,
          });
    const own = stances.forActor(a.id);
    const bound = own.some((s) => terms.settlements.has(s.issue));
    const utilityByIssue: IssueUtility[] = own.map((s) => {
      const sq = statusQuoValue(issues.get(s.issue)!);
      const plan = terms.settlements.get(s.issue)?.value;
      if (sq === undefined && plan !== undefined) noStatusQuo.add(s.issue);
      const delta =
        plan === undefined || sq === undefined
          ? 0
          : (s.salience * (linearUtility(s.position, plan) - linearUtility(s.position, sq))) / 100;
      return { issue: s.issue, salience: s.salience, planValue: plan, statusQuo: sq, delta };
    });
    const totalSalience = own.reduce((t, s) => t + s.salience, 0) / 100;
    const utility =
      totalSalience > 0 ? utilityByIssue.reduce((t, u) => t + u.delta, 0) / totalSalience : null;
    const verdict: Verdict = !bound
      ? 'not-bound'
      : crossings.length === 0
        ? 'accepts'
        : a.veto
          ? 'would-veto'
          : 'objects';
    const reasons = crossings.map((x) => {
      const issue = issues.get(x.issue)!;
      return `point ${x.point} sets ${issue.name} to ${describeValue(issue, x.value)}, outside its red line (${describeAcceptable(issue, x.redLine)})`;
    });
    if (!bound) reasons.push('the plan settles none of the issues on which it has a recorded stance');
    else if (crossings.length === 0)
      reasons.push('every issue the plan settles lies inside its red lines (or it has none there)');
    if (utility !== null && bound)
      reasons.push(
        `salience-weighted utility against the status quo: ${utility >= 0 ? '+' : ''}${utility.toFixed(3)}${utility < 0 && crossings.length === 0 ? ' (no red line crossed, but worse off than without a deal)' : ''}`,
      );
    const gainsOnStatusQuo = utility === null || !bound ? null : utility >= 0;
    return {
      actor: a.id,
      name: a.name,
      veto: a.veto,
      verdict,
      crossings,
      utility,
      gainsOnStatusQuo,
      utilityByIssue,
      reasons,
    };
  });
  for (const id of noStatusQuo) warnings.push(`issue "${id}" has no status quo; it is left out of utilities`);

  return {
    proposal: { id: proposal.id, title: proposal.title, kind: proposal.kind, date: proposal.date },
    asOf,
    issues: [...terms.settlements.values()],
    points: proposal.points.map((p) => ({
      number: p.number,
      summary: p.summary,
      issues: p.settles.map((s) => s.issue),
    })),
    actors: actors.map((a) => a.id),
    cells,
    verdicts,
    acceptedBy: verdicts.filter((v) => v.verdict === 'accepts').map((v) => v.actor),
    vetoedBy: verdicts.filter((v) => v.verdict === 'would-veto').map((v) => v.actor),
    objectedBy: verdicts.filter((v) => v.verdict === 'objects').map((v) => v.actor),
    passes: verdicts.every((v) => v.verdict !== 'would-veto'),
    warnings,
  };
}

function cellReason(
  actorName: string,
  status: CellStatus,
  js: IssueJudgement[],
  issues: Map<string, Issue>,
): string {
  if (status === 'silent') return `${actorName} has no recorded stance on what this point settles`;
  const parts = js.map((j) => {
    const issue = issues.get(j.issue)!;
    const v = describeValue(issue, j.value);
    if (j.status === 'crosses')
      return `${issue.name}: ${v} crosses the red line (${describeAcceptable(issue, j.redLine!)}) by ${round(j.distance)}`;
    if (j.status === 'inside')
      return `${issue.name}: ${v} is within the red line (${describeAcceptable(issue, j.redLine!)})`;
    return `${issue.name}: ${v}; no red line recorded`;
  });
  return parts.join('; ');
}

const round = (x: number) => Math.round(x * 100) / 100;
