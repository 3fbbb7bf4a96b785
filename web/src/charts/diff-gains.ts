/** Who gains from a plan change: per issue, each actor's salience-weighted gain as grouped horizontal bars. */
import type { Case } from '../api/types.js';
import type { DiffView } from '../lib/present-redlines.js';
import { escapeHtml } from '../lib/escape.js';
import { fmt } from '../lib/format.js';
import type { EChartsOption } from './echarts-setup.js';

export function diffGainsOption(c: Case, diff: DiffView, colors: Map<string, string>): EChartsOption {
  const rows = diff.issues.filter((r) => r.gains.size > 0);
  const issueNames = rows.map((r) => c.issues.find((i) => i.id === r.issue)?.name ?? r.issue);
  const actors = c.actors.filter((a) => rows.some((r) => r.gains.has(a.id)));
  return {
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { seriesName: string; value: number; name: string; color: string }[]) =>
        [
          `<b>${escapeHtml(ps[0]?.name)}</b>`,
          ...ps.map((p) => `${escapeHtml(p.seriesName)}: ${p.value > 0 ? '+' : ''}${fmt(p.value, 2)}`),
        ].join('<br/>'),
    },
    grid: { left: 180, right: 24, top: 36, bottom: 36 },
    xAxis: {
      type: 'value',
      name: '← moved away   ·   salience-weighted gain   ·   moved toward →',
      nameLocation: 'middle',
      nameGap: 24,
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    yAxis: { type: 'category', data: issueNames, inverse: true, axisTick: { show: false } },
    series: actors.map((a) => ({
      name: a.name,
      type: 'bar',
      itemStyle: { color: colors.get(a.id), borderRadius: 2 },
      barMaxWidth: 12,
      data: rows.map((r) => r.gains.get(a.id) ?? 0),
    })),
  };
}
