'use client';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { HospitalCoefficientsTable } from './HospitalCoefficientsTable';
import { LevelCoefficients } from './LevelCoefficients';
import { NumberField } from './NumberField';
import { UniformPriceDrgs } from './UniformPriceDrgs';
import { numberAt } from './paths';
import styles from './params.module.css';

/** 系数: level coefficients, the uniform-price coefficient and DRGs, and each hospital's coefficient and score. */
export function CoefficientsSection({ compact = false }: { compact?: boolean }) {
  const { t } = useLocale();
  const { resolved } = useParamsEditing();
  return (
    <section data-testid="coefficients-section">
      <h3>{t('params.coefficients.levels')}</h3>
      <LevelCoefficients />
      <div className={styles.fields}>
        <NumberField
          path={['uniform_coefficient']}
          name={t('params.field.uniformCoefficient')}
          label={t('params.field.uniformCoefficient')}
          value={numberAt(resolved, ['uniform_coefficient'])}
          large
        />
        <UniformPriceDrgs />
      </div>
      <HospitalCoefficientsTable compact={compact} />
    </section>
  );
}
