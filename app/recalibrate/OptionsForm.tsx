'use client';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/locale';
import { RECENTRE_MODES } from '@/worker/recalibration/options';
import { TRIM_KINDS, type FieldName, type OptionsFields } from './options-form';
import styles from './recalibrate.module.css';

function Field({ label, error, help, children }: { label: string; error?: string | undefined; help?: string | undefined; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <label>
        {label}
        <br />
        {children}
      </label>
      {error ? <span className="field-error" role="alert">{error}</span> : help ? <span className={styles.help}>{help}</span> : null}
    </div>
  );
}

/** 测算参数: trim method with its K or LO:HI, min cases, blend, cap, re-centring (ANALYSIS.md §C). */
export function OptionsForm({ fields, errors, onChange }: { fields: OptionsFields; errors: Partial<Record<FieldName, string>>; onChange: (fields: OptionsFields) => void }) {
  const { t } = useLocale();
  const set = <K extends keyof OptionsFields>(key: K) => (value: OptionsFields[K]) => onChange({ ...fields, [key]: value });
  const text = (key: 'k' | 'lo' | 'hi' | 'minCases' | 'blend' | 'cap', testId: string, disabled = false) => (
    <input value={fields[key]} onChange={(e) => set(key)(e.target.value)} inputMode="decimal" maxLength={12} disabled={disabled} aria-invalid={errors[key as FieldName] ? true : undefined} data-testid={testId} />
  );
  return (
    <div className={styles.options} data-testid="recal-options">
      <Field label={t('recal.trim')}>
        <select value={fields.trimKind} onChange={(e) => set('trimKind')(e.target.value as OptionsFields['trimKind'])} data-testid="recal-trim">
          {TRIM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`recal.trim.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      {fields.trimKind === 'iqr' || fields.trimKind === 'logsd' ? (
        <Field label={t('recal.k')} error={errors.k} help={t(fields.trimKind === 'iqr' ? 'recal.kHelp.iqr' : 'recal.kHelp.logsd')}>
          {text('k', 'recal-k')}
        </Field>
      ) : null}
      {fields.trimKind === 'pct' ? (
        <>
          <Field label={`${t('recal.lo')} (%)`} error={errors.lo}>{text('lo', 'recal-lo')}</Field>
          <Field label={`${t('recal.hi')} (%)`} error={errors.hi}>{text('hi', 'recal-hi')}</Field>
        </>
      ) : null}
      <Field label={t('recal.minCases')} error={errors.minCases} help={t('recal.minCasesHelp')}>{text('minCases', 'recal-min-cases')}</Field>
      <Field label={t('recal.blend')} error={errors.blend} help={t('recal.blendHelp')}>{text('blend', 'recal-blend')}</Field>
      <Field label={t('recal.cap')} error={errors.cap} help={t('recal.capHelp')}>
        <span>
          <input type="checkbox" checked={fields.capOn} onChange={(e) => set('capOn')(e.target.checked)} aria-label={t('recal.capOn')} data-testid="recal-cap-on" />{' '}
          {text('cap', 'recal-cap', !fields.capOn)}
        </span>
      </Field>
      <Field label={t('recal.recentre')} error={errors.recentre}>
        <select value={fields.recentre} onChange={(e) => set('recentre')(e.target.value as OptionsFields['recentre'])} data-testid="recal-recentre">
          {RECENTRE_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`recal.recentre.${mode}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
