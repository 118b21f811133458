'use client';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { formatCell, shownFigure } from '../../lib/column-format';
import { DataTable, type TableColumn } from '../../components/DataTable';
import type { Method, PointValueBasis } from '@/worker/settlement/round';
import type { Pool } from '@/worker/settlement/types';
import type { PoolStatement } from '@/worker/settlement/money/hospital-statement';
import { formulaKey, STATEMENT_LINES, type StatementLine } from './statement-lines';
import { lineFigure, lineFormat, lineUnitKey } from './line-format';
import styles from './hospital.module.css';

export interface StatementTableProps {
  code: string;
  roundName: string;
  baselineName: string;
  method: Method;
  basis: PointValueBasis;
  /** the round's statements, one per pool with cases, and the baseline's */
  round: PoolStatement[];
  baseline: PoolStatement[];
}

/**
 * 年度清算单: one line per row (SETTLEMENT.md §4.3, in yuan to the fen so that it adds up as printed), one
 * column per pool under the round and under the baseline. Exported as shown: the figures, their units beside.
 */
export function StatementTable(props: StatementTableProps) {
  const { t, locale } = useLocale();
  const { method, basis, round, baseline, roundName, baselineName } = props;
  const columns = useMemo<TableColumn<StatementLine>[]>(() => {
    const list: TableColumn<StatementLine>[] = [
      { id: 'item', header: t('statement.item'), value: (line) => t(`statement.line.${line.id}`) },
      { id: 'formula', header: t('statement.formula'), value: (line) => t(formulaKey(line.id, method, basis)) },
      { id: 'unit', header: t('statement.unit'), value: (line) => t(lineUnitKey(line.kind)) },
    ];
    const poolColumns = (statements: PoolStatement[], which: 'round' | 'baseline', name: string) =>
      statements.map(
        (s): TableColumn<StatementLine> => ({
          id: `${s.pool}-${which}`,
          header: t('statement.column', { pool: t(`pool.${s.pool}`), round: name }),
          numeric: true,
          value: (line) => exported(line, s),
          render: (line) => (
            <span data-cell={`${s.pool}-${which}`} className={line.kind === 'signedMoney' ? toneClass(lineFigure(line, s)) : undefined}>
              {formatCell(lineFormat(line.kind), lineFigure(line, s), locale)}
            </span>
          ),
        }),
      );
    for (const pool of ['employee', 'resident'] as const satisfies readonly Pool[]) {
      list.push(...poolColumns(round.filter((s) => s.pool === pool), 'round', roundName));
      list.push(...poolColumns(baseline.filter((s) => s.pool === pool), 'baseline', baselineName));
    }
    return list;
  }, [t, locale, method, basis, round, baseline, roundName, baselineName]);
  return (
    <section className={`${styles.section} ${styles.statement}`}>
      <DataTable
        caption={t('statement.titleCompare', { round: roundName, baseline: baselineName })}
        rows={STATEMENT_LINES}
        columns={columns}
        rowKey={(line) => line.id}
        rowAttributes={(line) => ({ 'data-line': line.id })}
        exportName={`statement-${props.code}`}
        testId="hospital-statement"
      />
      <p className={styles.note}>{t('statement.addsUp')}</p>
    </section>
  );
}

/** The figure an export carries: the one shown (yuan to the fen, % to 1 decimal …). */
function exported(line: StatementLine, s: PoolStatement): number | null {
  const figure = lineFigure(line, s);
  return figure === null ? null : shownFigure(lineFormat(line.kind), figure);
}

function toneClass(yuan: number | null): string | undefined {
  return yuan === null ? undefined : yuan < 0 ? 'loss' : yuan > 0 ? 'gain' : undefined;
}

