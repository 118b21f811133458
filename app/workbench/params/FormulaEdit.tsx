'use client';
/**
 * 公式批量调整 (ANALYSIS.md §D): where + set inputs, a preview of the rows chosen (old → new), and apply as one
 * undoable edit of the round, labelled with the formula (the label also goes into the round's history when it is
 * saved: formula-note.ts). The restricted mathjs (app/lib/formula) is loaded when a formula is first previewed.
 */
import { useEffect, useState } from 'react';
import type { RoundParams } from '@/worker/settlement/round';
import type { FormulaIssue, FormulaPreview, FormulaRules, FormulaTarget } from '@/app/lib/formula';
import { formulaIssueText } from '@/app/lib/formula/issue-text';
import { FORMULA_FUNCTIONS } from '@/app/lib/formula/names';
import { decimal, formatCell } from '../../lib/column-format';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { FieldMessage } from './FieldMessage';
import { gate, type FieldIssue } from './validate';
import styles from './formula.module.css';

const loadFormula = () => import('@/app/lib/formula');

/** At most this many rows of a preview are listed (the count covers them all). */
const LISTED_ROWS = 200;
const FIGURE = decimal(4);

export interface FormulaEditProps {
  /** weights or hospital coefficients: the texts and the test ids' container */
  target: 'weight' | 'coefficient';
  /** the rows as they are now (read when previewing and applying) */
  targets: () => FormulaTarget[];
  rules: FormulaRules;
  /** the round with a preview's values applied */
  apply: (params: RoundParams, preview: FormulaPreview) => RoundParams;
  nameOf: (key: string) => string;
  examples: { where: string; set: string };
}

type Result = { kind: 'preview'; preview: FormulaPreview } | { kind: 'issue'; issue: FormulaIssue } | { kind: 'field'; issue: FieldIssue } | { kind: 'done'; count: number };

export function FormulaEdit({ target, targets, rules, apply, nameOf, examples }: FormulaEditProps) {
  const { t } = useLocale();
  const { params, readOnly, commit, current } = useParamsEditing();
  const [where, setWhere] = useState('');
  const [set, setSet] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  // a preview is of the round as it was: another edit makes it stale
  useEffect(() => setResult((r) => (r?.kind === 'preview' ? null : r)), [params]);

  const compute = async (): Promise<FormulaPreview | null> => {
    setBusy(true);
    try {
      const { previewFormula } = await loadFormula();
      const outcome = previewFormula(where, set, targets(), rules);
      if (!outcome.ok) {
        setResult({ kind: 'issue', issue: outcome.issue });
        return null;
      }
      return outcome.value;
    } finally {
      setBusy(false);
    }
  };
  const preview = async () => {
    const computed = await compute();
    if (computed) setResult({ kind: 'preview', preview: computed });
  };
  const applyFormula = async () => {
    const computed = await compute();
    if (!computed) return;
    const checked = gate(apply(current(), computed));
    if (!checked.ok) return setResult({ kind: 'field', issue: checked.issue });
    const count = computed.changes.length;
    const label = computed.where ? t('formula.label', { where: computed.where, set: computed.set, count }) : t('formula.labelAll', { set: computed.set, count });
    commit(checked.next, label);
    setResult({ kind: 'done', count });
  };
  const edited = (setter: (text: string) => void) => (text: string) => {
    setter(text);
    setResult(null);
  };

  return (
    <div className={styles.formula} data-testid="formula-edit" data-target={target}>
      <strong>
        {t('formula.title')} · {t(`formula.target.${target}`)}
      </strong>
      <div className={styles.inputs}>
        <label>
          {t('formula.where')}
          <input
            className={styles.expression}
            value={where}
            maxLength={2000}
            disabled={readOnly}
            placeholder={t('formula.wherePlaceholder', { example: examples.where })}
            spellCheck={false}
            data-testid="formula-where"
            onFocus={() => void loadFormula()}
            onChange={(e) => edited(setWhere)(e.target.value)}
          />
        </label>
        <label>
          {t('formula.set')}
          <input
            className={styles.expression}
            value={set}
            maxLength={2000}
            disabled={readOnly}
            placeholder={t('formula.setPlaceholder', { example: examples.set })}
            spellCheck={false}
            data-testid="formula-set"
            onFocus={() => void loadFormula()}
            onChange={(e) => edited(setSet)(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void preview()}
          />
        </label>
        <button type="button" disabled={readOnly || busy || set.trim() === ''} data-testid="formula-preview" onClick={() => void preview()}>
          {t('formula.preview')}
        </button>
        <button type="button" className="primary" disabled={readOnly || busy || result?.kind !== 'preview'} data-testid="formula-apply" onClick={() => void applyFormula()}>
          {t('formula.apply')}
        </button>
      </div>
      <p className={styles.help}>{t('formula.names', { names: rules.names.join(', '), functions: FORMULA_FUNCTIONS.join(', ') })}</p>
      {result?.kind === 'issue' ? (
        <p className={styles.error} role="alert" data-testid="formula-error" data-code={result.issue.code}>
          {formulaIssueText(result.issue, t, rules.names)} {t('formula.refused')}
        </p>
      ) : null}
      {result?.kind === 'field' ? (
        <p data-testid="formula-error" data-code="round">
          <FieldMessage issue={result.issue} /> {t('formula.refused')}
        </p>
      ) : null}
      {result?.kind === 'preview' ? <PreviewResult preview={result.preview} nameOf={nameOf} /> : null}
      {result?.kind === 'done' ? (
        <span className="muted" role="status" data-testid="formula-done">
          {t('formula.done', { count: result.count })}
        </span>
      ) : null}
    </div>
  );
}

/** How many rows the formula chooses, and each one's old → new value (the first LISTED_ROWS of them). */
function PreviewResult({ preview, nameOf }: { preview: FormulaPreview; nameOf: (key: string) => string }) {
  const { t, locale } = useLocale();
  const { changes, skipped } = preview;
  const changed = changes.filter((c) => c.after !== c.before).length;
  return (
    <div className={styles.result} data-testid="formula-preview-result" data-count={changes.length} data-changed={changed}>
      <div className={styles.summary} role="status">
        <strong>{t('formula.chosen', { count: changes.length })}</strong>
        <span>{t('formula.changed', { count: changed })}</span>
        {skipped > 0 ? <span className="muted">{t('formula.skipped', { count: skipped })}</span> : null}
      </div>
      {changes.length > 0 ? (
        <div className={styles.changes}>
          <table>
            <thead>
              <tr>
                <th>{t('formula.column.code')}</th>
                <th>{t('formula.column.name')}</th>
                <th className={styles.num}>{t('formula.column.before')}</th>
                <th className={styles.num}>{t('formula.column.after')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.slice(0, LISTED_ROWS).map((c) => (
                <tr key={c.key} data-formula-row={c.key} className={c.after !== c.before ? styles.changed : undefined}>
                  <td>{c.key}</td>
                  <td>{nameOf(c.key)}</td>
                  <td className={styles.num}>{formatCell(FIGURE, c.before, locale)}</td>
                  <td className={styles.num}>
                    → {formatCell(FIGURE, c.after, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {changes.length > LISTED_ROWS ? <span className="muted">{t('formula.more', { count: changes.length - LISTED_ROWS })}</span> : null}
    </div>
  );
}
