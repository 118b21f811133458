/**
 * Several charts drawn as one plotly figure: a grid of cells, each cell one chart with its own axes, title,
 * legend and margins, exactly where it would be drawn as a figure of its own (pure; ChartGrid.tsx draws it).
 *
 * Why: a rerun redraws every comparison chart, and plotly's cost of an update is mostly per figure (defaults of
 * the whole layout, the figure's measurements, its forced layouts of the page), not per point. Four figures cost
 * an edit about four times that; one figure of four cells costs it once.
 */
import type { AxisRange } from './charts';

export interface Margin {
  t: number;
  r: number;
  b: number;
  l: number;
}

export interface ChartSpec {
  /** plotly traces, on the axes x/y (and y2 … when the layout has yaxis2 …) */
  data: Record<string, unknown>[];
  /** plotly layout of the chart as a figure of its own, without the ranges of the axes in `extents` */
  layout: Record<string, unknown>;
  /** per axis ('xaxis', 'yaxis', 'yaxis2' …) the values the data need shown, padding included */
  extents: Record<string, AxisRange | null>;
  /** room around the plot area for ticks, axis titles and the title (default CHART_MARGIN) */
  margin?: Partial<Margin>;
}

export const CHART_MARGIN: Margin = { t: 56, r: 20, b: 60, l: 70 };

/** A cell of the grid, in pixels from the figure's top left corner. */
export interface Cell {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface GridOptions {
  /** height of a chart's own area (plot, margins and title) */
  chartHeight: number;
  /** room under each chart for its buttons, inside its cell */
  footer: number;
  /** space between cells */
  gap: number;
  /** a second column only when each gets at least this width */
  minCellWidth: number;
}

export const GRID: GridOptions = { chartHeight: 420, footer: 48, gap: 16, minCellWidth: 620 };

/** Cells of `count` charts in a figure `width` pixels wide: two columns when they fit, else one. */
export function gridCells(count: number, width: number, options: GridOptions = GRID): { cells: Cell[]; height: number } {
  const columns = width >= 2 * options.minCellWidth + options.gap ? 2 : 1;
  const cellWidth = (width - (columns - 1) * options.gap) / columns;
  const cellHeight = options.chartHeight + options.footer;
  const cells = Array.from({ length: count }, (_, i): Cell => ({
    left: (i % columns) * (cellWidth + options.gap),
    top: Math.floor(i / columns) * (cellHeight + options.gap),
    width: cellWidth,
    height: cellHeight,
  }));
  const rows = Math.ceil(count / columns);
  return { cells, height: rows > 0 ? rows * cellHeight + (rows - 1) * options.gap : 0 };
}

/** A chart's axis names in its own layout ('xaxis', 'yaxis', 'yaxis2' …), x and y always. */
function axesOf(spec: ChartSpec, letter: 'x' | 'y'): string[] {
  const names = new Set([`${letter}axis`]);
  for (const key of Object.keys(spec.layout)) if (new RegExp(`^${letter}axis\\d*$`).test(key)) names.add(key);
  for (const trace of spec.data) {
    const ref = trace[`${letter}axis`];
    if (typeof ref === 'string') names.add(`${letter}axis${ref.slice(1)}`);
  }
  return [...names].sort((a, b) => Number(a.slice(5) || 1) - Number(b.slice(5) || 1));
}

/** plotly's default trace colours: in a figure of its own, a chart's n-th trace takes the n-th */
const COLORWAY = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** The trace with `color` where it sets none: in the figure it is not its chart's n-th trace any more. */
function withColor(trace: Record<string, unknown>, color: string): Record<string, unknown> {
  const marker = (trace.marker ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...trace, marker: { ...marker, color: marker.color ?? color } };
  if (trace.type === 'scatter') {
    const line = (trace.line ?? {}) as Record<string, unknown>;
    out.line = { ...line, color: line.color ?? color };
  }
  return out;
}

/** the suffix of the n-th axis or legend: '' for the first, then '2', '3' … */
const numbered = (n: number) => (n === 1 ? '' : String(n));

/** 'yaxis3' → 'y3', 'xaxis' → 'x' (the name a trace or an anchor uses) */
const refOf = (axis: string) => `${axis[0]}${axis.slice(5)}`;
/** 'y3' → 'yaxis3' */
const axisOf = (ref: string) => `${ref[0]}axis${ref.slice(1)}`;

/** plotly's 'auto' yanchor of a legend at `y` (paper coordinates of its chart), made explicit */
function autoAnchor(y: number): string {
  return y <= 1 / 3 ? 'bottom' : y >= 2 / 3 ? 'top' : 'middle';
}

export interface GridFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  /** `extents` of every chart, under the figure's axis names */
  extents: Record<string, AxisRange | null>;
  cells: Cell[];
  height: number;
  /** per chart, its axes' names in the figure by their names in the chart ('yaxis2' → 'yaxis4') */
  axes: Record<string, string>[];
}

/**
 * The charts as one figure `width` pixels wide: each chart's axes renamed to axes of its own and placed in its
 * cell (the cell less the chart's margins), its title an annotation above that plot area, its legend a legend of
 * its own (legend, legend2 …) at the same place relative to its plot area, its shapes on its axes, its traces in
 * the colours they have in a figure of their own. Figure-wide
 * layout keys of the charts (barmode …) are taken from the first chart that sets them; the figure itself has no
 * margins: every position is the charts' own.
 */
