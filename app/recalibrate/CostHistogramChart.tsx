'use client';
import { useMemo } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useLocale } from '../i18n/locale';
import { useTRPC } from '../lib/trpc';
import { formatNumber } from '../lib/format';
import { Plot } from '../components/Plot';
import type { RecalibrationRow, TrimMethod } from '@/worker/recalibration';
import { histogramFigure } from './histogram-figure';
import styles from './recalibrate.module.css';

/** One DRG's cost histogram with the trimming bounds drawn (bins from the server: recalibration.histogram). */
export function CostHistogramChart({ datasetId, roundId, row, trim }: { datasetId: number; roundId: number; row: RecalibrationRow | null; trim: TrimMethod }) {
  const { t, locale } = useLocale();
  const trpc = useTRPC();
  const histogram = useQuery(trpc.recalibration.histogram.queryOptions(row ? { datasetId, roundId, drgCode: row.drg_code, trim } : skipToken));
  const yuan = (x: number) => formatNumber(x, locale, 0);
  const figure = useMemo(
    () =>
      histogram.data && row
        ? histogramFigure(histogram.data, row.trimmed_mean, {
            kept: t('recal.hist.kept'),
            trimmed: t('recal.hist.trimmed'),
            lower: (x) => t('recal.hist.lower', { x }),
            upper: (x) => t('recal.hist.upper', { x }),
            trimmedMean: (x) => t('recal.hist.trimmedMean', { x }),
            xTitle: t('recal.hist.x'),
            yTitle: t('recal.hist.y'),
            yuan: (x) => formatNumber(x, locale, 0),
          })
        : null,
    [histogram.data, row, t, locale],
  );
  if (!row) return <p className={`panel ${styles.note}`} data-testid="recal-histogram-empty">{t('recal.hist.pick')}</p>;
  const data = histogram.data;
  return (
    <div data-testid="recal-histogram" data-drg-code={row.drg_code} data-lower={data?.lower ?? ''} data-upper={data?.upper ?? ''}>
      <h3>{t('recal.hist.title', { code: row.drg_code, name: row.name, cases: formatNumber(row.cases, locale, 0) })}</h3>
      {histogram.error ? <p className="error">{histogram.error.message}</p> : null}
      {data && data.cases === 0 ? <p className={styles.note}>{t('recal.hist.noCases')}</p> : null}
      {figure && data && data.cases > 0 ? (
        <>
          <Plot data={figure.data} layout={figure.layout} filename={`cost-histogram-${row.drg_code}`} height={320} testId="recal-histogram-plot" />
          {data.beyond > 0 ? (
            <p className={styles.note} data-testid="recal-histogram-beyond">
              {t('recal.hist.beyond', { n: data.beyond, x: yuan(data.from + data.width * data.kept.length), max: yuan(data.max) })}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
