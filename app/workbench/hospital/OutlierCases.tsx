'use client';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { formatNumber } from '../../lib/format';
import type { RoundParams } from '@/worker/settlement/round';
import type { CaseExplanation } from '@/server/services/hospital-cases';
import { useHospitalCases } from './HospitalView';

const CLASSES = ['high', 'low', 'special', 'ungrouped', 'excluded'] as const;

/** 异常病例: the hospital's cases paid other than as normal cases under the round, with cost ratio and points. */
export function OutlierCases({ datasetId, code, params }: { datasetId: number; code: string; params: RoundParams }) {
  const { t, locale } = useLocale();
  const cases = useHospitalCases(datasetId, code, params);
  const [caseClass, setCaseClass] = useState<string>('');
  const rows = useMemo(() => (cases.data ?? []).filter((c) => !caseClass || c.caseClass === caseClass), [cases.data, caseClass]);
  const columns = useMemo<TableColumn<CaseExplanation>[]>(
    () => [
      { id: 'caseId', header: t('cases.caseId'), value: (c) => c.caseId },
      { id: 'class', header: t('cases.class'), value: (c) => t(`class.${c.caseClass}`) },
      { id: 'drg', header: 'DRG', value: (c) => c.drgCode || '—' },
      { id: 'drgName', header: t('hospital.drgName'), value: (c) => c.drgName },
      { id: 'pool', header: t('hospital.pool'), value: (c) => t(`pool.${c.pool as 'employee' | 'resident'}`) },
      { id: 'month', header: t('cases.month'), value: (c) => c.month, numeric: true },
      { id: 'los', header: t('cases.los'), value: (c) => c.los, numeric: true },
      { id: 'cost', header: t('cases.totalCost'), value: (c) => c.totalCost, numeric: true, render: (c) => formatNumber(c.totalCost, locale, 2) },
      { id: 'benchmark', header: t('cases.benchmark'), value: (c) => c.benchmarkCost, numeric: true, render: (c) => (c.benchmarkCost ? formatNumber(c.benchmarkCost, locale, 0) : '—') },
      { id: 'ratio', header: t('cases.costRatio'), value: (c) => c.costRatio, numeric: true, render: (c) => (c.costRatio ? formatNumber(c.costRatio, locale, 2) : '—') },
      { id: 'points', header: t('hospital.points'), value: (c) => c.points, numeric: true, render: (c) => (c.points === null ? '—' : formatNumber(c.points, locale, 2)) },
    ],
    [t, locale],
  );
  if (cases.error) return <p className="error">{cases.error.message}</p>;
  const toolbar = (
    <select value={caseClass} onChange={(e) => setCaseClass(e.target.value)} aria-label={t('cases.class')}>
      <option value="">{t('cases.class')}: {t('common.all')}</option>
      {CLASSES.map((k) => <option key={k} value={k}>{t(`class.${k}`)}</option>)}
    </select>
  );
  return (
    <DataTable
      caption={`${t('cases.title')} (${cases.isLoading ? '…' : rows.length})`}
      rows={rows}
      columns={columns}
      rowKey={(c) => c.caseId}
      exportName={`outlier-cases-${code}`}
      testId="hospital-outlier-cases"
      toolbar={toolbar}
    />
  );
}
