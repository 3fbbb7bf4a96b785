/**
 * Diff of two proposals (an earlier framework and a later plan): per issue the value in each and the
 * change; per actor whether the changes moved the outcome toward or away from it, salience-weighted; red
 * lines newly crossed or cleared; points added, dropped and matched.
 *
 * Where a proposal is silent on an issue its outcome is the status quo, so "added" and "dropped" issues
 * still count for utilities when the status quo is known. Utility convention as in check.ts.
 */
import {
  defaultAsOf,
  isAcceptable,
  linearUtility,
  stancesAsOf,
  statusQuoValue,
  type Case,
  type Issue,
  type Point,
} from '../../case/index.js';
import { findProposal, proposalTerms } from './proposal.js';

export type IssueChange = 'added' | 'dropped' | 'moved' | 'unchanged';

export interface IssueDiff {
  issue: string;
  from?: number;
  to?: number;
  statusQuo?: number;
  change: IssueChange;
  /** to − from on the 0–100 scale, where both settle the issue. */
  delta?: number;
  fromPoints: number[];
  toPoints: number[];
  /** Actors whose utility rises (gain > 0) or falls, salience-weighted, most affected first. */
  favours: { actor: string; gain: number }[];
}

export interface RedLineChange {
  issue: string;
  /** The plan's value on the issue (absent when the plan does not settle it). */
  value?: number;
}

export interface ActorDiff {
  actor: string;
  name: string;
  veto: boolean;
  /** Σ salience × utility change / Σ salience over the actor's stances, in [−1, 1]. */
  gain: number;
  direction: 'toward' | 'away' | 'neutral';
  perIssue: { issue: string; gain: number }[];
  newlyCrossed: RedLineChange[];
  cleared: RedLineChange[];
}

export interface PointMatch {
  from: number;
  to: number;
  similarity: number;
}

export interface DiffResult {
  from: { id: string; title: string; date: string };
  to: { id: string; title: string; date: string };
  asOf: string;
  issues: IssueDiff[];
  actors: ActorDiff[];
  points: { added: Point[]; dropped: Point[]; matched: PointMatch[] };
  warnings: string[];
}

/** Below this, an added actor-level gain counts as neutral (rounding noise). */
const NEUTRAL = 1e-9;

export function diffProposals(
  c: Case,
  fromId: string,
  toId: string,
  options: { asOf?: string } = {},
): DiffResult {
  const asOf = options.asOf ?? defaultAsOf(c);
  const from = proposalTerms(c, findProposal(c, fromId));
  const to = proposalTerms(c, findProposal(c, toId));
  const stances = stancesAsOf(c, asOf);
  const issues = new Map<string, Issue>(c.issues.map((i) => [i.id, i]));

  const touched = c.issues
    .map((i) => i.id)
    .filter((id) => from.settlements.has(id) || to.settlements.has(id));
  const outcome = (v: number | undefined, issue: Issue) => v ?? statusQuoValue(issue);

  const issueDiffs: IssueDiff[] = touched.map((id) => {
    const issue = issues.get(id)!;
    const f = from.settlements.get(id);
    const t = to.settlements.get(id);
    const change: IssueChange = !f ? 'added' : !t ? 'dropped' : f.value === t.value ? 'unchanged' : 'moved';
    const before = outcome(f?.value, issue);
    const after = outcome(t?.value, issue);
    const favours: { actor: string; gain: number }[] = [];
    if (before !== undefined && after !== undefined && before !== after)
      for (const s of stances.forIssue(id)) {
        const gain =
          (s.salience / 100) * (linearUtility(s.position, after) - linearUtility(s.position, before));
        if (Math.abs(gain) > NEUTRAL) favours.push({ actor: s.actor, gain });
      }
    favours.sort((a, b) => b.gain - a.gain);
    return {
      issue: id,
      from: f?.value,
      to: t?.value,
      statusQuo: statusQuoValue(issue),
      change,
      delta: f && t ? t.value - f.value : undefined,
      fromPoints: f?.points ?? [],
      toPoints: t?.points ?? [],
      favours,
    };
  });

  const diffByIssue = new Map(issueDiffs.map((d) => [d.issue, d]));
  const actors: ActorDiff[] = c.actors
    .filter((a) => stances.forActor(a.id).length > 0)
    .map((a) => {
      const own = stances.forActor(a.id);
      const total = own.reduce((t, s) => t + s.salience, 0);
      const perIssue: { issue: string; gain: number }[] = [];
      const newlyCrossed: RedLineChange[] = [];
      const cleared: RedLineChange[] = [];
      for (const s of own) {
        const d = diffByIssue.get(s.issue);
        if (!d) continue;
        const g = d.favours.find((x) => x.actor === a.id)?.gain ?? 0;
        if (g !== 0) perIssue.push({ issue: s.issue, gain: total > 0 ? (g * 100) / total : 0 });
        if (s.redLine) {
          // A silent proposal is judged on what it leaves in place: the status quo.
          const before = d.from ?? d.statusQuo;
          const after = d.to ?? d.statusQuo;
          const okBefore = before === undefined || isAcceptable(s.redLine, before);
          const okAfter = after === undefined || isAcceptable(s.redLine, after);
          if (okBefore && !okAfter) newlyCrossed.push({ issue: s.issue, value: after });
          if (!okBefore && okAfter) cleared.push({ issue: s.issue, value: after });
        }
      }
      const gain = perIssue.reduce((t, x) => t + x.gain, 0);
      return {
        actor: a.id,
        name: a.name,
        veto: a.veto,
        gain,
        direction: gain > NEUTRAL ? 'toward' : gain < -NEUTRAL ? 'away' : 'neutral',
        perIssue,
        newlyCrossed,
        cleared,
      } satisfies ActorDiff;
    });

  const fromP = from.proposal;
  const toP = to.proposal;
  return {
    from: { id: fromP.id, title: fromP.title, date: fromP.date },
    to: { id: toP.id, title: toP.title, date: toP.date },
    asOf,
    issues: issueDiffs,
    actors,
    points: copyMatch(matchPointsOnce(fromP.points, toP.points)),
    warnings: [...from.warnings, ...to.warnings],
  };
}

