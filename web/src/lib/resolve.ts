/**
 * Client-side reading of a case for the position map: option ids to scale values, the latest stance per
 * actor and issue as of a date. Mirrors the rules of src/case/resolve.ts (latest stance on/before the date).
 */
import type { Case, Issue, RedLine, Stance } from '../api/types.js';

export interface ResolvedStance {
  actor: string;
  issue: string;
  date: string;
  position: number | undefined;
  salience: number;
  /** Acceptable intervals on the 0–100 scale (an options red line becomes one point-interval per option). */
  acceptable: [number, number][] | undefined;
  note: string | undefined;
  stance: Stance;
}

export function positionValue(issue: Issue, position: number | string): number | undefined {
  if (typeof position === 'number') return position;
  if (issue.scale.kind === 'options') return issue.scale.options.find((o) => o.id === position)?.value;
  return undefined;
}

export function acceptableSet(issue: Issue, red: RedLine | undefined): [number, number][] | undefined {
  if (!red) return undefined;
  if (red.options && issue.scale.kind === 'options') {
    const [lo, hi] = [red.min ?? 0, red.max ?? 100];
    return red.options
      .map((id) => positionValue(issue, id))
      .filter((v): v is number => v !== undefined && v >= lo && v <= hi)
      .map((v) => [v, v] as [number, number]);
  }
  return [[red.min ?? 0, red.max ?? 100]];
}

/** All stance dates in the case, sorted, for the date slider. */
export function stanceDates(c: Case): string[] {
  return [...new Set(c.stances.map((s) => s.date))].sort();
}

export function defaultAsOf(c: Case): string | undefined {
  if (c.asOf) return c.asOf;
  const dates = stanceDates(c);
  return dates[dates.length - 1];
}

export function stancesAsOf(c: Case, asOf: string | undefined): ResolvedStance[] {
  const issues = new Map(c.issues.map((i) => [i.id, i]));
  const latest = new Map<string, Stance>();
  for (const s of c.stances) {
    if (asOf && s.date > asOf) continue;
    const key = `${s.actor}\u0000${s.issue}`;
    const prev = latest.get(key);
    if (!prev || prev.date <= s.date) latest.set(key, s);
  }
  const out: ResolvedStance[] = [];
  for (const s of latest.values()) {
    const issue = issues.get(s.issue);
    if (!issue) continue;
    out.push({
      actor: s.actor,
      issue: s.issue,
      date: s.date,
      position: positionValue(issue, s.position),
      salience: s.salience,
      acceptable: acceptableSet(issue, s.redLine),
      note: s.note,
      stance: s,
    });
  }
  return out;
}

export function statusQuoValue(issue: Issue): number | undefined {
  return issue.statusQuo ? positionValue(issue, issue.statusQuo.position) : undefined;
}

/** A human label for a point on the issue's scale: the nearest option or anchor label, else the number. */
export function scaleLabel(issue: Issue, value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const marks =
    issue.scale.kind === 'options'
      ? issue.scale.options.map((o) => ({ value: o.value, label: o.label }))
      : issue.scale.anchors.map((a) => ({ value: a.value, label: a.label }));
  const exact = marks.find((m) => Math.abs(m.value - value) < 0.5);
  return exact ? `${exact.label} (${fmt(value)})` : fmt(value);
}

export function fmt(n: number | undefined, digits = 1): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}
