'use client';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { DataTable, type TableColumn } from '../components/DataTable';
import { formatCount, formatWan, wanUnit } from '../lib/format';
import type { HospitalTotal } from '@/server/services/dataset-queries';

export function HospitalsTable({ datasetId, formatTotal }: { datasetId: number; formatTotal: (yuan: number) => string }) {
  const trpc = useTRPC();
  const { t, locale } = useLocale();
  const hospitals = useQuery(trpc.datasets.hospitals.queryOptions({ datasetId }));
  const columns = useMemo<TableColumn<HospitalTotal>[]>(
    () => [
      { id: 'code', header: t('hospitals.code'), value: (h) => h.code, footer: () => t('hospitals.total') },
      { id: 'name', header: t('hospitals.name'), value: (h) => h.name },
      {
        id: 'level',
        header: t('hospitals.level'),
        value: (h) => h.level,
        render: (h) => t(`level.${h.level as 1 | 2 | 3}`),
      },
      { id: 'district', header: t('hospitals.district'), value: (h) => h.district },
      { id: 'type', header: t('hospitals.type'), value: (h) => h.type },
      {
        id: 'cases',
        header: t('hospitals.cases'),
        value: (h) => h.cases,
        numeric: true,
        render: (h) => formatCount(h.cases, locale),
        footer: (rows) => formatCount(rows.reduce((s, h) => s + h.cases, 0), locale),
      },
      {
        id: 'totalCost',
        header: `${t('hospitals.totalCost')} (${wanUnit(locale)})`,
        value: (h) => h.totalCost,
        numeric: true,
        numFmt: '#,##0.00',
        render: (h) => formatWan(h.totalCost, locale),
        footer: (rows) => formatTotal(rows.reduce((s, h) => s + h.totalCost, 0)),
      },
    ],
    [t, locale, formatTotal],
  );
  if (hospitals.isLoading) return <p>{t('common.loading')}</p>;
  if (hospitals.error) return <p className="error">{hospitals.error.message}</p>;
  return (
    <DataTable
      caption={`${t('hospitals.title')} (${hospitals.data?.length ?? 0})`}
      rows={hospitals.data ?? []}
      columns={columns}
      rowKey={(h) => h.code}
      rowAttributes={(h) => ({ 'data-hospital-code': h.code })}
      exportName={`hospitals-${datasetId}`}
      testId="hospitals-table"
    />
  );
}
