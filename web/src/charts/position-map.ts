/**
 * Position map: issues down the side, the 0–100 scale across; each actor's position as a dot (size by
 * salience), its red line as a translucent band on its own lane, the status quo as a black diamond.
 */
import type { Case } from '../api/types.js';
import { escapeHtml } from '../lib/escape.js';
import { withAlpha } from '../lib/colors.js';
import { statusQuoValue, type ResolvedStance } from '../../../src/case/resolve.js';
import { acceptableIntervals, describeIntervals, fmt, scaleLabel } from '../lib/format.js';
import type { EChartsOption } from './echarts-setup.js';

const LANE = 0.62; // share of an issue row the actor lanes occupy

export function laneOffset(actorIndex: number, actorCount: number): number {
  if (actorCount <= 1) return 0;
  return (actorIndex / (actorCount - 1) - 0.5) * LANE;
}

export function positionMapOption(
  c: Case,
  stances: ResolvedStance[],
  colors: Map<string, string>,
): EChartsOption {
  const issues = c.issues;
  const rowOf = new Map(issues.map((i, k) => [i.id, issues.length - 1 - k]));
  // Only actors with a stance get a lane: members and persons without stances would squeeze the rows.
  const actors = c.actors.filter((a) => stances.some((s) => s.actor === a.id));
  const actorIdx = new Map(actors.map((a, k) => [a.id, k]));
  const n = actors.length;
  const issueById = new Map(issues.map((i) => [i.id, i]));

  const series: Record<string, unknown>[] = [];
  for (const actor of actors) {
    const color = colors.get(actor.id)!;
    const mine = stances.filter((s) => s.actor === actor.id && rowOf.has(s.issue));
    const bands: [number, number, number, string][] = [];
    for (const s of mine)
      for (const [lo, hi] of acceptableIntervals(s.redLine))
        bands.push([lo, hi, rowOf.get(s.issue)! + laneOffset(actorIdx.get(actor.id)!, n), s.issue]);
    series.push({
      name: actor.name,
      type: 'custom',
      itemStyle: { color },
      renderItem: (
        _params: unknown,
        api: {
          value: (i: number) => number;
          coord: (p: number[]) => number[];
          size: (p: number[]) => number[];
        },
      ) => {
        const lo = api.coord([api.value(0), api.value(2)]);
        const hi = api.coord([api.value(1), api.value(2)]);
        const h = Math.max(6, Math.min(12, api.size([0, LANE / Math.max(n, 2)])[1]! * 0.9));
        // A single acceptable option is a point; draw it as a short pill so it stays visible.
        const point = hi[0]! - lo[0]! < 8;
        const w = point ? 10 : hi[0]! - lo[0]!;
        return {
          type: 'rect',
          shape: {
            x: point ? (lo[0]! + hi[0]!) / 2 - 5 : lo[0]!,
            y: lo[1]! - h / 2,
            width: w,
            height: h,
            r: 3,
          },
          style: { fill: withAlpha(color, 0.22), stroke: withAlpha(color, 0.55), lineWidth: 1 },
        };
      },
      data: bands,
      encode: { x: [0, 1], y: 2 },
      tooltip: {
        formatter: (p: { value: [number, number, number, string] }) =>
          `<b>${escapeHtml(actor.name)}</b> — red line on ${escapeHtml(issueById.get(p.value[3])?.name)}<br/>acceptable ${fmt(p.value[0])}–${fmt(p.value[1])}`,
      },
      z: 1,
      silent: false,
    });
    series.push({
      name: actor.name,
      type: 'scatter',
      symbolSize: (v: number[]) => 8 + (v[2]! / 100) * 12,
      itemStyle: { color, borderColor: '#fff', borderWidth: 1.5 },
      data: mine
        .filter((s) => s.position !== undefined)
        .map((s) => ({
          value: [s.position!, rowOf.get(s.issue)! + laneOffset(actorIdx.get(actor.id)!, n), s.salience],
          stance: s,
        })),
      tooltip: {
        formatter: (p: { data: { stance: ResolvedStance } }) => {
          const s = p.data.stance;
          const issue = issueById.get(s.issue)!;
          const red = describeIntervals(s.redLine);
          return [
            `<b>${escapeHtml(actor.name)}</b> on ${escapeHtml(issue.name)}`,
            `position ${escapeHtml(scaleLabel(issue, s.position))}`,
            `salience ${fmt(s.salience)}`,
            red ? `red line: acceptable ${escapeHtml(red)}` : 'no red line recorded',
            `stance of ${escapeHtml(s.date)}`,
            s.note ? `<i>${escapeHtml(s.note.slice(0, 180))}</i>` : '',
          ]
            .filter(Boolean)
            .join('<br/>');
        },
      },
      z: 3,
    });
  }
  series.push({
    name: 'Status quo',
    type: 'scatter',
    symbol: 'diamond',
    symbolSize: 13,
    itemStyle: { color: '#1d2530' },
    data: issues
      .map((i) => ({ value: [statusQuoValue(i), rowOf.get(i.id)!], issue: i }))
      .filter((d) => d.value[0] !== undefined),
    tooltip: {
      formatter: (p: { data: { issue: Case['issues'][number] } }) =>
        `<b>Status quo</b> — ${escapeHtml(p.data.issue.name)}<br/>${escapeHtml(scaleLabel(p.data.issue, statusQuoValue(p.data.issue)))}`,
    },
    z: 4,
  });

  return {
    legend: { top: 0, type: 'scroll', data: [...actors.map((a) => a.name), 'Status quo'] },
    tooltip: { trigger: 'item' },
    grid: { left: 230, right: 28, top: 40, bottom: 36 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      splitNumber: 10,
      name: 'position on the issue scale (0–100)',
      nameLocation: 'middle',
      nameGap: 24,
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    yAxis: issueRowsAxis(issues.map((i) => i.name)),
    series,
  };
}

/** A value axis with one row per issue (row k at y = n−1−k), labelled with the issue names. */
export function issueRowsAxis(names: string[]) {
  const n = names.length;
  return {
    type: 'value',
    min: -0.5,
    max: n - 0.5,
    interval: 1,
    axisLabel: {
      customValues: names.map((_, k) => k),
      formatter: (v: number) => {
        const name = names[n - 1 - Math.round(v)] ?? '';
        return name.length > 36 ? `${name.slice(0, 35)}…` : name;
      },
      color: '#27313d',
      fontSize: 12,
    },
    axisTick: { show: false },
    axisLine: { show: false },
    splitLine: { show: true, lineStyle: { color: '#eef0f3' } },
  };
}
