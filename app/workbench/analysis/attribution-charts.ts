/**
 * Data shaping of the attribution charts (pure; rendering is app/components/Plot.tsx): the hospitals with the
 * largest changes as stacked bars of their five parts, and one hospital's change as a waterfall. Every figure is
 * printed on the chart (a projector shows no hover), in 万元 as the tables show them (wanFigure of the fen).
 */
import { wanOfFen } from '../../lib/format';
import { FAMILIES, FAMILY_COLORS, type Family } from './families';
import type { AttributionRow, FenFigures } from './attribution-rows';

export interface ChartFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}


/** The `count` rows of the largest change (either way), largest gain first, largest loss last. */
export function largestChanges(rows: readonly AttributionRow[], count: number): AttributionRow[] {
  return [...rows]
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.code < b.code ? -1 : 1))
    .slice(0, count)
    .sort((a, b) => b.change - a.change || (a.code < b.code ? -1 : 1));
}

/** A hospital's name on an axis: its code and at most `max` characters of its name. */
export function hospitalLabel(row: Pick<AttributionRow, 'code' | 'name'>, max = 10): string {
  const name = [...row.name];
  return `${row.code} ${name.length > max ? `${name.slice(0, max - 1).join('')}…` : row.name}`;
}

/**
 * One horizontal bar trace per family (stacked: gains right of 0, losses left) over the hospitals, and the
 * change of each as a marked point with its figure written beside it.
 */
export function partBars(rows: readonly AttributionRow[], label: (family: Family) => string, totalLabel: string, format: (wan: number) => string): ChartFigure {
  const y = rows.map((r) => hospitalLabel(r));
  const data: Record<string, unknown>[] = FAMILIES.map((family) => ({
    type: 'bar',
    orientation: 'h',
    name: label(family),
    y,
    x: rows.map((r) => wanOfFen(r.parts[family])),
    marker: { color: FAMILY_COLORS[family] },
    hovertemplate: `%{y}<br>${label(family)} %{x:.2f}<extra></extra>`,
  }));
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: totalLabel,
    y,
    x: rows.map((r) => wanOfFen(r.change)),
    marker: { color: '#111', symbol: 'diamond', size: 10, line: { color: '#fff', width: 1.5 } },
    hovertemplate: `%{y}<br>${totalLabel} %{x:.2f}<extra></extra>`,
  });
  // each change written beyond the end of its bar on its side, clear of the parts
  const ends = rows.map(barEnds);
  data.push({
    type: 'scatter',
    mode: 'text',
    name: totalLabel,
    showlegend: false,
    y,
    x: rows.map((r, i) => (r.change >= 0 ? ends[i]![0] : -ends[i]![1]) || 0),
    text: rows.map((r) => format(wanOfFen(r.change))),
    textposition: rows.map((r) => (r.change >= 0 ? 'middle right' : 'middle left')),
    cliponaxis: false,
    hoverinfo: 'skip',
  });
  const reach = Math.max(1, ...rows.map((r) => Math.abs(wanOfFen(r.change))), ...ends.flat());
  return {
    data,
    layout: {
      barmode: 'relative',
      height: Math.max(340, 150 + rows.length * 26),
      margin: { t: 92, r: 30, b: 40, l: 190 },
      title: { y: 0.985, yanchor: 'top', x: 0.01, xanchor: 'left' },
      legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom' },
      // room on both sides for the figures written beyond the bars
      xaxis: { range: [-reach * 1.35, reach * 1.35], zeroline: true, zerolinewidth: 2, tickformat: ',.0f' },
      yaxis: { autorange: 'reversed', automargin: true, type: 'category' },
    },
  };
}

/** The ends of a hospital's stacked bar (万元): Σ positive parts and Σ negative parts. */
function barEnds(row: AttributionRow): [number, number] {
  let up = 0;
  let down = 0;
  for (const f of FAMILIES) {
    const wan = wanOfFen(row.parts[f]);
    if (wan > 0) up += wan;
    else down -= wan;
  }
  return [up, down];
}

/**
 * One hospital's change as a waterfall: each family's part floats from the sum of the parts before it, then the
 * change stands from 0 (the parts add up to it). Bars carry their figures as text.
 */
export function waterfall(figures: Pick<FenFigures, 'parts' | 'change'>, label: (family: Family) => string, totalLabel: string, format: (wan: number) => string): ChartFigure {
  const x = [...FAMILIES.map(label), totalLabel];
  const base: number[] = [];
  const y: number[] = [];
  let runningFen = 0;
  for (const f of FAMILIES) {
    base.push(wanOfFen(runningFen));
    // the bar's ends at the figures shown (万元 to 2 decimals), so that the bars meet
    y.push(Math.round((wanOfFen(runningFen + figures.parts[f]) - wanOfFen(runningFen)) * 100) / 100 || 0);
    runningFen += figures.parts[f];
  }
  base.push(0);
  y.push(wanOfFen(figures.change));
  const shown = [...FAMILIES.map((f) => wanOfFen(figures.parts[f])), wanOfFen(figures.change)];
  return {
    data: [
      {
        type: 'bar',
        x,
        y,
        base,
        text: shown.map(format),
        textposition: 'outside',
        cliponaxis: false,
        marker: { color: [...FAMILIES.map((f) => FAMILY_COLORS[f]), '#111'] },
        hoverinfo: 'skip',
        showlegend: false,
      },
    ],
    layout: {
      height: 340,
      margin: { t: 30, r: 20, b: 50, l: 70 },
      xaxis: { type: 'category' },
      yaxis: { zeroline: true, zerolinewidth: 2, tickformat: ',.0f' },
    },
  };
}
