/**
 * The plotly figure of one DRG's cost histogram (server/services/recalibration.ts bins it): kept and trimmed
 * cases as stacked bars, the trim's bounds and the trimmed mean as vertical lines with their values. Pure:
 * data in, traces and layout out.
 */
import type { DrgCostHistogram } from '@/server/services/recalibration';

export interface HistogramTexts {
  kept: string;
  trimmed: string;
  lower: (x: string) => string;
  upper: (x: string) => string;
  trimmedMean: (x: string) => string;
  xTitle: string;
  yTitle: string;
  /** a cost as shown: whole yuan with separators */
  yuan: (x: number) => string;
}

const KEPT = '#0b5cad';
const TRIMMED = '#c62828';
const MEAN = '#1a7f37';

interface Marker {
  x: number;
  text: string;
  color: string;
  dash: string;
}

export function histogramFigure(histogram: DrgCostHistogram, trimmedMean: number | null, texts: HistogramTexts): { data: unknown[]; layout: Record<string, unknown> } {
  const centres = histogram.kept.map((_, i) => histogram.from + (i + 0.5) * histogram.width);
  const bar = (y: number[], name: string, color: string) => ({ type: 'bar', x: centres, y, width: histogram.width, name, marker: { color }, hovertemplate: `${name} %{y}<extra></extra>` });
  const end = histogram.from + histogram.width * histogram.kept.length;
  const markers: Marker[] = [];
  if (histogram.lower !== null && histogram.lower >= histogram.from) markers.push({ x: histogram.lower, text: texts.lower(texts.yuan(histogram.lower)), color: TRIMMED, dash: 'dash' });
  if (histogram.upper !== null && histogram.upper <= end) markers.push({ x: histogram.upper, text: texts.upper(texts.yuan(histogram.upper)), color: TRIMMED, dash: 'dash' });
  if (trimmedMean !== null) markers.push({ x: trimmedMean, text: texts.trimmedMean(texts.yuan(trimmedMean)), color: MEAN, dash: 'dot' });
  return {
    data: [bar(histogram.kept, texts.kept, KEPT), bar(histogram.trimmed, texts.trimmed, TRIMMED)],
    layout: {
      barmode: 'stack',
      bargap: 0.05,
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.12 },
      xaxis: { title: { text: texts.xTitle }, tickformat: ',d' },
      yaxis: { title: { text: texts.yTitle }, rangemode: 'tozero' },
      shapes: markers.map((m) => ({ type: 'line', xref: 'x', yref: 'paper', x0: m.x, x1: m.x, y0: 0, y1: 1, line: { color: m.color, width: 2, dash: m.dash } })),
      // labels at the top, staggered so that close lines do not write over each other
      annotations: markers.map((m, i) => ({ x: m.x, xref: 'x', yref: 'paper', y: 1 - i * 0.08, yanchor: 'top', xanchor: 'left', text: m.text, showarrow: false, font: { color: m.color }, bgcolor: 'rgba(255,255,255,0.85)' })),
      margin: { t: 70, r: 20, b: 60, l: 60 },
    },
  };
}
