'use client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { downloadPng, loadPlotly, PLOT_FONT, PLOT_MARGIN, purgePlot } from '../../lib/plotly';
import { holdRange, type AxisRange } from './charts';

export interface ChartSpec {
  /** plotly traces */
  data: Record<string, unknown>[];
  /** plotly layout, without the ranges of the axes in `extents` */
  layout: Record<string, unknown>;
  /** per axis ('xaxis', 'yaxis', 'yaxis2' …) the values the data need shown, padding included */
  extents: Record<string, AxisRange | null>;
}

/** The trace attributes a rerun changes: redrawn in place by Plotly.animate when nothing else changed. */
const DATA_KEYS = ['x', 'y', 'text', 'hovertext'] as const;

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

/** Everything of a chart but the data arrays a rerun changes (their lengths stay in). */
function shapeKey(spec: ChartSpec, layout: Record<string, unknown>): string {
  const traces = spec.data.map((trace) => {
    const rest: Record<string, unknown> = { ...trace };
    for (const key of DATA_KEYS) if (Array.isArray(rest[key])) rest[key] = (rest[key] as unknown[]).length;
    return rest;
  });
  return JSON.stringify([traces, layout]);
}

/**
 * One comparison chart with a PNG download. A rerun that changes only the data (same traces, same axis ranges,
 * same titles) redraws the traces in place (Plotly.animate without redraw: no new axes, legend or titles, about
 * a third of a Plotly.react); anything else is a Plotly.react. Axis ranges are set here, held while the data fit
 * (see holdRange), and the size is explicit (width from a debounced ResizeObserver) so that plotly never measures
 * the page while it draws.
 */
export function ComparisonChart({ spec, filename, testId, height = 420 }: { spec: ChartSpec; filename: string; testId: string; height?: number }) {
  const { t } = useLocale();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const drawing = useRef({
    busy: false,
    /** set while unmounted: a draw under way stops */
    gone: false,
    next: null as { spec: ChartSpec; width: number } | null,
    /** shapeKey of what is drawn ('' for nothing or unknown) */
    shape: '',
    ranges: {} as Record<string, AxisRange>,
    revision: 0,
    drawn: [] as Record<string, unknown>[],
  });

  useEffect(() => {
    const el = plot.current;
    const state = drawing.current;
    if (!el) return;
    state.gone = false;
    setWidth(el.clientWidth);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      clearTimeout(timer);
      timer = setTimeout(() => setWidth((old) => (Math.abs(old - w) >= 2 ? w : old)), 150);
    });
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      state.gone = true;
      state.next = null;
      state.shape = '';
      purgePlot(el);
    };
  }, []);

  // a layout effect: the update is under way before the browser paints the table of the same rerun, so that
  // Plotly.animate draws in that frame's animation callbacks and table and charts take one frame, not two
  useLayoutEffect(() => {
    const el = plot.current;
    const wrapper = box.current;
    if (!el || !wrapper || width <= 0) return;
    const state = drawing.current;
    state.next = { spec, width };
    if (state.busy) return; // the running draw picks the newest spec up when it ends
    state.busy = true;
    void (async () => {
      const Plotly = await loadPlotly();
      while (state.next && !state.gone) {
        const { spec: next, width: w } = state.next;
        state.next = null;
        const ranges: Record<string, AxisRange> = {};
        const layout: Record<string, unknown> = { font: PLOT_FONT, margin: PLOT_MARGIN, ...next.layout, width: w, height };
        for (const axis of ['xaxis', 'yaxis', 'yaxis2']) {
          if (!layout[axis]) continue;
          const need = next.extents[axis];
          const range = need ? holdRange(state.ranges[axis], need) : undefined;
          if (range) ranges[axis] = range;
          layout[axis] = { ...TICKS, ...(layout[axis] as object), ...(range ? { range, autorange: false } : {}) };
        }
        state.ranges = ranges;
        const shape = shapeKey(next, layout);
        const started = performance.now();
        const full = shape !== state.shape;
        try {
          if (!full) {
            // only the traces whose data changed (the baseline's points stay as they are)
            const traces = next.data.flatMap((trace, i) => (DATA_KEYS.some((k) => !sameValues(trace[k], state.drawn[i]?.[k])) ? [i] : []));
            const data = traces.map((i) => Object.fromEntries(DATA_KEYS.filter((k) => k in next.data[i]!).map((k) => [k, next.data[i]![k]])));
            if (traces.length) await Plotly.animate(el, { data, traces }, REDRAW_DATA_ONLY);
          } else {
            state.shape = '';
            await Plotly.react(el, next.data, layout, CONFIG);
            state.shape = shape;
          }
          state.drawn = next.data;
        } catch (error) {
          // a failed data-only update is drawn again in full, unless a newer one waits
          if (state.shape) {
            state.shape = '';
            state.next ??= { spec: next, width: w };
          } else console.error(error);
          continue;
        }
        performance.measure(`plot:${testId}`, { start: started, end: performance.now(), detail: { full } });
        // tests and the UI benchmark wait for these; set here, not through React state, so a draw costs no render
        wrapper.dataset.ready = 'true';
        wrapper.dataset.revision = String(++state.revision);
      }
    })()
      .catch((error) => console.error(error))
      .finally(() => {
        state.busy = false;
      });
  }, [spec, width, height, testId]);

  return (
    <div ref={box} className="panel chart" data-testid={testId} data-ready="false" data-revision="0">
      <div ref={plot} className="chart-plot" style={{ height }} />
      <button
        type="button"
        className="no-print"
        onClick={() => plot.current && downloadPng(plot.current, filename)}
      >
        {t('chart.png')}
      </button>
    </div>
  );
}
