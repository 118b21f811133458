'use client';
import { useId, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { CloseIcon } from '../../components/icons';
import { useParamsEditing } from './EditContext';
import { FieldMessage } from './FieldMessage';
import { validateEdit, type FieldIssue } from './validate';
import { toggleUniformPrice, uniformPriceDrgs } from './uniform-price';
import styles from './params.module.css';

/** 同病同价 DRGs the round names (基础组): paid with the uniform coefficient at every hospital. */
export function UniformPriceDrgs() {
  const { t } = useLocale();
  const { params, catalog, readOnly, commit } = useParamsEditing();
  const [code, setCode] = useState('');
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const listId = useId();
  const codes = uniformPriceDrgs(params);
  const nameOf = (c: string) => catalog.find((d) => d.code === c)?.name ?? '';
  const title = t('params.uniform.title');
  const change = (target: string, on: boolean) => {
    const result = validateEdit(params, ['uniform_price_drgs'], toggleUniformPrice(params, target, on));
    setIssue(result.ok ? null : result.issue);
    if (!result.ok) return;
    const yesNo = (v: boolean) => t(v ? 'params.yes' : 'params.no');
    commit(result.next, t('params.change', { name: t('params.label.uniform', { code: target }), from: yesNo(!on), to: yesNo(on) }));
  };
  const add = () => {
    const wanted = code.trim().toUpperCase();
    if (!catalog.some((d) => d.code === wanted)) {
      setIssue({ key: 'params.uniform.unknown', vars: { code: wanted } });
      return;
    }
    change(wanted, true);
    setCode('');
  };
  return (
    <div className={styles.uniform} data-testid="uniform-price-drgs">
      <strong>{title}</strong>
      {codes.length === 0 ? <span className="muted">{t('params.uniform.empty')}</span> : null}
      {codes.map((c) => (
        <button key={c} type="button" className="chip" disabled={readOnly} title={t('params.uniform.remove', { code: c })} onClick={() => change(c, false)}>
          {c} {nameOf(c)} <CloseIcon />
        </button>
      ))}
      <input
        list={listId}
        value={code}
        disabled={readOnly}
        placeholder={t('params.uniform.placeholder')}
        aria-label={`${title} ${t('params.uniform.placeholder')}`}
        data-testid="uniform-price-add-code"
        onChange={(e) => {
          setCode(e.target.value);
          setIssue(null);
        }}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <datalist id={listId}>
        {catalog.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </datalist>
      <button type="button" disabled={readOnly || code.trim() === ''} data-testid="uniform-price-add" onClick={add}>
        {t('params.uniform.add')}
      </button>
      <FieldMessage issue={issue} />
    </div>
  );
}
