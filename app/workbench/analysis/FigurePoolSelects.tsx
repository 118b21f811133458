'use client';
import { useLocale } from '../../i18n/locale';
import type { FigureName, PoolChoice } from './attribution-rows';

/**
 * The two choices every 变动归因 view offers: which figure is split (结算金额 or 统筹基金支付) and over which pool
 * (合计, 职工, 居民). `testId` prefixes the selects' ids: `${testId}-figure`, `${testId}-pool`.
 */
export function FigurePoolSelects(props: { figure: FigureName; pool: PoolChoice; onFigure: (figure: FigureName) => void; onPool: (pool: PoolChoice) => void; testId: string }) {
  const { t } = useLocale();
  return (
    <>
      <label>
        {t('analysis.figure')}
        <select data-testid={`${props.testId}-figure`} value={props.figure} onChange={(e) => props.onFigure(e.target.value as FigureName)}>
          <option value="settlement">{t('analysis.figure.settlement')}</option>
          <option value="fund_payment">{t('analysis.figure.fund_payment')}</option>
        </select>
      </label>
      <label>
        {t('analysis.pool')}
        <select data-testid={`${props.testId}-pool`} value={props.pool} onChange={(e) => props.onPool(e.target.value as PoolChoice)}>
          <option value="all">{t('analysis.pool.all')}</option>
          <option value="employee">{t('pool.employee')}</option>
          <option value="resident">{t('pool.resident')}</option>
        </select>
      </label>
    </>
  );
}
