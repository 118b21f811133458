/**
 * A chart's frame in the grid (pure): from the top of its cell down, its title in lines, its legend in rows, the
 * plot area, and under it the x axis's names in lines; every height from the texts (chart-text.ts), so that
 * nothing overlaps whatever the number of rounds and the length of their names. Then the grid's cells: one or two
 * columns by the width, each row of cells as high as its highest chart.
 */
import { estimateTextWidth, legendRows, wrapText, type MeasureText } from './chart-text';

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
  extents: Record<string, [number, number] | null>;
  /** least room around the plot area for ticks and axis titles (default CHART_MARGIN; the top grows with the title and legend) */
  margin?: Partial<Margin>;
  /** names under the x axis, one per category at x = 0, 1 …: wrapped to the width of their slot, never turned */
  xLabels?: readonly string[];
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
  /** least height of a chart's own area (title, legend, plot, axes) */
  chartHeight: number;
  /** least height of a plot area: the chart grows when its texts take more */
  minPlotHeight: number;
  /** room under each chart for its buttons, inside its cell */
  footer: number;
  /** space between cells */
  gap: number;
  /** a second column only when each gets at least this width */
  minCellWidth: number;
  /** the figure's font size (tick labels, legends) and the titles' */
  fontSize: number;
  titleSize: number;
}

export const GRID: GridOptions = { chartHeight: 420, minPlotHeight: 260, footer: 48, gap: 16, minCellWidth: 620, fontSize: 15, titleSize: 19 };

/** plotly draws a line of text 1.3 times the font size high */
const LINE = 1.3;
/** the title's first line this far under the cell's top; the title this far from the cell's sides */
export const TITLE_TOP = 10;
const TITLE_SIDE = 16;
/** a legend row as plotly draws it: an entry (text line + 3, at least 16 + 3) and 5 px above and below */
export const legendRowHeight = (fontSize: number) => Math.ceil(Math.max(fontSize * LINE, 16) + 3 + 10);
/** between the title and the legend, and between the legend (or title) and the plot's top tick label */
const LEGEND_GAP = 6;
const PLOT_GAP = 16;
/** a tick label's distance from the plot area */
const TICK_GAP = 8;
/** at most this many lines for a title and for a name under the x axis */
const MAX_TITLE_LINES = 3;
const MAX_LABEL_LINES = 3;

/** between a y axis's tick labels and its title (plotly's title.standoff), and the title's room from the cell's edge */
export const Y_TITLE_STANDOFF = 12;
const EDGE = 6;

/** plotly's round steps: 1, 2 or 5 × 10^k, the first at least `raw` */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw * (1 - 1e-9)) ?? 10 * power;
}

/**
 * The widest tick label plotly may write on an axis whose data need `need`: its range may grow while it is held
 * (charts.ts holdRange) to about three times the data's span, and a step as fine as a tenth of that decides the
 * decimals; 10,000 and more as "10k".
 */
export function widestTickLabel(need: readonly [number, number]): string {
  const [lo, hi] = need;
  const span = hi - lo || Math.abs(hi) || 1;
  const range = [lo === 0 ? 0 : lo - span, hi === 0 ? 0 : hi + span];
  // all at 0 (a round compared with itself): plotly's range around 0 is about ±1
  const decimals = Math.min(6, Math.max(0, -Math.floor(Math.log10(niceStep((range[1]! - range[0]! || span) / 10)))));
  const label = (v: number) => `${v < 0 ? '−' : ''}${Math.abs(v) >= 1e4 ? `${Math.round(Math.abs(v) / 1e3)}k` : Math.abs(v).toFixed(decimals)}`;
  return range.map(label).reduce((a, b) => (b.length > a.length ? b : a));
}

/** Room beside the plot for a y axis: its tick labels, and its title when it has one. */
function yAxisRoom(spec: ChartSpec, axis: string, options: GridOptions, measure: MeasureText): number {
  const need = spec.extents[axis];
  const layout = (spec.layout[axis] ?? {}) as { title?: { text?: string }; showticklabels?: boolean };
  const labels = need && layout.showticklabels !== false ? measure(widestTickLabel(need), options.fontSize) + TICK_GAP : 0;
  const title = layout.title?.text ? Y_TITLE_STANDOFF + Math.ceil(options.fontSize * LINE) : 0;
  return labels + title + EDGE;
}

export interface LegendRow {
  /** top of the row's box, from the chart's top */
  top: number;
  /** the traces in the row (indexes in the chart's data) and their texts (a long name cut with "…") */
  entries: { index: number; text: string }[];
}

