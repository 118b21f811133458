'use client';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/locale';

/** The subset of plotly's API we use; the minified dist is loaded on the client only, on first use. */
interface PlotlyApi {
  react: (el: HTMLElement, data: unknown[], layout: Record<string, unknown>, config: Record<string, unknown>) => Promise<unknown>;
  purge: (el: HTMLElement) => void;
  downloadImage: (el: HTMLElement, opts: { format: 'png'; filename: string; width: number; height: number; scale: number }) => Promise<unknown>;
}

let plotlyPromise: Promise<PlotlyApi> | null = null;
function loadPlotly(): Promise<PlotlyApi> {
  plotlyPromise ??= import('plotly.js-dist-min').then((m) => (m as unknown as { default: PlotlyApi }).default ?? (m as unknown as PlotlyApi));
  return plotlyPromise;
}

export interface PlotProps {
  data: unknown[];
  layout: Record<string, unknown>;
  /** PNG file name (without extension) */
  filename: string;
  height?: number;
  testId?: string;
}

const FONT = { family: 'PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif', size: 15 };

/** A plotly chart with a PNG download button; redrawn with Plotly.react when data change. */
export function Plot({ data, layout, filename, height = 420, testId }: PlotProps) {
  const { t } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  /** times the chart was drawn: tests and the UI benchmark wait for it to grow */
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    if (!el) return;
    void loadPlotly().then((Plotly) => {
      if (cancelled) return;
      const started = performance.now();
      void Plotly.react(el, data, { font: FONT, margin: { t: 50, r: 20, b: 60, l: 70 }, height, ...layout }, { responsive: true, displaylogo: false }).then(() => {
        performance.measure(`plot:${testId ?? filename}`, { start: started, end: performance.now() });
        if (cancelled) return;
        setReady(true);
        setRevision((r) => r + 1);
      });
    });
    return () => {
      cancelled = true;
    };
  }, [data, layout, height]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el && plotlyPromise) void plotlyPromise.then((Plotly) => Plotly.purge(el));
    };
  }, []);
  return (
    <div className="panel chart" data-testid={testId} data-ready={ready ? 'true' : 'false'} data-revision={revision}>
      <div ref={ref} style={{ minHeight: height }} />
      <button
        type="button"
        className="no-print"
        onClick={() => void loadPlotly().then((Plotly) => ref.current && Plotly.downloadImage(ref.current, { format: 'png', filename, width: 1600, height: 900, scale: 1 }))}
      >
        {t('chart.png')}
      </button>
    </div>
  );
}
