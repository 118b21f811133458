/**
 * The 下年度预测 chart and table rows (pure): a pool's monthly point value this year and projected, the year's
 * point values as dashed lines, every figure the chart needs also as rows for its export.
 */
import type { ProjectedPool } from '@/worker/analysis/projection';
import type { ChartFigure } from './attribution-charts';

export interface MonthRow {
  month: number;
  thisYear: number;
  projected: number;
}

export function monthRows(pool: Pick<ProjectedPool, 'this_year' | 'projected'>): MonthRow[] {
  return pool.this_year.monthly.map((thisYear, i) => ({ month: i + 1, thisYear, projected: pool.projected.monthly[i] ?? 0 }));
}

const THIS_YEAR = '#4a5568';
const PROJECTED = '#c05621';

/** Two monthly lines with their figures at the markers' side, and each year's point value as a dashed line. */
export function projectionChart(pool: Pick<ProjectedPool, 'this_year' | 'projected'>, labels: { thisYear: string; projected: string; month: string }, monthLabel: (month: number) => string): ChartFigure {
  const rows = monthRows(pool);
  const x = rows.map((r) => monthLabel(r.month));
  // the same figure both years (zero growth): one label, not two drawn over each other
  const same = pool.this_year.point_value.toFixed(4) === pool.projected.point_value.toFixed(4);
  const line = (name: string, y: number[], color: string, year: number, above: boolean, labelled = true) => [
    { type: 'scatter', mode: 'lines+markers', name, x, y, line: { color, width: 3 }, marker: { size: 7 }, hovertemplate: '%{x} %{y:.4f}<extra></extra>' },
    {
      type: 'scatter',
      mode: 'lines+text',
      name: `${name}（${year.toFixed(4)}）`,
      x: [x[0], x[x.length - 1]],
      y: [year, year],
      text: ['', labelled ? year.toFixed(4) : ''],
      // the two years' figures on either side of their lines, apart however close the lines are
      textposition: above ? 'top left' : 'bottom left',
      line: { color, width: 1.5, dash: 'dash' },
      hoverinfo: 'skip',
      showlegend: false,
    },
  ];
  const values = rows.flatMap((r) => [r.thisYear, r.projected]).concat(pool.this_year.point_value, pool.projected.point_value).filter((v) => v > 0);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, hi * 0.01, 1e-6);
  return {
    data: [
      ...line(labels.thisYear, rows.map((r) => r.thisYear), THIS_YEAR, pool.this_year.point_value, pool.this_year.point_value >= pool.projected.point_value),
      ...line(labels.projected, rows.map((r) => r.projected), PROJECTED, pool.projected.point_value, pool.this_year.point_value < pool.projected.point_value, !same),
    ],
    layout: {
      height: 360,
      margin: { t: 70, r: 20, b: 50, l: 70 },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      xaxis: { type: 'category', title: { text: labels.month } },
      yaxis: { range: values.length ? [lo - pad, hi + pad] : undefined, tickformat: ',.2f' },
    },
  };
}
