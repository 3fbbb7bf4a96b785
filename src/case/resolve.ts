/**
 * Resolution of a case for analysis: option ids to scale values, red lines to numeric acceptable sets,
 * and the stance of every actor on every issue as of a date (the latest stance on or before it).
 */
import type { Case, Issue, Position, RedLine, Source, SourceRef, Stance } from './schema.js';

/** An acceptable set on a 0–100 scale: the interval [min, max], restricted to `values` when given. */
export interface Acceptable {
  min: number;
  max: number;
  /** Discrete acceptable points (options scales); undefined means the whole interval. */
  values?: number[];
}

const EPS = 1e-9;

/** The scale value of a position: a number as it is, an option id as its option's value. */
export function positionValue(issue: Issue, position: Position): number {
  if (typeof position === 'number') return position;
  if (issue.scale.kind === 'options') {
    const opt = issue.scale.options.find((o) => o.id === position);
    if (opt) return opt.value;
  }
  throw new RangeError(`case/resolve: issue "${issue.id}" has no option "${position}"`);
}

/** Looks up a position without throwing: undefined when an option id is unknown. */
export function maybePositionValue(issue: Issue, position: Position): number | undefined {
  try {
    return positionValue(issue, position);
  } catch {
    return undefined;
  }
}

export function optionLabel(issue: Issue, value: number): string | undefined {
  if (issue.scale.kind !== 'options') return undefined;
  return issue.scale.options.find((o) => Math.abs(o.value - value) < EPS)?.label;
}

/** A red line as a numeric acceptable set on the issue's scale. */
export function toAcceptable(issue: Issue, redLine: RedLine): Acceptable {
  const min = redLine.min ?? 0;
  const max = redLine.max ?? 100;
  if (redLine.options && issue.scale.kind === 'options') {
    const values = redLine.options
      .map((id) => maybePositionValue(issue, id))
      .filter((v): v is number => v !== undefined && v >= min - EPS && v <= max + EPS)
      .sort((a, b) => a - b);
    return { min, max, values };
  }
  if (issue.scale.kind === 'options' && (redLine.min !== undefined || redLine.max !== undefined)) {
    const values = issue.scale.options.map((o) => o.value).filter((v) => v >= min - EPS && v <= max + EPS);
    return { min, max, values: values.sort((a, b) => a - b) };
  }
  return { min, max };
}

export function isAcceptable(acc: Acceptable, x: number): boolean {
  if (x < acc.min - EPS || x > acc.max + EPS) return false;
  return acc.values === undefined || acc.values.some((v) => Math.abs(v - x) < EPS);
}

/** How far x lies from the acceptable set (0 inside; Infinity if the set is empty). */
export function distanceToAcceptable(acc: Acceptable, x: number): number {
  if (acc.values !== undefined) {
    let best = Infinity;
    for (const v of acc.values) best = Math.min(best, Math.abs(v - x));
    return best;
  }
  if (x < acc.min) return acc.min - x;
  if (x > acc.max) return x - acc.max;
  return 0;
}

export function describeAcceptable(issue: Issue, acc: Acceptable): string {
  if (acc.values !== undefined) {
    if (acc.values.length === 0) return 'nothing';
    return acc.values.map((v) => optionLabel(issue, v) ?? String(v)).join(' | ');
  }
  if (acc.min <= 0 && acc.max >= 100) return 'anything';
  if (acc.min <= 0) return `≤ ${acc.max}`;
  if (acc.max >= 100) return `≥ ${acc.min}`;
  return `${acc.min}–${acc.max}`;
}

/** Describes a scale value with its option label when it has one. */
export function describeValue(issue: Issue, value: number): string {
  const label = optionLabel(issue, value);
  return label ? `${label} (${value})` : String(value);
}

export interface ResolvedStance {
  actor: string;
  issue: string;
  date: string;
  position: number;
  /** 0–100 as in the file. */
  salience: number;
  redLine?: Acceptable;
  note?: string;
  sources: SourceRef[];
  stance: Stance;
}

export interface StanceIndex {
  asOf: string;
  get(actor: string, issue: string): ResolvedStance | undefined;
  forActor(actor: string): ResolvedStance[];
  forIssue(issue: string): ResolvedStance[];
  all(): ResolvedStance[];
}

/** The latest date mentioned anywhere in the case, used when neither the caller nor the case gives one. */
export function defaultAsOf(c: Case): string {
  if (c.asOf) return c.asOf;
  let latest = '0001-01-01';
  const see = (d: string | undefined) => {
    if (d && d > latest) latest = d;
  };
  c.stances.forEach((s) => see(s.date));
  c.proposals.forEach((p) => see(p.date));
  c.events.forEach((e) => see(e.date));
  c.sources.forEach((s: Source) => see(s.date));
  c.issues.forEach((i) => see(i.statusQuo?.date));
  return latest;
}

