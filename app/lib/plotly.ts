/**
 * Plotly for every chart of the app: the part of its API the charts call, loaded on the client on first use,
 * once; and the chart style they share. The charts use bar and scatter traces only: plotly's basic bundle
 * (scatter, bar, pie; 1.1 MB minified) has them, the full one (4.6 MB) every trace type besides.
 */
import { svgToPng } from './png-export';
import { downloadBlob } from './export';
export interface PlotlyApi {
  react: (el: HTMLElement, data: unknown[], layout: Record<string, unknown>, config: Record<string, unknown>) => Promise<unknown>;
  animate: (el: HTMLElement, frame: { data: unknown[]; traces: number[]; layout?: Record<string, unknown> }, opts: Record<string, unknown>) => Promise<unknown>;
  purge: (el: HTMLElement) => void;
  toImage: (el: HTMLElement | PlotFigure, opts: { format: 'svg'; width: number; height: number }) => Promise<string>;
}

/** a figure drawn by plotly without a chart on the page (a PNG of it, say) */
export interface PlotFigure {
  data: unknown[];
  layout: Record<string, unknown>;
}

let plotlyPromise: Promise<PlotlyApi> | null = null;

export function loadPlotly(): Promise<PlotlyApi> {
  plotlyPromise ??= import('plotly.js-basic-dist-min').then((m) => (m as unknown as { default: PlotlyApi }).default ?? (m as unknown as PlotlyApi));
  return plotlyPromise;
}

/** Empties a chart's element, if plotly was ever loaded (nothing to undo otherwise). */
export function purgePlot(el: HTMLElement): void {
  if (plotlyPromise) void plotlyPromise.then((Plotly) => Plotly.purge(el));
}

const PNG = { width: 1600, height: 900 };

/**
 * A chart's PNG for the official notice: 1600 × 900, whatever its size on screen (a chart on the page, or a
 * figure), drawn with the app's CJK font in it (png-export.ts).
 */
export function downloadPng(el: HTMLElement | PlotFigure, filename: string): void {
  void loadPlotly()
    .then((Plotly) => Plotly.toImage(el, { format: 'svg', ...PNG }))
    .then((svgUrl) => svgToPng(decodeURIComponent(svgUrl.slice(svgUrl.indexOf(',') + 1)), PNG.width, PNG.height))
    .then((png) => downloadBlob(png, `${filename}.png`));
}

// the app's own CJK font first (app/layout.tsx): charts, PNGs and tests look the same on every machine
export const PLOT_FONT = { family: '"Noto Sans SC", PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif', size: 15 };
export const PLOT_MARGIN = { t: 50, r: 20, b: 60, l: 70 };
