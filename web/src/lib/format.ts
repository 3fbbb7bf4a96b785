/** Numbers and scale points as the dashboard prints them; resolution itself is the core's (src/case/resolve.ts). */
import type { Acceptable } from '../../../src/case/resolve.js';
import type { Case, Issue } from '../api/types.js';

export function fmt(n: number | null | undefined, digits = 1): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

/** A human label for a point on the issue's scale: the nearest option or anchor label, else the number. */
export function scaleLabel(issue: Issue, value: number | null | undefined): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  const marks =
    issue.scale.kind === 'options'
      ? issue.scale.options.map((o) => ({ value: o.value, label: o.label }))
      : issue.scale.anchors.map((a) => ({ value: a.value, label: a.label }));
  const exact = marks.find((m) => Math.abs(m.value - value) < 0.5);
  return exact ? `${exact.label} (${fmt(value)})` : fmt(value);
}

/** All stance dates in the case, sorted, for the date slider. */
export function stanceDates(c: Case): string[] {
  return [...new Set(c.stances.map((s) => s.date))].sort();
}

/** An acceptable set as intervals: its discrete points (options scales) or the one interval. */
export function acceptableIntervals(a: Acceptable | null | undefined): [number, number][] {
  if (!a) return [];
  if (a.values) return a.values.map((v) => [v, v]);
  return [[a.min, a.max]];
}

/** An acceptable set in words: `0, 25` for points, `20–60` for an interval. */
export function describeIntervals(a: Acceptable | null | undefined): string {
  return acceptableIntervals(a)
    .map(([lo, hi]) => (lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`))
    .join(', ');
}
