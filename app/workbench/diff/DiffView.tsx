'use client';
import { useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { PERCENT, withUnit } from '../../lib/column-format';
import type { Band, ParamChange, ParamValue } from '@/server/services/round-diff';
import { bandTable, codesChangeText, isBandKey, paramLabel, subjectText, valueText } from './param-text';
import { BandTable } from './BandTable';
import styles from './diff.module.css';

/** 参数差异: which weights, rates, coefficients and rules changed between two saved rounds, old → new. */
export function DiffView({ fromId, toId, fromName, toName }: { fromId: number; toId: number; fromName: string; toName: string }) {
  const trpc = useTRPC();
  const { t, locale } = useLocale();
  const diff = useQuery(trpc.rounds.diff.queryOptions({ fromId, toId }));
  const columns = useMemo<TableColumn<ParamChange>[]>(() => {
    /** a value as the cell shows it: a band table as a small table, codes wrapped, others as their text */
    const shown = (c: ParamChange, value: ParamValue, side: 'from' | 'to'): ReactNode => {
      if (isBandKey(c.param) && Array.isArray(value)) {
        const table = bandTable(c.param, value as readonly Band[], locale, t);
        return <BandTable headers={table.headers} rows={table.rows} />;
      }
      if (c.kind !== 'codes') return valueText(c, value, locale, t);
      return (
        <span className={styles.codes}>
          {valueText(c, value, locale, t)}
          {side === 'to' ? <span className={styles.codesChange}>{codesChangeText(c, locale, t)}</span> : null}
        </span>
      );
    };
    return [
      { id: 'group', header: t('diff.group'), value: (c) => t(`diffGroup.${c.group}`) },
      { id: 'param', header: t('paramDiff.param'), value: (c) => paramLabel(c, t), render: (c) => <span className={styles.param}>{paramLabel(c, t)}</span> },
      { id: 'subject', header: t('paramDiff.subject'), value: (c) => subjectText(c), render: (c) => <span className={styles.subject}>{subjectText(c)}</span> },
      { id: 'from', header: t('diff.from'), value: (c) => valueText(c, c.from, locale, t), render: (c) => shown(c, c.from, 'from') },
      { id: 'to', header: t('diff.to'), value: (c) => valueText(c, c.to, locale, t), render: (c) => shown(c, c.to, 'to') },
      { id: 'change', header: withUnit(t('paramDiff.change'), PERCENT, locale), value: (c) => c.relativeChange, format: PERCENT, numeric: true },
    ];
  }, [t, locale]);
  if (diff.isLoading) return <p>{t('common.loading')}</p>;
  if (diff.error) return <p className="error">{diff.error.message}</p>;
  const changes = diff.data ?? [];
  return (
    <div data-testid="round-diff">
      <h3>{t('diff.title', { from: fromName, to: toName })}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('diff.none')}</p>
      ) : (
        <DataTable
          caption={t('paramDiff.count', { count: changes.length })}
          rows={changes}
          columns={columns}
          rowKey={(c) => c.key}
          rowAttributes={(c) => ({ 'data-param-key': c.key })}
          exportName={`diff-${fromName}-${toName}`}
          testId="round-diff-table"
        />
      )}
    </div>
  );
}