/** Point matching depends on the two proposals only, not on `asOf`: computed once per pair of point lists. */
const matchCache = new WeakMap<readonly Point[], WeakMap<readonly Point[], ReturnType<typeof matchPoints>>>();
function matchPointsOnce(a: readonly Point[], b: readonly Point[]): ReturnType<typeof matchPoints> {
  let byB = matchCache.get(a);
  if (!byB) matchCache.set(a, (byB = new WeakMap()));
  let m = byB.get(b);
  if (!m) byB.set(b, (m = matchPoints(a, b)));
  return m;
}
/** Fresh arrays and match records for each result, so a caller changing its result cannot touch the cache. */
const copyMatch = (m: ReturnType<typeof matchPoints>): ReturnType<typeof matchPoints> => ({
  added: [...m.added],
  dropped: [...m.dropped],
  matched: m.matched.map((x) => ({ ...x })),
});

/**
 * Pairs points of two proposals: by overlap of the issues they settle (Jaccard), falling back to the
 * overlap of summary words for points that settle nothing. Greedy, best pair first; ties by point order.
 */
export function matchPoints(
  a: readonly Point[],
  b: readonly Point[],
): { added: Point[]; dropped: Point[]; matched: PointMatch[] } {
  const candidates: { i: number; j: number; sim: number }[] = [];
  a.forEach((p, i) =>
    b.forEach((q, j) => {
      const sim = pointSimilarity(p, q);
      if (sim >= 0.3) candidates.push({ i, j, sim });
    }),
  );
  candidates.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matched: PointMatch[] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    matched.push({ from: a[c.i]!.number, to: b[c.j]!.number, similarity: Math.round(c.sim * 1000) / 1000 });
  }
  matched.sort((x, y) => x.to - y.to);
  return {
    added: b.filter((_, j) => !usedB.has(j)),
    dropped: a.filter((_, i) => !usedA.has(i)),
    matched,
  };
}

function pointSimilarity(p: Point, q: Point): number {
  const ip = new Set(p.settles.map((s) => s.issue));
  const iq = new Set(q.settles.map((s) => s.issue));
  if (ip.size > 0 && iq.size > 0) return jaccard(ip, iq);
  return jaccard(words(p.summary), words(q.summary));
}

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'for',
  'with',
  'by',
  'is',
  'be',
  'its',
  'from',
  'at',
  'as',
]);
const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );

function jaccard<T>(x: Set<T>, y: Set<T>): number {
  let inter = 0;
  for (const v of x) if (y.has(v)) inter++;
  const union = x.size + y.size - inter;
  return union === 0 ? 0 : inter / union;
}
