'use client';
import { useLocale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { zeroGrowthForm, type FieldError, type ProjectionField, type ProjectionForm } from './projection-input';
import styles from './analysis.module.css';

const ERROR_KEYS: Record<FieldError, MessageKey> = {
  number: 'projection.err.number',
  growth: 'projection.err.growth',
  threshold: 'projection.err.threshold',
  profile: 'projection.monthProfileError',
};

/** The growth rates (percent), the threshold and the month profile; each change reruns the projection. */
export function ProjectionInputs({ form, errors, onChange }: { form: ProjectionForm; errors: Partial<Record<ProjectionField, FieldError>>; onChange: (form: ProjectionForm) => void }) {
  const { t } = useLocale();
  const field = (key: ProjectionField, label: string) => (
    <label key={key}>
      <span>{label}</span>
      <span>
        <input
          data-testid={`projection-${key.replaceAll('.', '-')}`}
          inputMode="decimal"
          value={form[key]}
          aria-invalid={errors[key] ? 'true' : undefined}
          onChange={(e) => onChange({ ...form, [key]: e.target.value })}
        />{' '}
        %
      </span>
      {errors[key] ? <span className="field-error" role="alert">{t(ERROR_KEYS[errors[key]!])}</span> : null}
    </label>
  );
  return (
    <div className={styles.inputs}>
      <fieldset>
        <legend>{t('projection.volumeByLevel')}</legend>
        {([3, 2, 1] as const).map((level) => field(`volume.level.${level}`, t(`level.${level}`)))}
      </fieldset>
      <fieldset>
        <legend>{t('projection.volumeByPool')}</legend>
        {field('volume.pool.employee', t('pool.employee'))}
        {field('volume.pool.resident', t('pool.resident'))}
      </fieldset>
      <fieldset>
        <legend>{t('projection.budgetGrowth')}</legend>
        {field('budget.employee', t('pool.employee'))}
        {field('budget.resident', t('pool.resident'))}
      </fieldset>
      <fieldset>
        <legend>{t('projection.costAndMix')}</legend>
        {field('cost', t('projection.costGrowth'))}
        {field('cmi', t('projection.cmiDrift'))}
        {field('threshold', t('projection.threshold'))}
      </fieldset>
      <label className={styles.wide}>
        <span>{t('projection.monthProfile')}</span>
        <input
          data-testid="projection-profile"
          value={form.profile}
          placeholder={t('projection.monthProfileHint')}
          aria-invalid={errors.profile ? 'true' : undefined}
          onChange={(e) => onChange({ ...form, profile: e.target.value })}
        />
        <button type="button" data-testid="projection-reset" onClick={() => onChange(zeroGrowthForm(form.threshold))}>{t('projection.reset')}</button>
      </label>
      {errors.profile ? <span className={`field-error ${styles.wide}`} role="alert">{t(ERROR_KEYS.profile)}</span> : null}
    </div>
  );
}
