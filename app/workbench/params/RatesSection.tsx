'use client';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { useLocale } from '../../i18n/locale';
import { ChoiceField } from './ChoiceField';
import { useParamsEditing } from './EditContext';
import { NumberField } from './NumberField';
import { PoolRatesTable } from './PoolRatesTable';
import { getIn, numberAt } from './paths';
import { useHints } from './useHints';
import styles from './params.module.css';

/** 费率/点值: the method, base points and each pool's budget, rates and monthly point value. */
export function RatesSection() {
  const { t } = useLocale();
  const { resolved } = useParamsEditing();
  const hints = useHints();
  const method = getIn(resolved, ['method']) === 'rate' ? 'rate' : 'points';
  const basis = getIn(resolved, ['point_value_basis']) === 'fund' ? 'fund' : 'total';
  return (
    <section data-testid="rates-section">
      <h3>{t('params.rates.title')}</h3>
      <div className={styles.fields}>
        <ChoiceField
          path={['method']}
          name={t('params.field.method')}
          value={method}
          choices={[
            { value: 'points', label: t('params.method.points') },
            { value: 'rate', label: t('params.method.rate') },
          ]}
        />
        <NumberField path={['base_points']} name={t('params.field.basePoints')} label={t('params.field.basePoints')} value={numberAt(resolved, ['base_points'])} large />
        {method === 'points' ? (
          <ChoiceField
            path={['point_value_basis']}
            name={t('params.field.pointValueBasis')}
            value={basis}
            choices={[
              { value: 'total', label: t('params.basis.total') },
              { value: 'fund', label: t('params.basis.fund') },
            ]}
          />
        ) : null}
        <NumberField
          path={['prepay_ratio']}
          name={t('params.field.prepayRatio')}
          label={t('params.field.prepayRatio')}
          value={numberAt(resolved, ['prepay_ratio'])}
          hint={hints.percent}
          large
        />
      </div>
      <PoolRatesTable method={method} pools={POOLS as readonly Pool[]} />
    </section>
  );
}
