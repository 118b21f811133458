'use client';
import { useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { FieldMessage } from './FieldMessage';
import { validateEdit, type FieldIssue } from './validate';
import type { ParamPath } from './paths';
import styles from './params.module.css';

/** One yes/no rule of the round (高倍率加成乘以系数 …), committed when ticked. */
export function FlagField({ path, name, checked, testId }: { path: ParamPath; name: string; checked: boolean; testId?: string }) {
  const { t } = useLocale();
  const { params, readOnly, commit } = useParamsEditing();
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const yesNo = (v: boolean) => t(v ? 'params.yes' : 'params.no');
  const toggle = (next: boolean) => {
    const result = validateEdit(params, path, next);
    setIssue(result.ok ? null : result.issue);
    if (result.ok) commit(result.next, t('params.change', { name, from: yesNo(checked), to: yesNo(next) }));
  };
  return (
    <label className={styles.flag}>
      <input type="checkbox" checked={checked} disabled={readOnly} data-testid={testId ?? `param-${path.join('.')}`} onChange={(e) => toggle(e.target.checked)} />
      <span>{name}</span>
      <FieldMessage issue={issue} />
    </label>
  );
}
