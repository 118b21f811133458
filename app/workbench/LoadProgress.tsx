'use client';
import { useLocale } from '../i18n/locale';
import type { ColumnsProgress } from './engine/useDatasetColumns';

/** First load of the data set into the workers: a progress bar in MB. */
export function LoadProgress({ progress, error }: { progress: ColumnsProgress; error: Error | null }) {
  const { t } = useLocale();
  if (error) return <p className="error">{error.message}</p>;
  const ratio = progress.total ? progress.received / progress.total : 0;
  return (
    <div className="panel" data-testid="columns-progress">
      <div>{t('settle.loading', { mb: (progress.received / 1e6).toFixed(1), total: progress.total ? (progress.total / 1e6).toFixed(1) : '?' })}</div>
      <div className="progress"><div style={{ width: `${Math.round(ratio * 100)}%` }} /></div>
    </div>
  );
}
