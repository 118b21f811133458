'use client';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/locale';
import { downloadPng, loadPlotly, PLOT_FONT, PLOT_MARGIN, purgePlot } from '../lib/plotly';

export interface PlotProps {
  data: unknown[];
  layout: Record<string, unknown>;
  /** PNG file name (without extension) */
  filename: string;
  height?: number;
  testId?: string;
}

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
      void Plotly.react(el, data, { font: PLOT_FONT, margin: PLOT_MARGIN, height, ...layout }, { responsive: true, displaylogo: false }).then(() => {
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
      if (el) purgePlot(el);
    };
  }, []);
  return (
    <div className="panel chart" data-testid={testId} data-ready={ready ? 'true' : 'false'} data-revision={revision}>
      <div ref={ref} style={{ minHeight: height }} />
      <button
        type="button"
        className="no-print"
        onClick={() => ref.current && downloadPng(ref.current, filename)}
      >
        {t('chart.png')}
      </button>
    </div>
  );
}
