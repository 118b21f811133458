'use client';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { observeInView, whenIdle } from '../../lib/in-view';
import { downloadPng, loadPlotly, PLOT_FONT, purgePlot } from '../../lib/plotly';
import { combineCharts, GRID, singleFigure, type ChartSpec, type GridFigure } from './chart-grid';
import { holdRange, type AxisRange } from './charts';

export interface GridChart {
  spec: ChartSpec;
  /** PNG file name, without extension */
  filename: string;
  /** test id of the chart's cell */
  testId: string;
}

/** The trace attributes a rerun changes: redrawn in place by Plotly.animate when nothing else changed. */
const DATA_KEYS = ['x', 'y', 'text', 'textposition', 'hovertext'] as const;

/** Tick labels stay inside the margins: plotly need not measure each one to hide those that would overflow. */
const TICKS = { ticklabeloverflow: 'allow' };
const CONFIG = { displaylogo: false, responsive: false };
const REDRAW_DATA_ONLY = { transition: { duration: 0 }, frame: { duration: 0, redraw: false }, mode: 'immediate' };

function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The app's font (loaded by unicode range, a file per range) for every character of the figure's texts and of its
 * tick labels, at its sizes, before plotly measures them: a label measured in a fallback font is placed wrong.
 */
async function fontsFor(figure: GridFigure): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const texts = JSON.stringify([figure.layout, figure.data.map((trace) => trace.name)]);
  const characters = [...new Set(`0123456789.,−-+%k ${texts}`)].join('');
  await Promise.all([PLOT_FONT.size, GRID.titleSize].map((size) => document.fonts.load(`${size}px ${PLOT_FONT.family}`, characters).catch(() => [])));
}

/** Everything of a figure but the data arrays a rerun changes (their lengths stay in). */
function shapeKey(data: Record<string, unknown>[], layout: Record<string, unknown>): string {
  const traces = data.map((trace) => {
    const rest: Record<string, unknown> = { ...trace };
    for (const key of DATA_KEYS) if (Array.isArray(rest[key])) rest[key] = (rest[key] as unknown[]).length;
    return rest;
  });
  return JSON.stringify([traces, layout]);
}

/**
 * Charts in a grid, drawn as one plotly figure (see combineCharts: an update costs plotly about the same for one
 * figure of four cells as for one chart), each chart in a cell of its own with its PNG download.
 *
 * - A rerun that changes only the data and axis ranges (same traces and titles) redraws the changed traces and
 *   moved axes in place (Plotly.animate without redraw); anything else is a Plotly.react. Axis ranges are held while the data fit
 *   (holdRange), and the size is explicit (width from a debounced ResizeObserver), so plotly never measures the page.
 * - Out of view, the grid does not redraw on the rerun's frame: it redraws when the page is next idle (at most
 *   IDLE_WAIT_MS later, see in-view.ts) or when it scrolls into view, whichever comes first. The table and headline figures of an
 *   edit reach the screen without waiting for charts nobody sees; the charts are current when scrolled to.
 */
