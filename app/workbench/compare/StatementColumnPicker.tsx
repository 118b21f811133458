'use client';
import { useMemo, useState, type ReactNode } from 'react';
import { useLocale } from '../../i18n/locale';
import type { SettlementSummary } from '@/worker/settlement/result';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { statementIndex } from '@/worker/settlement/money/hospital-statement';
import type { StatementLineId } from '../hospital/statement-lines';
import type { ImpactRow } from './impact';
import { IMPACT_STATEMENT_LINES, NO_STATEMENT_COLUMNS, statementColumnSpecs, withStatements, type StatementChoice, type StatementColumnSpec } from './statement-columns';
import styles from './statement-columns.module.css';

/**
 * The impact table's statement columns: the choice (none by default), the rows with their hospitals'
 * statements when some are chosen (the statements are read only then), the columns' specs and the picker for
 * the table's toolbar. `results` are the compared rounds' engine results, in the order of `roundNames`.
 */
export function useStatementColumns(
  rows: ImpactRow[],
  results: readonly (SettlementSummary | null)[] | undefined,
  roundNames: readonly string[],
): { rows: ImpactRow[]; specs: StatementColumnSpec[]; picker: ReactNode } {
  const { t, locale } = useLocale();
  const [choice, setChoice] = useState<StatementChoice>(NO_STATEMENT_COLUMNS);
  const on = results !== undefined && choice.lines.length > 0 && choice.pools.length > 0;
  const indexes = useMemo(() => (on ? results.map((r) => (r ? statementIndex(r) : null)) : null), [on, results]);
  const shownRows = useMemo(() => (indexes ? withStatements(rows, indexes) : rows), [rows, indexes]);
  const specs = useMemo(
    () =>
      on
        ? statementColumnSpecs(choice, roundNames, {
            line: (id) => t(`statement.line.${id}`),
            pool: (pool) => t(`pool.${pool}`),
            header: (round, pool, line) => t('impact.statementHeader', { round, pool, line }),
          }, locale)
        : [],
    [on, choice, roundNames, t, locale],
  );
  const picker = results ? <StatementColumnPicker choice={choice} onChange={setChoice} /> : null;
  return { rows: shownRows, specs, picker };
}

function toggled<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const next = new Set(list);
  if (on) next.add(item);
  else next.delete(item);
  return order.filter((x) => next.has(x));
}

/** A drop-down of checkboxes: the statement lines to add as columns, and the pools to show them for. */
export function StatementColumnPicker({ choice, onChange }: { choice: StatementChoice; onChange: (choice: StatementChoice) => void }) {
  const { t } = useLocale();
  const count = choice.lines.length;
  const setLine = (id: StatementLineId, on: boolean) => onChange({ ...choice, lines: toggled(choice.lines, id, on, IMPACT_STATEMENT_LINES) });
  const setPool = (pool: Pool, on: boolean) => onChange({ ...choice, pools: toggled(choice.pools, pool, on, POOLS) });
  return (
    <details className={styles.picker} data-testid="statement-columns">
      <summary>
        {t('impact.statementColumns')} ({count > 0 ? count : t('impact.statementNone')})
      </summary>
      <div className={styles.panel}>
        <fieldset>
          <legend>{t('impact.statementPools')}</legend>
          {POOLS.map((pool) => (
            <label key={pool}>
              <input type="checkbox" checked={choice.pools.includes(pool)} onChange={(e) => setPool(pool, e.target.checked)} data-testid={`statement-pool-${pool}`} />
              {t(`pool.${pool}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('impact.statementLines')}</legend>
          <div className={styles.lines}>
            {IMPACT_STATEMENT_LINES.map((id) => (
              <label key={id}>
                <input type="checkbox" checked={choice.lines.includes(id)} onChange={(e) => setLine(id, e.target.checked)} data-testid={`statement-line-${id}`} />
                {t(`statement.line.${id}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </details>
  );
}