export interface ChartFrame {
  margin: Margin;
  /** the title's lines ([] without a title) */
  title: string[];
  legend: LegendRow[];
  /** the x axis's names, their lines joined by <br> (null when the chart has no xLabels) */
  xLabels: string[] | null;
  /** height of the chart's area: margins and plot */
  height: number;
}

const titleOf = (spec: ChartSpec) => (spec.layout.title as { text?: string } | undefined)?.text ?? '';

/** Whether a chart shows a legend, as plotly decides for a figure of its own: asked for, or more than one trace in it. */
export function showsLegend(spec: ChartSpec): boolean {
  const shown = spec.data.filter((t) => t.showlegend !== false).length;
  return typeof spec.layout.showlegend === 'boolean' ? spec.layout.showlegend && shown > 0 : shown > 1;
}

/** The chart's frame in a cell `width` px wide. */
export function chartFrame(spec: ChartSpec, width: number, options: GridOptions = GRID, measure: MeasureText = estimateTextWidth): ChartFrame {
  const base = { ...CHART_MARGIN, ...spec.margin };
  // the y axes' tick labels and titles beside the plot: the left axis, and one on the right (yaxis2 …, side right)
  base.l = Math.max(base.l, yAxisRoom(spec, 'yaxis', options, measure));
  for (const axis of Object.keys(spec.layout).filter((k) => /^yaxis\d+$/.test(k) && (spec.layout[k] as { side?: string }).side === 'right')) {
    base.r = Math.max(base.r, yAxisRoom(spec, axis, options, measure));
  }
  const title = titleOf(spec) ? wrapText(titleOf(spec), width - 2 * TITLE_SIDE, options.titleSize, measure, MAX_TITLE_LINES) : [];
  let top = TITLE_TOP + Math.ceil(title.length * options.titleSize * LINE);

  const legend: LegendRow[] = [];
  if (showsLegend(spec)) {
    const shown = spec.data.flatMap((trace, index) => (trace.showlegend === false ? [] : [{ index, name: String(trace.name ?? '') }]));
    const rows = legendRows(shown.map((s) => s.name), width - base.l - TITLE_SIDE, options.fontSize, measure);
    top += LEGEND_GAP;
    for (const row of rows) {
      legend.push({ top, entries: row.map((e) => ({ index: shown[e.index]!.index, text: e.text })) });
      top += legendRowHeight(options.fontSize);
    }
  }
  const margin = { ...base, t: Math.max(base.t, top + PLOT_GAP) };

  let xLabels: string[] | null = null;
  if (spec.xLabels) {
    const slot = (width - margin.l - margin.r) / Math.max(1, spec.xLabels.length);
    const wrapped = spec.xLabels.map((label) => wrapText(label, slot - 8, options.fontSize, measure, MAX_LABEL_LINES));
    const lines = Math.max(1, ...wrapped.map((w) => w.length));
    xLabels = wrapped.map((w) => w.join('<br>'));
    margin.b = Math.max(margin.b, TICK_GAP + Math.ceil(lines * options.fontSize * LINE) + 12);
  }
  return { margin, title, legend, xLabels, height: Math.max(options.chartHeight, margin.t + options.minPlotHeight + margin.b) };
}

/** Columns of the grid and their width: two when each gets minCellWidth, else one. */
export function gridColumns(width: number, options: GridOptions = GRID): { columns: number; cellWidth: number } {
  const columns = width >= 2 * options.minCellWidth + options.gap ? 2 : 1;
  return { columns, cellWidth: (width - (columns - 1) * options.gap) / columns };
}

/**
 * Cells of charts whose areas are `heights` px high, in a figure `width` px wide: each row of cells as high as
 * its highest chart, plus the footer.
 */
export function gridCells(heights: readonly number[], width: number, options: GridOptions = GRID): { cells: Cell[]; height: number } {
  const { columns, cellWidth } = gridColumns(width, options);
  const cells: Cell[] = [];
  let top = 0;
  for (let first = 0; first < heights.length; first += columns) {
    const rowHeight = Math.max(...heights.slice(first, first + columns)) + options.footer;
    for (let i = first; i < Math.min(first + columns, heights.length); i++) {
      cells.push({ left: (i - first) * (cellWidth + options.gap), top, width: cellWidth, height: rowHeight });
    }
    top += rowHeight + options.gap;
  }
  return { cells, height: cells.length ? top - options.gap : 0 };
}
