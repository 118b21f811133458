'use client';
import { useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { FieldMessage } from './FieldMessage';
import { getIn, setIn } from './paths';
import { gate, readNumber, type FieldIssue } from './validate';
import { applyBulkWeights, type BulkWeightOperation, type WeightedDrg, type WeightOverrides } from './weight-edits';
import styles from './params.module.css';

type OperationKind = BulkWeightOperation['kind'];
const SYMBOL: Record<OperationKind, string> = { multiply: '×', add: '+', set: '=' };

function toOperation(kind: OperationKind, amount: number): BulkWeightOperation {
  if (kind === 'multiply') return { kind, factor: amount };
  if (kind === 'add') return { kind, delta: amount };
  return { kind, value: amount };
}

/** A factor or a set weight must be above 0; a delta may be negative (the results are checked one by one). */
function amountIssue(kind: OperationKind, amount: number | null | 'invalid'): FieldIssue | null {
  if (amount === 'invalid') return { key: 'params.error.number' };
  if (amount === null) return { key: 'params.error.required' };
  return kind !== 'add' && amount <= 0 ? { key: 'params.error.positive' } : null;
}

/** 批量调整: × factor, + delta or = value on the weights of every DRG the filter shows, all or nothing. */
export function BulkWeightEdit({ drgs, filterLabel }: { drgs: readonly WeightedDrg[]; filterLabel: string }) {
  const { t } = useLocale();
  const { params, readOnly, commit } = useParamsEditing();
  const [kind, setKind] = useState<OperationKind>('multiply');
  const [text, setText] = useState('');
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const apply = () => {
    const amount = readNumber(text);
    const refused = amountIssue(kind, amount);
    setIssue(refused);
    setNote(null);
    if (refused || typeof amount !== 'number') return;
    const result = applyBulkWeights(getIn(params, ['weights']) as WeightOverrides | undefined, drgs, toOperation(kind, amount));
    const first = result.nonPositive[0];
    if (first !== undefined) {
      setNote(t('params.bulk.nonPositive', { count: result.nonPositive.length, code: first }));
      return;
    }
    const skipped = result.skipped > 0 ? ` ${t('params.bulk.skipped', { count: result.skipped })}` : '';
    if (result.changed === 0) {
      setNote(t('params.bulk.noChange') + skipped);
      return;
    }
    const checked = gate(setIn(params, ['weights'], Object.keys(result.weights).length > 0 ? result.weights : undefined));
    if (!checked.ok) {
      setIssue(checked.issue);
      return;
    }
    commit(checked.next, t('params.bulk.label', { op: `${SYMBOL[kind]} ${amount}`, filter: filterLabel, count: result.changed }));
    setNote(t('params.bulk.done', { count: result.changed }) + skipped);
  };
  return (
    <div className={styles.bulk} data-testid="weights-bulk">
      <strong>{t('params.bulk.title', { count: drgs.length })}</strong>
      <select value={kind} disabled={readOnly} data-testid="weights-bulk-op" onChange={(e) => setKind(e.target.value as OperationKind)}>
        {(['multiply', 'add', 'set'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`params.bulk.${k}`)}
          </option>
        ))}
      </select>
      <input
        type="text"
        inputMode="decimal"
        className={styles.number}
        value={text}
        disabled={readOnly}
        aria-label={t(`params.bulk.${kind}`)}
        data-testid="weights-bulk-amount"
        onChange={(e) => {
          setText(e.target.value);
          setIssue(null);
        }}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
      <button type="button" className="primary" disabled={readOnly || drgs.length === 0} data-testid="weights-bulk-apply" onClick={apply}>
        {t('params.bulk.apply')}
      </button>
      <FieldMessage issue={issue} />
      {note ? <span className={styles.note} role="status">{note}</span> : null}
    </div>
  );
}
