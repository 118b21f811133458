'use client';
import { useLocale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import type { DrgFilter } from './drg-filter';
import styles from './params.module.css';

/** 外科 / 内科 / 非手术室操作 by the catalog's type code. */
export function drgTypeKey(drgType: string): MessageKey | null {
  return drgType === 'surgical' || drgType === 'medical' || drgType === 'procedure' ? `params.drgType.${drgType}` : null;
}

/** MDC, type and text: the DRGs shown, and the ones a bulk weight edit changes. */
export function DrgFilterBar(props: { filter: DrgFilter; mdcs: string[]; drgTypes: string[]; onChange: (filter: DrgFilter) => void }) {
  const { t } = useLocale();
  const { filter, onChange } = props;
  const typeName = (type: string) => {
    const key = drgTypeKey(type);
    return key ? t(key) : type;
  };
  return (
    <span className={styles.filters}>
      <label>
        {t('params.filter.mdc')}{' '}
        <select value={filter.mdc ?? ''} data-testid="weights-filter-mdc" onChange={(e) => onChange({ ...filter, mdc: e.target.value || null })}>
          <option value="">{t('common.all')}</option>
          {props.mdcs.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('params.filter.type')}{' '}
        <select value={filter.drgType ?? ''} data-testid="weights-filter-type" onChange={(e) => onChange({ ...filter, drgType: e.target.value || null })}>
          <option value="">{t('common.all')}</option>
          {props.drgTypes.map((type) => (
            <option key={type} value={type}>
              {typeName(type)}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        className={styles.filterText}
        placeholder={t('params.filter.text')}
        aria-label={t('params.filter.text')}
        value={filter.text}
        data-testid="weights-filter-text"
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
    </span>
  );
}
