'use client';
import { useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { FieldMessage } from './FieldMessage';
import { validateEdit, type FieldIssue } from './validate';
import type { ParamPath } from './paths';
import styles from './params.module.css';

export interface Choice {
  value: string;
  label: string;
}

/** One choice of the round (结算方法, 点值口径): a large select, committed when chosen. */
export function ChoiceField({ path, name, value, choices, testId }: { path: ParamPath; name: string; value: string; choices: Choice[]; testId?: string }) {
  const { t } = useLocale();
  const { params, readOnly, commit } = useParamsEditing();
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const labelOf = (v: string) => choices.find((c) => c.value === v)?.label ?? v;
  const choose = (next: string) => {
    const result = validateEdit(params, path, next);
    setIssue(result.ok ? null : result.issue);
    if (result.ok) commit(result.next, t('params.change', { name, from: labelOf(value), to: labelOf(next) }));
  };
  return (
    <label className={styles.field}>
      <span className={styles.label}>{name}</span>
      <select className={styles.select} value={value} disabled={readOnly} data-testid={testId ?? `param-${path.join('.')}`} onChange={(e) => choose(e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldMessage issue={issue} />
    </label>
  );
}
