/**
 * Several charts drawn as one plotly figure: a grid of cells, each cell one chart with its own axes, title,
 * legend and margins, laid out by its frame (chart-frame.ts) (pure; ChartGrid.tsx draws it).
 *
 * Why: a rerun redraws every comparison chart, and plotly's cost of an update is mostly per figure (defaults of
 * the whole layout, the figure's measurements, its forced layouts of the page), not per point. Four figures cost
 * an edit about four times that; one figure of four cells costs it once.
 *
 * Why the grid places titles, legends and the x axis's names itself: plotly would wrap a legend at the width of
 * the whole figure (over the next chart), and turn long category names down over what lies under them.
 */
import type { AxisRange } from './charts';
import { estimateTextWidth, type MeasureText } from './chart-text';
import { chartFrame, gridCells, gridColumns, GRID, TITLE_TOP, Y_TITLE_STANDOFF, type Cell, type ChartFrame, type ChartSpec, type GridOptions } from './chart-frame';

export { CHART_MARGIN, GRID, gridCells, type Cell, type ChartSpec, type GridOptions, type Margin } from './chart-frame';

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

export interface GridFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  /** `extents` of every chart, under the figure's axis names */
  extents: Record<string, AxisRange | null>;
  cells: Cell[];
  /** per chart, the height of its area in its cell (the rest of the cell is its footer) */
  chartHeights: number[];
  height: number;
  /** per chart, its axes' names in the figure by their names in the chart ('yaxis2' → 'yaxis4') */
  axes: Record<string, string>[];
}

/** The layout of `specs` in a grid `width` px wide: each chart's frame and cell (what the page places its buttons by). */
export function gridLayout(specs: readonly ChartSpec[], width: number, options: GridOptions = GRID, measure: MeasureText = estimateTextWidth): { frames: ChartFrame[]; cells: Cell[]; chartHeights: number[]; height: number } {
  const { cellWidth } = gridColumns(width, options);
  const frames = specs.map((spec) => chartFrame(spec, cellWidth, options, measure));
  const { cells, height } = gridCells(frames.map((f) => f.height), width, options);
  return { frames, cells, chartHeights: cells.map((c) => c.height - options.footer), height };
}

/**
 * The charts as one figure `width` pixels wide: each chart's axes renamed to axes of its own and placed in its
 * cell (the chart's area less its frame's margins), its title an annotation at the top of its cell in the
 * frame's lines, its legend one horizontal legend per row of its frame (legend, legend2 …), the names under its
 * x axis wrapped and never turned, its shapes on its axes, its traces in the colours they have in a figure of
 * their own. Figure-wide layout keys of the charts (barmode …) are taken from the first chart that sets them;
 * the figure itself has no margins: every position is the charts' own.
 */
export function combineCharts(specs: readonly ChartSpec[], width: number, options: GridOptions = GRID, measure: MeasureText = estimateTextWidth): GridFigure {
  const { frames, cells, chartHeights, height } = gridLayout(specs, width, options, measure);
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
    const frame = frames[i]!;
    const { margin } = frame;
    // the plot area: the chart's area (its row's height) less its margins
    const left = cell.left + Math.min(margin.l, cell.width / 2);
    // a cell narrower than its margins (a phone) still gets a plot area, however small
    const plot = { left, right: Math.max(left + 1, cell.left + cell.width - margin.r), top: cell.top + margin.t, bottom: cell.top + chartHeights[i]! - margin.b };
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
      // the room the frame left for a y axis's title counts this standoff from the tick labels
      if (!isX && own.title) placed.title = { ...(own.title as object), standoff: Y_TITLE_STANDOFF };
      if (name === 'xaxis' && frame.xLabels) {
        Object.assign(placed, { tickmode: 'array', tickvals: frame.xLabels.map((_, k) => k), ticktext: frame.xLabels, tickangle: 0, range: [-0.5, frame.xLabels.length - 0.5] });
      }
      layout[figureName] = placed;
      if (name in spec.extents) extents[figureName] = spec.extents[name] ?? null;
    }

    if (frame.title.length) {
      annotations.push({
        text: frame.title.join('<br>'), showarrow: false, xref: 'paper', yref: 'paper', xanchor: 'center', yanchor: 'top',
        x: xPaper(cell.left + cell.width / 2), y: yPaper(cell.top + TITLE_TOP), font: { size: options.titleSize },
      });
    }

    // each row of the legend a legend of its own, placed by the frame: plotly wraps none
    const legendOf = new Map<number, { id: string; text: string }>();
    for (const row of frame.legend) {
      const id = `legend${numbered(++legends)}`;
      layout[id] = { orientation: 'h', x: xPaper(plot.left), y: yPaper(cell.top + row.top), xanchor: 'left', yanchor: 'top' };
      for (const entry of row.entries) legendOf.set(entry.index, { id, text: entry.text });
    }

    spec.data.forEach((trace, t) => {
      const legend = legendOf.get(t);
      data.push({
        ...withColor(trace, COLORWAY[t % COLORWAY.length]!),
        xaxis: rename(typeof trace.xaxis === 'string' ? trace.xaxis : 'x'),
        yaxis: rename(typeof trace.yaxis === 'string' ? trace.yaxis : 'y'),
        ...(legend ? { legend: legend.id, name: legend.text } : { showlegend: false }),
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
  return { data, layout, extents, cells, chartHeights, height, axes: allAxes };
}

/**
 * The chart as a figure of its own (its PNG), `width` px wide and `height` high (more when its texts need it),
 * laid out as in the grid, its axes at the ranges given.
 */
export function singleFigure(spec: ChartSpec, ranges: Record<string, AxisRange>, width: number, height: number): { data: Record<string, unknown>[]; layout: Record<string, unknown> } {
  const figure = combineCharts([spec], width, { ...GRID, chartHeight: height, footer: 0, minCellWidth: Infinity });
  const layout = { ...figure.layout };
  for (const [axis, range] of Object.entries(ranges)) layout[axis] = { ...(layout[axis] as object), range, autorange: false };
  return { data: figure.data, layout };
}
