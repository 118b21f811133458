'use client';
import { useMemo, useState } from 'react';
import { useLocale } from '../i18n/locale';
import { DataTable, type TableColumn } from '../components/DataTable';
import { COUNT, decimal, PERCENT } from '../lib/column-format';
import { RECALIBRATION_FLAGS, type RecalibrationFlag, type RecalibrationRow } from '@/worker/recalibration';
import styles from './recalibrate.module.css';

export type FlagFilter = 'all' | 'any' | 'none' | RecalibrationFlag;
const FILTERS: readonly FlagFilter[] = ['all', 'any', 'none', ...RECALIBRATION_FLAGS];

export function matchesFilter(row: Pick<RecalibrationRow, 'flags'>, filter: FlagFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'any') return row.flags.length > 0;
  if (filter === 'none') return row.flags.length === 0;
  return row.flags.includes(filter);
}

/** Costs in yuan as whole yuan (their headers say 元); weights to 4 decimals; the change in %. */
const YUAN = decimal(0);
const WEIGHT = decimal(4);

/** 各组测算结果: sortable, searchable, filtered on the flags, exported as shown; a row opens its histogram. */
export function RecalibrationTable({ rows, selected, onSelect, exportName }: { rows: readonly RecalibrationRow[]; selected: string | null; onSelect: (code: string) => void; exportName: string }) {
  const { t } = useLocale();
  const [filter, setFilter] = useState<FlagFilter>('all');
  const shown = useMemo(() => rows.filter((row) => matchesFilter(row, filter)), [rows, filter]);
  const columns = useMemo<TableColumn<RecalibrationRow>[]>(
    () => [
      { id: 'drg', header: t('recal.col.drg'), value: (r) => r.drg_code },
      { id: 'name', header: t('recal.col.name'), value: (r) => r.name, render: (r) => <span className={styles.name} title={r.name}>{r.name}</span> },
      { id: 'cases', header: t('recal.col.cases'), value: (r) => r.cases, format: COUNT },
      { id: 'kept', header: t('recal.col.kept'), value: (r) => r.kept, format: COUNT },
      { id: 'mean', header: t('recal.col.mean'), value: (r) => r.mean, format: YUAN },
      { id: 'median', header: t('recal.col.median'), value: (r) => r.median, format: YUAN },
      { id: 'trimmedMean', header: t('recal.col.trimmedMean'), value: (r) => r.trimmed_mean, format: YUAN },
      { id: 'cv', header: t('recal.col.cv'), value: (r) => r.cv, format: decimal(2) },
      { id: 'current', header: t('recal.col.current'), value: (r) => r.current_weight, format: WEIGHT },
      { id: 'new', header: t('recal.col.new'), value: (r) => r.new_weight, format: WEIGHT },
      { id: 'change', header: `${t('recal.col.change')} (%)`, value: (r) => r.change, format: PERCENT },
      {
        id: 'flags',
        header: t('recal.col.flags'),
        value: (r) => r.flags.join(' '),
        text: (r) => r.flags.map((f) => t(`recal.flag.${f}`)).join('、'),
        render: (r) =>
          r.flags.map((f) => (
            <span key={f} className={styles.flag} data-flag={f} title={t(`recal.flagHelp.${f}`)}>
              {t(`recal.flag.${f}`)}
            </span>
          )),
      },
    ],
    [t],
  );
  const toolbar = (
    <label>
      {t('recal.filter')}{' '}
      <select value={filter} onChange={(e) => setFilter(e.target.value as FlagFilter)} data-testid="recal-flag-filter">
        {FILTERS.map((f) => (
          <option key={f} value={f}>
            {f === 'all' || f === 'any' || f === 'none' ? t(`recal.filter.${f}`) : t(`recal.flag.${f}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className={styles.table}>
      <DataTable
        rows={shown}
        columns={columns}
        rowKey={(r) => r.drg_code}
        rowAttributes={(r) => ({ 'data-drg-code': r.drg_code, 'data-flags': r.flags.join(' '), 'data-selected': r.drg_code === selected ? 'true' : 'false' })}
        onRowClick={(r) => onSelect(r.drg_code)}
        exportName={exportName}
        testId="recal-table"
        toolbar={toolbar}
        caption={t('recal.table.caption', { shown: shown.length, total: rows.length })}
      />
    </div>
  );
}
