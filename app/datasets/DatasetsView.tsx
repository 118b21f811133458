'use client';
import { useQuery } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { formatCount } from '../lib/format';
import { HospitalsTable } from './HospitalsTable';

/** The data sets, and for the selected one (?dataset=ID) its hospitals. */
export function DatasetsView() {
  const trpc = useTRPC();
  const { t, locale } = useLocale();
  const router = useRouter();
  const params = useSearchParams();
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const list = datasets.data ?? [];
  const selectedId = Number(params.get('dataset')) || list[0]?.id;
  if (datasets.isLoading) return <p>{t('common.loading')}</p>;
  if (datasets.error) return <p className="error">{t('common.error')}: {datasets.error.message}</p>;
  if (list.length === 0) return <p data-testid="no-datasets">{t('datasets.empty')}</p>;
  return (
    <>
      <h2>{t('datasets.title')}</h2>
      <div className="cards" data-testid="dataset-list">
        {list.map((d) => (
          <button
            key={d.id}
            type="button"
            className={`card ${d.id === selectedId ? 'selected' : ''}`}
            style={{ textAlign: 'left', borderColor: d.id === selectedId ? 'var(--accent)' : undefined }}
            onClick={() => router.replace(`/?dataset=${d.id}`)}
            data-testid={`dataset-${d.id}`}
          >
            <div className="value" style={{ fontSize: '1.2rem' }}>{d.name}</div>
            <div className="label">
              {t('datasets.year')} {d.year} · {t('datasets.cases')} {formatCount(d.caseCount, locale)} ·{' '}
              {d.pools.map((p) => t(p === 'employee' ? 'pool.employee' : 'pool.resident')).join('/')}
            </div>
          </button>
        ))}
      </div>
      {selectedId ? <HospitalsTable datasetId={selectedId} datasetName={list.find((d) => d.id === selectedId)?.name ?? String(selectedId)} /> : null}
    </>
  );
}
