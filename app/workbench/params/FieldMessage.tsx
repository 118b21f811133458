'use client';
import { useLocale } from '../../i18n/locale';
import type { FieldIssue } from './validate';
import styles from './params.module.css';

/** The reason a value was refused, beside its field, in the panel's language. */
export function FieldMessage({ issue, id }: { issue: FieldIssue | null; id?: string }) {
  const { t } = useLocale();
  if (!issue) return null;
  return (
    <span className={styles.issue} role="alert" id={id} data-testid="field-error">
      {t(issue.key, issue.vars)}
    </span>
  );
}