export function ChartGrid({ charts, testId }: { charts: GridChart[]; testId: string }) {
  const { t } = useLocale();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const drawing = useRef({
    busy: false,
    /** set while unmounted: a draw under way stops */
    gone: false,
    visible: false,
    /** an idle callback waiting to draw an update out of view */
    waiting: null as (() => void) | null,
    next: null as GridFigure | null,
    /** shapeKey of what is drawn ('' for nothing or unknown) */
    shape: '',
    /** held ranges, by the figure's axis names */
    ranges: {} as Record<string, AxisRange>,
    /** per chart, the figure's axis names by the chart's own (for its PNG) */
    axes: [] as Record<string, string>[],
    revision: 0,
    drawn: [] as Record<string, unknown>[],
    run: () => {},
  });

  useEffect(() => {
    const el = box.current;
    const state = drawing.current;
    if (!el) return;
    state.gone = false;
    setWidth(el.clientWidth);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const resize = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      clearTimeout(timer);
      timer = setTimeout(() => setWidth((old) => (Math.abs(old - w) >= 2 ? w : old)), 150);
    });
    resize.observe(el);
    const stopObserving = observeInView(el, (inView) => {
      state.visible = inView;
      if (inView && state.next) state.run();
    });
    return () => {
      clearTimeout(timer);
      resize.disconnect();
      stopObserving();
      state.waiting?.();
      state.gone = true;
      state.next = null;
      state.shape = '';
      if (plot.current) purgePlot(plot.current);
    };
  }, []);

  // the layout of the figure, in the render: the cells' panels and buttons are placed by it. A fault in it leaves
  // the charts out, not the whole workbench (the table and the headline stay)
  const figure = useMemo(() => {
    if (width <= 0) return null;
    try {
      return combineCharts(charts.map((c) => c.spec), width);
    } catch (error) {
      console.error(error);
      return null;
    }
  }, [charts, width]);

  // a layout effect: in view, the update is under way before the browser paints the table of the same rerun, so
  // that table and charts take one frame, not two
  useLayoutEffect(() => {
    const el = plot.current;
    const wrapper = box.current;
    if (!el || !wrapper || !figure) return;
    const state = drawing.current;
    state.next = figure;
    state.run = () => {
      state.waiting?.();
      if (state.busy || state.gone) return; // the running draw picks the newest charts up when it ends
      state.busy = true;
      void draw(el, wrapper)
        .catch((error) => console.error(error))
        .finally(() => {
          state.busy = false;
        });
    };
    if (state.visible || !state.drawn.length) state.run();
    else if (!state.waiting) {
      // out of view: when the page is next idle (or the grid scrolls into view first)
      const cancel = whenIdle(() => state.run());
      state.waiting = () => {
        cancel();
        state.waiting = null;
      };
    }

    async function draw(el: HTMLDivElement, wrapper: HTMLDivElement) {
      const Plotly = await loadPlotly();
      while (state.next && !state.gone) {
        const figure = state.next;
        state.next = null;
        const ranges: Record<string, AxisRange> = {};
        const layout: Record<string, unknown> = { font: PLOT_FONT, paper_bgcolor: 'rgba(0,0,0,0)', ...figure.layout };
        for (const [axis, need] of Object.entries(figure.extents)) {
          const range = need ? holdRange(state.ranges[axis], need) : undefined;
          if (range) ranges[axis] = range;
          layout[axis] = { ...TICKS, ...(layout[axis] as object), autorange: !range };
        }
        // the shape leaves the ranges out: a rerun that moves an axis redraws that axis and the data, not all
        const shape = shapeKey(figure.data, layout);
        for (const [axis, range] of Object.entries(ranges)) layout[axis] = { ...(layout[axis] as object), range };
        const movedAxes = Object.entries(ranges).filter(([axis, range]) => !sameValues(range, state.ranges[axis]));
        state.ranges = ranges;
        state.axes = figure.axes;
        const started = performance.now();
        const full = shape !== state.shape;
        try {
          if (!full) {
            // only the traces whose data changed (the baseline's points stay as they are), and the axes that moved
            const traces = figure.data.flatMap((trace, i) => (DATA_KEYS.some((k) => !sameValues(trace[k], state.drawn[i]?.[k])) ? [i] : []));
            const data = traces.map((i) => Object.fromEntries(DATA_KEYS.filter((k) => k in figure.data[i]!).map((k) => [k, figure.data[i]![k]])));
            const moved = Object.fromEntries(movedAxes.map(([axis, range]) => [axis, { range }]));
            if (traces.length || movedAxes.length) await Plotly.animate(el, { data, traces, layout: moved }, REDRAW_DATA_ONLY);
          } else {
            state.shape = '';
            // the texts in the app's CJK font before plotly measures them (legends): a first draw, or new texts
            await fontsFor(figure);
            await Plotly.react(el, figure.data, layout, CONFIG);
            state.shape = shape;
          }
          state.drawn = figure.data;
        } catch (error) {
          // a failed data-only update is drawn again in full, unless a newer one waits
          if (state.shape) {
            state.shape = '';
            state.next ??= figure;
          } else console.error(error);
          continue;
        }
        performance.measure(`plot:${testId}`, { start: started, end: performance.now(), detail: { full, moved: !full && movedAxes.length > 0 } });
        // tests and the UI benchmark wait for these; set here, not through React state, so a draw costs no render
        wrapper.dataset.ready = 'true';
        wrapper.dataset.revision = String(++state.revision);
      }
    }
  }, [figure, testId]);

  /** a chart's PNG: the chart as a figure of its own, at the axis ranges it shows */
  const download = (index: number) => {
    const chart = charts[index];
    if (!chart) return;
    const axes = drawing.current.axes[index] ?? {};
    const ranges: Record<string, AxisRange> = {};
    for (const [own, inFigure] of Object.entries(axes)) {
      const range = drawing.current.ranges[inFigure];
      if (range) ranges[own] = range;
    }
    const figure = singleFigure(chart.spec, ranges, 1600, 900);
    downloadPng({ data: figure.data, layout: { font: PLOT_FONT, ...figure.layout } }, chart.filename);
  };

  const cells = figure?.cells ?? [];
  return (
    <div ref={box} className="chart-grid" data-testid={testId} data-ready="false" data-revision="0" style={{ height: figure?.height || GRID.chartHeight }}>
      {figure &&
        cells.map((cell, i) => (
          <div
            key={charts[i]!.testId}
            className="chart-cell panel"
            data-testid={charts[i]!.testId}
            style={{ left: cell.left, top: cell.top, width: cell.width, height: cell.height }}
          />
        ))}
      <div ref={plot} className="chart-grid-plot" />
      {figure &&
        cells.map((cell, i) => (
          <button
            key={charts[i]!.testId}
            type="button"
            className="chart-png no-print"
            data-testid={`${charts[i]!.testId}-png`}
            style={{ left: cell.left + 16, top: cell.top + (figure.chartHeights[i] ?? GRID.chartHeight) + 4 }}
            onClick={() => download(i)}
          >
            {t('chart.png')}
          </button>
        ))}
    </div>
  );
}
