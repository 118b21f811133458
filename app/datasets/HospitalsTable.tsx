'use client';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { DataTable, type TableColumn } from '../components/DataTable';
import { ExportSubjectProvider } from '../components/ExportSubject';
import { COUNT, MONEY, withUnit } from '../lib/column-format';
import { sumYuan } from '../lib/money';
import type { HospitalTotal } from '@/server/services/dataset-queries';

/** The data set's hospitals with their cases and costs; its export names the data set. */
export function HospitalsTable({ datasetId, datasetName }: { datasetId: number; datasetName: string }) {
  const trpc = useTRPC();
  const { t, locale } = useLocale();
  const hospitals = useQuery(trpc.datasets.hospitals.queryOptions({ datasetId }));
  const columns = useMemo<TableColumn<HospitalTotal>[]>(
    () => [
      { id: 'code', header: t('hospitals.code'), value: (h) => h.code, total: (rows) => `${t('hospitals.total')} (${rows.length})` },
      { id: 'name', header: t('hospitals.name'), value: (h) => h.name },
      { id: 'level', header: t('hospitals.level'), value: (h) => h.level, text: (h) => t(`level.${h.level as 1 | 2 | 3}`) },
      { id: 'district', header: t('hospitals.district'), value: (h) => h.district },
      { id: 'type', header: t('hospitals.type'), value: (h) => h.type },
      {
        id: 'cases', header: t('hospitals.cases'), value: (h) => h.cases, numeric: true, format: COUNT,
        total: (rows) => rows.reduce((s, h) => s + h.cases, 0),
      },
      {
        id: 'totalCost', header: withUnit(t('hospitals.totalCost'), MONEY, locale), value: (h) => h.totalCost, numeric: true, format: MONEY,
        total: (rows) => sumYuan(rows, (h) => h.totalCost),
      },
    ],
    [t, locale],
  );
  const subject = useMemo(() => ({ dataset: datasetName }), [datasetName]);
  if (hospitals.isLoading) return <p>{t('common.loading')}</p>;
  if (hospitals.error) return <p className="error">{hospitals.error.message}</p>;
  return (
    <ExportSubjectProvider subject={subject}>
      <DataTable
        caption={`${t('hospitals.title')} (${hospitals.data?.length ?? 0})`}
        rows={hospitals.data ?? []}
        columns={columns}
        rowKey={(h) => h.code}
        rowAttributes={(h) => ({ 'data-hospital-code': h.code })}
        exportName={`hospitals-${datasetName}`}
        testId="hospitals-table"
      />
    </ExportSubjectProvider>
  );
}
