/** Point × actor red-line matrix as a heat map: inside (green), crosses (red), silent (grey); reasons on hover. */
import type { Case } from '../api/types.js';
import type { CheckView } from '../lib/present-redlines.js';
import { STATUS_COLORS } from '../lib/colors.js';
import { escapeHtml } from '../lib/escape.js';
import type { EChartsOption } from './echarts-setup.js';

const CODE = { silent: 0, inside: 1, crosses: 2, unknown: 3, 'no-red-line': 4 } as const;
const LABEL = [
  'silent: the point settles nothing the actor has a stance on',
  'inside the red line',
  'crosses the red line',
  'not determined',
  'the actor has a stance here but no red line',
];

export function redLineMatrixOption(
  c: Case,
  check: CheckView,
  summaries: Map<number, string>,
  narrow = false,
): EChartsOption {
  const actors = check.actors.length ? check.actors : c.actors.map((a) => a.id);
  const names = actors.map((id) => c.actors.find((a) => a.id === id)?.name ?? id);
  const points = check.points.map((p) => p.number);
  const rowOf = new Map(points.map((n, k) => [n, k]));
  const colOf = new Map(actors.map((a, k) => [a, k]));
  const data = check.cells
    .filter((cell) => rowOf.has(cell.point) && colOf.has(cell.actor))
    .map((cell) => ({ value: [colOf.get(cell.actor)!, rowOf.get(cell.point)!, CODE[cell.status]], cell }));
  return {
    tooltip: {
      formatter: (p: { data: { cell: CheckView['cells'][number] } }) => {
        const cell = p.data.cell;
        const who = names[colOf.get(cell.actor)!];
        const summary = summaries.get(cell.point);
        return [
          `<b>Point ${cell.point}</b> × <b>${escapeHtml(who)}</b>`,
          summary ? `<span style="color:#5b6675">${escapeHtml(summary.slice(0, 140))}</span>` : '',
          `<b>${escapeHtml(LABEL[CODE[cell.status]])}</b>`,
          cell.reason ? escapeHtml(cell.reason) : '',
        ]
          .filter(Boolean)
          .join('<br/>');
      },
      extraCssText: 'max-width:360px;white-space:normal;',
    },
    grid: { left: 56, right: 16, top: narrow ? 96 : 64, bottom: 16 },
    xAxis: {
      type: 'category',
      data: names,
      position: 'top',
      axisLabel: { interval: 0, fontWeight: 600, color: '#27313d', rotate: narrow ? 40 : 0 },
      axisTick: { show: false },
      axisLine: { show: false },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: points.map((n) => `#${n}`),
      inverse: true,
      axisLabel: { color: '#5b6675' },
      axisTick: { show: false },
      axisLine: { show: false },
    },
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 2,
      pieces: [
        { value: 0, color: STATUS_COLORS.silent },
        { value: 1, color: STATUS_COLORS.inside },
        { value: 2, color: STATUS_COLORS.crosses },
        { value: 3, color: STATUS_COLORS.unknown },
        { value: 4, color: STATUS_COLORS.noRedLine },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
        emphasis: { itemStyle: { borderColor: '#1d2530', borderWidth: 2 } },
        label: {
          show: true,
          formatter: (p: { value: number[] }) =>
            p.value[2] === 2 ? '✕' : p.value[2] === 1 ? '✓' : p.value[2] === 4 ? '·' : '',
          color: '#fff',
          fontSize: 11,
        },
      },
    ],
  };
}
