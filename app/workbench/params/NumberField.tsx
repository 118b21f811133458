'use client';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { boundOf, boundText } from '@/worker/settlement/bounds';
import type { RoundParams } from '@/worker/settlement/round';
import { useLocale } from '../../i18n/locale';
import { useEditActions } from './EditContext';
import { FieldMessage } from './FieldMessage';
import { useDeferredCommit } from './useDeferredCommit';
import { validateTypedNumber, type EditResult, type FieldIssue } from './validate';
import { PLAIN_UNIT, type FieldUnit } from './field-unit';
import type { ParamPath } from './paths';
import styles from './params.module.css';

export interface NumberFieldProps {
  /** where the value goes in the round (SETTLEMENT.md §6) */
  path: ParamPath;
  /** the field's name in the undo label ("二级系数") and for screen readers */
  name: string;
  /** the round's value; null shows the field blank */
  value: number | null;
  /** what a blank field means: the catalog or file value, "computed", "no cap" */
  placeholder?: string;
  /** a visible label above the input; without one the field sits in a table cell */
  label?: ReactNode;
  /** a note under the input for the value shown or typed (= 11.22亿元, = 90%), in the stored unit */
  hint?: (value: number) => ReactNode;
  /** how the stored value is shown and typed (budgets: yuan stored, 万元 typed); default: as stored */
  unit?: FieldUnit;
  large?: boolean;
  /** leave the range (bounds.ts) out of a labelled field's text, where space is short (it stays on hover) */
  hideRange?: boolean;
  testId?: string;
  /** replaces the standard check, e.g. a weight equal to the catalog's is no override */
  validate?: (params: RoundParams, text: string) => EditResult;
}

/**
 * One number of the round. Checked at every keystroke (the reason shows beside it); committed on Enter, on
 * leaving the field, or after a pause in typing. A refused value stays in the field and never reaches the round;
 * Escape brings back the round's value.
 */
export function NumberField(props: NumberFieldProps) {
  const { t } = useLocale();
  const { readOnly, commit, current } = useEditActions();
  const [draft, setDraft] = useState<string | null>(null);
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const messageId = useId();
  const unit = props.unit ?? PLAIN_UNIT;
  const shown = (value: number | null) => (value === null ? '' : unit.toText(value));
  const check = (text: string) => (props.validate ?? ((p, s) => validateTypedNumber(p, props.path, s, unit.fromText)))(current(), text);

  const commitDraft = (): boolean => {
    if (draft === null) return true;
    const result = check(draft);
    setIssue(result.ok ? null : result.issue);
    if (!result.ok) return false;
    const typed = unit.fromText(draft);
    if (typed === props.value) return true;
    const show = (v: number | null | 'invalid') => (typeof v === 'number' ? unit.toText(v) : (props.placeholder ?? t('params.blank')));
    commit(result.next, t('params.change', { name: props.name, from: show(props.value), to: show(typed) }));
    return true;
  };
  const deferred = useDeferredCommit(commitDraft);

  // The round changed from elsewhere (undo, another round): show it, unless the panel is typing here.
  useEffect(() => {
    if (document.activeElement === input.current) return;
    setDraft(null);
    setIssue(null);
  }, [props.value]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') deferred.flush();
    if (event.key === 'Escape') {
      deferred.cancel();
      setDraft(null);
      setIssue(null);
    }
  };
  const typed = draft === null ? props.value : unit.fromText(draft);
  // the range the engine takes (bounds.ts), in the field's unit: beside a labelled field, on a table cell's hover
  const bound = boundOf(props.path);
  const range = bound ? t('params.range', { range: boundText(bound, unit.toText) }) : null;
  const field = (
    <input
      ref={input}
      type="text"
      inputMode="decimal"
      className={`${styles.number} ${props.large ? styles.large : ''} ${issue ? styles.invalid : ''}`}
      value={draft ?? shown(props.value)}
      placeholder={props.placeholder}
      disabled={readOnly}
      aria-label={props.name}
      title={range ?? undefined}
      aria-invalid={issue ? true : undefined}
      aria-describedby={issue ? messageId : undefined}
      data-testid={props.testId ?? `param-${props.path.join('.')}`}
      onChange={(e) => {
        setDraft(e.target.value);
        const result = check(e.target.value);
        setIssue(result.ok ? null : result.issue);
        deferred.schedule();
      }}
      onBlur={() => {
        deferred.cancel();
        if (commitDraft()) setDraft(null);
      }}
      onKeyDown={onKeyDown}
    />
  );
  const hint = props.hint && typeof typed === 'number' ? <span className={styles.hint}>{props.hint(typed)}</span> : null;
  if (!props.label) {
    return (
      <span className={styles.cell}>
        {field}
        {hint}
        <FieldMessage issue={issue} id={messageId} />
      </span>
    );
  }
  return (
    <label className={styles.field}>
      <span className={styles.label}>{props.label}</span>
      {field}
      {hint}
      {range && !props.hideRange ? (
        <span className={styles.range} data-testid="field-range">
          {range}
        </span>
      ) : null}
      <FieldMessage issue={issue} id={messageId} />
    </label>
  );
}
