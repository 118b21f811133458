'use client';
import { memo, useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { wanUnit } from '../../lib/format';
import { ChartGrid } from './ChartGrid';
import type { ChartSpec } from './chart-grid';
import { acrossRounds, changeBarTraces, cmiScatter, cmiScatterTraces, extentOf, LEVEL_COLORS, padded, shiftByLevel, sortedChanges } from './charts';
import type { ImpactRow, SettledRound } from './impact';

export interface ChartsProps {
  rows: ImpactRow[];
  baselineName: string;
  roundNames: string[];
  baseline: SettledRound;
  results: SettledRound[];
  /** the index in roundNames of the round being edited: the charts of one round show it */
  editedIndex: number;
}

/**
 * The four comparison charts, one plotly figure (ChartGrid): the edited round against the baseline (change by
 * hospital, shift between levels), and every round in lineage order (CMI against payment/cost, point values and
 * settlement). Titles, legends and round names are placed by the grid (chart-frame.ts), whatever their length.
 */
export const Charts = memo(function Charts({ rows, baselineName, roundNames, baseline, results, editedIndex }: ChartsProps) {
  const { t, locale } = useLocale();
  const unit = wanUnit(locale);
  const edited = roundNames[editedIndex] ?? '';

  const changeChart = useMemo((): ChartSpec => {
    const bars = sortedChanges(rows, editedIndex);
    return {
      data: changeBarTraces(bars, (l) => t(`level.${l as 1 | 2 | 3}`)),
      layout: {
        title: { text: t('chart.changeTitle', { round: edited, baseline: baselineName }) },
        barmode: 'overlay',
        xaxis: { showticklabels: false, title: { text: t('chart.hospitalsSorted') }, range: [-0.5, bars.length - 0.5] },
        yaxis: { title: { text: unit } },
      },
      extents: { yaxis: extentOf(bars.map((b) => b.yuan / 1e4), true) },
    };
  }, [rows, t, edited, editedIndex, baselineName, unit]);

  const scatterChart = useMemo((): ChartSpec => {
    const order = [baselineName, ...roundNames];
    const points = cmiScatter(rows, baselineName, roundNames);
    const xs = extentOf(points.map((p) => p.cmi));
    const ys = extentOf([1, ...points.map((p) => p.ratio)]);
    return {
      data: cmiScatterTraces(points, order),
      extents: { xaxis: xs && padded(xs, 0.05), yaxis: ys && padded(ys, 0.05) },
      layout: {
        title: { text: t('chart.cmiTitle') },
        xaxis: { title: { text: 'CMI' } },
        yaxis: { title: { text: t('impact.paymentCostRatio') } },
        shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 1, y1: 1, line: { dash: 'dot', color: '#888' } }],
      },
    };
  }, [rows, baselineName, roundNames, t]);

  const roundsChart = useMemo((): ChartSpec => {
    const figures = acrossRounds([baselineName, ...roundNames], [baseline, ...results]);
    // the rounds at 0, 1 …, named under the axis by the grid (wrapped, never turned); their names in the hover
    const x = figures.map((_, i) => i);
    const hovertext = figures.map((f) => f.round);
    const hover = (format: string) => `%{hovertext}<br>%{y:${format}}<extra>%{fullData.name}</extra>`;
    const pointValues = extentOf(figures.flatMap((f) => [f.employeePointValue, f.residentPointValue]));
    return {
      extents: { yaxis: extentOf(figures.map((f) => f.settlement / 1e8), true), yaxis2: pointValues && padded(pointValues, 0.1) },
      data: [
        { type: 'bar', name: t('chart.settlement'), x, y: figures.map((f) => f.settlement / 1e8), hovertext, hovertemplate: hover('.2f'), marker: { color: '#9fb7d0' } },
        { type: 'scatter', mode: 'lines+markers', name: `${t('pool.employee')} ${t('chart.pointValue')}`, x, y: figures.map((f) => f.employeePointValue), hovertext, hovertemplate: hover('.4f'), yaxis: 'y2' },
        { type: 'scatter', mode: 'lines+markers', name: `${t('pool.resident')} ${t('chart.pointValue')}`, x, y: figures.map((f) => f.residentPointValue), hovertext, hovertemplate: hover('.4f'), yaxis: 'y2' },
      ],
      layout: {
        title: { text: t('chart.roundsTitle') },
        yaxis: { title: { text: t('chart.settlementUnit') } },
        yaxis2: { title: { text: t('chart.pointValue') }, overlaying: 'y', side: 'right' },
      },
      xLabels: figures.map((f) => f.round),
      // the point values' axis on the right
      margin: { r: 80 },
    };
  }, [baselineName, roundNames, baseline, results, t]);

  const shiftChart = useMemo((): ChartSpec => {
    const shift = shiftByLevel(rows, editedIndex);
    const x = shift.map((s) => t(`level.${s.level as 1 | 2 | 3}`));
    const y = shift.map((s) => s.yuan / 1e4);
    const bars = extentOf(y, true);
    return {
      // room beyond the bars' ends for their labels
      extents: { yaxis: bars && [bars[0] < 0 ? bars[0] - (bars[1] - bars[0]) * 0.12 : 0, bars[1] > 0 ? bars[1] + (bars[1] - bars[0]) * 0.12 : 0] },
      data: [
        { type: 'bar', x, y, marker: { color: shift.map((s) => LEVEL_COLORS[s.level] ?? '#888') } },
        // the labels beyond the bars' ends: a text trace, placed from the font size, where a bar's own outside
        // text makes plotly measure each label (a forced layout of the page in the middle of every rerun's update)
        {
          type: 'scatter',
          mode: 'text',
          x,
          y,
          text: y.map((v) => v.toFixed(1)),
          textposition: y.map((v) => (v < 0 ? 'bottom center' : 'top center')),
          cliponaxis: false,
          hoverinfo: 'skip',
          showlegend: false,
        },
      ],
      layout: { title: { text: t('chart.shiftTitle', { round: edited }) }, yaxis: { title: { text: unit } }, showlegend: false },
    };
  }, [rows, t, edited, editedIndex, unit]);

  const charts = useMemo(
    () => [
      { spec: changeChart, filename: 'change-by-hospital', testId: 'chart-change' },
      { spec: scatterChart, filename: 'cmi-vs-payment-cost', testId: 'chart-cmi' },
      { spec: roundsChart, filename: 'point-value-across-rounds', testId: 'chart-rounds' },
      { spec: shiftChart, filename: 'shift-between-levels', testId: 'chart-shift' },
    ],
    [changeChart, scatterChart, roundsChart, shiftChart],
  );
  return <ChartGrid charts={charts} testId="comparison-charts" />;
});
