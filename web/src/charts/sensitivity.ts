/**
 * Tornado chart of one-at-a-time sensitivity: one bar per input from its low-end to its high-end forecast,
 * drawn around the base forecast, largest effect on top (rows as the sensitivity route returns them).
 */
import type { ResponseOf } from '../../../src/contract/index.js';
import { escapeHtml } from '../lib/escape.js';
import { fmt } from '../lib/format.js';
import type { EChartsOption } from './echarts-setup.js';

type IssueSensitivity = ResponseOf<'sensitivity'>['issues'][number];

export function tornadoOption(s: IssueSensitivity, top = 12): EChartsOption {
  const base = s.base ?? 0;
  const rows = s.rows.slice(0, top);
  const lo = rows.map((r) => Math.min(r.outcomeLow ?? r.outcomeHigh ?? base, r.outcomeHigh ?? base));
  const hi = rows.map((r) => Math.max(r.outcomeLow ?? r.outcomeHigh ?? base, r.outcomeHigh ?? base));
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const r = rows[ps[0]?.dataIndex ?? 0];
        if (!r) return '';
        return [
          `<b>${escapeHtml(r.label)}</b> (base ${escapeHtml(String(r.base))})`,
          r.low === null ? '' : `low ${escapeHtml(String(r.low))} → ${fmt(r.outcomeLow)}`,
          `high ${escapeHtml(String(r.high))} → ${fmt(r.outcomeHigh)}`,
          `effect ${fmt(r.effect)}`,
        ]
          .filter(Boolean)
          .join('<br/>');
      },
    },
    grid: { left: 230, right: 24, top: 16, bottom: 32 },
    xAxis: { type: 'value', name: 'forecast', splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: { width: 210, overflow: 'truncate', color: '#27313d' },
    },
    series: [
      // An invisible bar to the lower end, then the visible span from the lower to the upper end.
      { type: 'bar', stack: 'span', itemStyle: { color: 'transparent' }, data: lo, silent: true },
      {
        type: 'bar',
        stack: 'span',
        name: 'range of the forecast',
        itemStyle: { color: '#457b9d' },
        data: rows.map((_, k) => Math.max(hi[k]! - lo[k]!, 0.05)),
      },
    ],
  };
}