/**
 * Every (actor, issue) pair's dated stances, resolved once per case: the analyses ask for the same case as of
 * many dates (the API answers any `asOf`), and each question is then a binary search per pair. Cases are
 * values (scenarios and edits make new objects), so the index is kept per case object and rebuilt if its
 * actors, issues or stances arrays are replaced.
 */
interface PairHistory {
  /** Dates ascending; for equal dates the later stance in the file comes later (and wins). */
  dates: string[];
  /** The stance resolved at each date, undefined where its position names an unknown option. */
  resolved: (ResolvedStance | undefined)[];
}
interface StanceHistory {
  actors: Case['actors'];
  issues: Case['issues'];
  stances: Case['stances'];
  /** Per actor in case order, its pairs in issue order. */
  byActor: { actor: string; pairs: PairHistory[] }[];
}

const histories = new WeakMap<Case, StanceHistory>();

function stanceHistory(c: Case): StanceHistory {
  const known = histories.get(c);
  if (known && known.actors === c.actors && known.issues === c.issues && known.stances === c.stances)
    return known;
  const issueById = new Map(c.issues.map((i) => [i.id, i]));
  const grouped = new Map<string, Map<string, { stance: Stance; order: number }[]>>();
  c.stances.forEach((stance, order) => {
    let byIssue = grouped.get(stance.actor);
    if (!byIssue) grouped.set(stance.actor, (byIssue = new Map()));
    const list = byIssue.get(stance.issue);
    if (list) list.push({ stance, order });
    else byIssue.set(stance.issue, [{ stance, order }]);
  });
  const byActor: StanceHistory['byActor'] = [];
  for (const actor of c.actors) {
    const byIssue = grouped.get(actor.id);
    if (!byIssue) continue;
    const pairs: PairHistory[] = [];
    for (const issue of c.issues) {
      const list = byIssue.get(issue.id);
      if (!list) continue;
      list.sort((a, b) =>
        a.stance.date < b.stance.date ? -1 : a.stance.date > b.stance.date ? 1 : a.order - b.order,
      );
      pairs.push({
        dates: list.map((x) => x.stance.date),
        resolved: list.map((x) => resolveStance(issueById.get(x.stance.issue)!, x.stance)),
      });
    }
    byActor.push({ actor: actor.id, pairs });
  }
  const h = { actors: c.actors, issues: c.issues, stances: c.stances, byActor };
  histories.set(c, h);
  return h;
}

function resolveStance(issue: Issue, s: Stance): ResolvedStance | undefined {
  const position = maybePositionValue(issue, s.position);
  if (position === undefined) return undefined;
  return {
    actor: s.actor,
    issue: s.issue,
    date: s.date,
    position,
    salience: s.salience,
    redLine: s.redLine ? toAcceptable(issue, s.redLine) : undefined,
    note: s.note,
    sources: s.sources,
    stance: s,
  };
}

/** Index of the last date ≤ asOf, or −1. */
function lastOnOrBefore(dates: readonly string[], asOf: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Each actor's stance on each issue as of `asOf`: the latest stance dated on or before it (of equal dates,
 * the later in the file). A latest stance whose position names an unknown option leaves the pair out. The
 * resolved stances are shared between calls: treat them as read-only.
 */
export function stancesAsOf(c: Case, asOf: string = defaultAsOf(c)): StanceIndex {
  const resolved: ResolvedStance[] = [];
  const byKey = new Map<string, Map<string, ResolvedStance>>();
  const byActor = new Map<string, ResolvedStance[]>();
  for (const { actor, pairs } of stanceHistory(c).byActor) {
    let out: Map<string, ResolvedStance> | undefined;
    let own: ResolvedStance[] | undefined;
    for (const pair of pairs) {
      const k = lastOnOrBefore(pair.dates, asOf);
      const r = k < 0 ? undefined : pair.resolved[k];
      if (!r) continue;
      resolved.push(r);
      if (!out) {
        byKey.set(actor, (out = new Map()));
        byActor.set(actor, (own = []));
      }
      out.set(r.issue, r);
      own!.push(r);
    }
  }
  // Walking actors then issues in case order yields the resolved list already sorted.
  let byIssue: Map<string, ResolvedStance[]> | undefined;
  return {
    asOf,
    get: (actor, issue) => byKey.get(actor)?.get(issue),
    forActor: (actor) => byActor.get(actor) ?? [],
    forIssue: (issue) => (byIssue ??= groupBy(resolved, (r) => r.issue)).get(issue) ?? [],
    all: () => resolved,
  };
}

function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const bucket = out.get(k);
    if (bucket) bucket.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The status-quo value of an issue, if the case states one. */
export function statusQuoValue(issue: Issue): number | undefined {
  return issue.statusQuo ? maybePositionValue(issue, issue.statusQuo.position) : undefined;
}

/** Utility of outcome x to an actor at `position` on a 0–100 scale: 1 at its position, 0 at the far end. */
export function linearUtility(position: number, x: number): number {
  return 1 - Math.abs(position - x) / 100;
}