export function combineCharts(specs: ChartSpec[], width: number, options: GridOptions = GRID): GridFigure {
  const { cells, height } = gridCells(specs.length, width, options);
  const data: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = { margin: { t: 0, r: 0, b: 0, l: 0 }, width, height, showlegend: true, annotations: [], shapes: [] };
  const annotations = layout.annotations as Record<string, unknown>[];
  const shapes = layout.shapes as Record<string, unknown>[];
  const extents: Record<string, AxisRange | null> = {};
  const allAxes: Record<string, string>[] = [];
  let nextX = 1;
  let nextY = 1;
  let legends = 0;
  const xPaper = (px: number) => px / width;
  const yPaper = (px: number) => 1 - px / height;

  specs.forEach((spec, i) => {
    const cell = cells[i]!;
    const margin = { ...CHART_MARGIN, ...spec.margin };
    // the plot area of the chart, as in a figure of its own
    const plot = { left: cell.left + margin.l, right: cell.left + cell.width - margin.r, top: cell.top + margin.t, bottom: cell.top + options.chartHeight - margin.b };
    const axes: Record<string, string> = {};
    for (const name of axesOf(spec, 'x')) axes[name] = `xaxis${numbered(nextX++)}`;
    for (const name of axesOf(spec, 'y')) axes[name] = `yaxis${numbered(nextY++)}`;
    allAxes.push(axes);
    const rename = (ref: string) => refOf(axes[axisOf(ref)] ?? axisOf(ref));
    const mainX = refOf(axes.xaxis!);
    const mainY = refOf(axes.yaxis!);

    for (const [name, figureName] of Object.entries(axes)) {
      const own = (spec.layout[name] ?? {}) as Record<string, unknown>;
      const isX = name.startsWith('x');
      const placed: Record<string, unknown> = {
        ...own,
        domain: isX ? [xPaper(plot.left), xPaper(plot.right)] : [yPaper(plot.bottom), yPaper(plot.top)],
        anchor: isX ? mainY : mainX,
      };
      if (typeof own.overlaying === 'string') placed.overlaying = rename(own.overlaying);
      layout[figureName] = placed;
      if (name in spec.extents) extents[figureName] = spec.extents[name] ?? null;
    }

    const title = (spec.layout.title as { text?: string } | undefined)?.text;
    if (title) {
      annotations.push({
        text: title, showarrow: false, xref: 'paper', yref: 'paper', xanchor: 'center', yanchor: 'top',
        x: xPaper(cell.left + cell.width / 2), y: yPaper(cell.top + 10), font: { size: 19 },
      });
    }

    // a legend of its own when the chart would show one in a figure of its own
    const ownLegend = spec.layout.legend as Record<string, unknown> | undefined;
    const shows = spec.layout.showlegend ?? spec.data.filter((t) => t.showlegend !== false).length > 1;
    let legendId: string | null = null;
    if (shows) {
      legendId = `legend${numbered(++legends)}`;
      // plotly's defaults: x 1.02 (vertical) or 0, y 1 (vertical) or -0.1, xanchor left, yanchor by y
      const vertical = ownLegend?.orientation !== 'h';
      const x = typeof ownLegend?.x === 'number' ? ownLegend.x : vertical ? 1.02 : 0;
      const y = typeof ownLegend?.y === 'number' ? ownLegend.y : vertical ? 1 : -0.1;
      layout[legendId] = {
        ...ownLegend,
        x: xPaper(plot.left + x * (plot.right - plot.left)),
        y: yPaper(plot.bottom - y * (plot.bottom - plot.top)),
        xanchor: ownLegend?.xanchor ?? 'left',
        yanchor: ownLegend?.yanchor ?? autoAnchor(y),
      };
    }

    spec.data.forEach((trace, t) => {
      data.push({
        ...withColor(trace, COLORWAY[t % COLORWAY.length]!),
        xaxis: rename(typeof trace.xaxis === 'string' ? trace.xaxis : 'x'),
        yaxis: rename(typeof trace.yaxis === 'string' ? trace.yaxis : 'y'),
        ...(legendId ? { legend: legendId } : { showlegend: false }),
      });
    });

    for (const shape of (spec.layout.shapes as Record<string, unknown>[] | undefined) ?? []) {
      // 'paper' of a chart is its plot area: the domain of its main axes in the figure
      const ref = (key: 'xref' | 'yref', main: string) => {
        const value = typeof shape[key] === 'string' ? (shape[key] as string) : key[0]!;
        if (value === 'paper') return `${main} domain`;
        const [axis, domain] = value.split(' ');
        return domain ? `${rename(axis!)} ${domain}` : rename(axis!);
      };
      shapes.push({ ...shape, xref: ref('xref', mainX), yref: ref('yref', mainY) });
    }

    // figure-wide keys (barmode …): the first chart that sets one decides
    for (const [key, value] of Object.entries(spec.layout)) {
      if (/^[xy]axis\d*$/.test(key) || ['title', 'legend', 'shapes', 'showlegend', 'margin', 'width', 'height'].includes(key)) continue;
      if (!(key in layout)) layout[key] = value;
    }
  });
  return { data, layout, extents, cells, height, axes: allAxes };
}

/** The chart as a figure of its own (its PNG), `width` × `height` pixels, its axes at the ranges given. */
export function singleFigure(spec: ChartSpec, ranges: Record<string, AxisRange>, width: number, height: number): { data: Record<string, unknown>[]; layout: Record<string, unknown> } {
  const layout: Record<string, unknown> = { ...spec.layout, margin: { ...CHART_MARGIN, ...spec.margin }, width, height };
  for (const [axis, range] of Object.entries(ranges)) layout[axis] = { ...(layout[axis] as object), range, autorange: false };
  return { data: spec.data, layout };
}
