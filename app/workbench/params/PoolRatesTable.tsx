'use client';
import { LEVELS, type Pool } from '@/worker/settlement/types';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { NumberField } from './NumberField';
import { numberAt } from './paths';
import { WAN_UNIT } from './field-unit';
import { useHints } from './useHints';
import styles from './params.module.css';

/**
 * Per 统筹基金 pool: 点数法 needs the budget (and may fix the monthly point value); 费率法 needs the base rate,
 * optionally per level, and may carry a budget to compare against. Only the method's own levers are shown.
 * Budgets are typed and shown in 万元 (the round keeps yuan).
 */
export function PoolRatesTable({ method, pools }: { method: 'points' | 'rate'; pools: readonly Pool[] }) {
  const { t } = useLocale();
  const { params } = useParamsEditing();
  const hints = useHints();
  const budgetName = t(method === 'points' ? 'params.field.budget' : 'params.field.budgetOptional');
  const levelName = (level: number) => t('params.field.rateByLevel', { level: t(`level.${level as 1 | 2 | 3}`) });
  const named = (pool: Pool, field: string) => t('params.label.pool', { pool: t(`pool.${pool}`), field });
  return (
    <table className={styles.poolTable} data-testid="pool-rates">
      <thead>
        <tr>
          <th>{t('params.field.pool')}</th>
          <th>{budgetName}</th>
          {method === 'points' ? <th>{t('params.field.monthlyPointValue')}</th> : <th>{t('params.field.rate')}</th>}
          {method === 'rate' ? LEVELS.map((level) => <th key={level}>{levelName(level)}</th>) : null}
        </tr>
      </thead>
      <tbody>
        {pools.map((pool) => {
          const rate = numberAt(params, ['rate', pool]);
          return (
            <tr key={pool} data-pool={pool}>
              <th scope="row">{t(`pool.${pool}`)}</th>
              <td>
                <NumberField
                  path={['budget', pool]}
                  name={named(pool, budgetName)}
                  value={numberAt(params, ['budget', pool])}
                  unit={WAN_UNIT}
                  hint={hints.money}
                  large
                />
              </td>
              {method === 'points' ? (
                <td>
                  <NumberField
                    path={['monthly_point_value', pool]}
                    name={named(pool, t('params.field.monthlyPointValue'))}
                    value={numberAt(params, ['monthly_point_value', pool])}
                    placeholder={t('params.monthly.computed')}
                    large
                  />
                </td>
              ) : (
                <td>
                  <NumberField path={['rate', pool]} name={named(pool, t('params.field.rate'))} value={rate} large />
                </td>
              )}
              {method === 'rate'
                ? LEVELS.map((level) => (
                    <td key={level}>
                      <NumberField
                        path={['rate_by_level', pool, String(level)]}
                        name={named(pool, levelName(level))}
                        value={numberAt(params, ['rate_by_level', pool, String(level)])}
                        placeholder={rate === null ? t('params.rateByLevel.inherit') : String(rate)}
                      />
                    </td>
                  ))
                : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
