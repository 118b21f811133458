'use client';
import { useLocale } from '../../i18n/locale';
import { BandsEditor } from './BandsEditor';
import { useParamsEditing } from './EditContext';
import { FlagField } from './FlagField';
import { NumberField } from './NumberField';
import { getIn, numberAt, type ParamPath } from './paths';
import { useHints } from './useHints';
import type { MessageKey } from '../../i18n/messages';
import styles from './params.module.css';

/** 规则: case classes (§2), case points (§3) and year-end clearing (§4.3). */
export function RulesSection() {
  const { t } = useLocale();
  const { resolved } = useParamsEditing();
  const hints = useHints();
  const number = (key: string, name: MessageKey, ratio: boolean, placeholder?: string) => {
    const path: ParamPath = [key];
    return (
      <NumberField
        path={path}
        name={t(name)}
        label={t(name)}
        value={numberAt(resolved, path)}
        large
        {...(ratio ? { hint: hints.percent } : {})}
        {...(placeholder ? { placeholder } : {})}
      />
    );
  };
  const flag = (key: string, name: MessageKey) => <FlagField path={[key]} name={t(name)} checked={getIn(resolved, [key]) === true} />;
  return (
    <section data-testid="rules-section">
      <h3>{t('params.rules.classes')}</h3>
      <div className={styles.fields}>
        {number('exclude_los_max', 'params.field.excludeLosMax', false)}
        {number('exclude_los_min', 'params.field.excludeLosMin', false)}
        {number('low_multiple', 'params.field.lowMultiple', false)}
      </div>
      <BandsEditor bandKey="high_bands" title={t('params.field.highBands')} boundLabel={t('params.band.rwMax')} valueLabel={t('params.band.multiple')} />
      <h3>{t('params.rules.points')}</h3>
      <div className={styles.fields}>
        {number('high_extra_ratio', 'params.field.highExtraRatio', true)}
        {number('ungrouped_ratio', 'params.field.ungroupedRatio', true)}
      </div>
      <div className={styles.fields}>
        {flag('high_extra_times_coef', 'params.field.highExtraTimesCoef')}
        {flag('low_times_coef', 'params.field.lowTimesCoef')}
      </div>
      <h3>{t('params.rules.clearing')}</h3>
      <div className={styles.fields}>
        {number('reserve_ratio', 'params.field.reserveRatio', true)}
        {number('surplus_cap', 'params.field.surplusCap', true, t('params.surplus.none'))}
      </div>
      <div className={styles.bandGroup}>
        <BandsEditor bandKey="sharing_bands" title={t('params.field.sharingBands')} boundLabel={t('params.band.overMax')} valueLabel={t('params.band.fundShare')} />
        <BandsEditor bandKey="eval_bands" title={t('params.field.evalBands')} boundLabel={t('params.band.minScore')} valueLabel={t('params.band.coef')} />
      </div>
    </section>
  );
}
