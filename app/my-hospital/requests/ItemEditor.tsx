'use client';
import { useLocale } from '../../i18n/locale';
import { CASE_RULES, isSwitchRule, type CaseRule, type RequestItemKind } from '@/server/services/request-items';
import type { LeverValues } from '@/server/services/request-impact';
import { boundText } from '@/worker/settlement/bounds';
import { emptyItem, valueBound, type FormItem, type FormProblem } from './form-items';
import { leverNow } from '../../requests/item-text';
import styles from '../../requests/requests.module.css';

const KINDS: RequestItemKind[] = ['hospital_coefficient', 'drg_weight', 'uniform_price', 'case_rule'];

export interface ItemEditorProps {
  item: FormItem;
  index: number;
  levers: LeverValues | undefined;
  problems: FormProblem['problem'][];
  disabled: boolean;
  onChange: (item: FormItem) => void;
  onRemove: () => void;
}

/** One change of a request: what lever, its new value, and the reason. */
export function ItemEditor({ item, index, levers, problems, disabled, onChange, onRemove }: ItemEditorProps) {
  const { t } = useLocale();
  const set = (patch: Partial<FormItem>) => onChange({ ...item, ...patch });
  const current = leverNow(item, levers, t);
  const invalid = (p: FormProblem['problem']) => (problems.includes(p) ? true : undefined);
  const bound = valueBound(item);
  const outOfRange = problems.includes('range');
  const hint = [current !== null ? t('requests.current', { value: current }) : null, bound ? t('requests.range', { range: boundText(bound) }) : null].filter(Boolean).join(' · ');
  const usesDrg = item.kind === 'drg_weight' || item.kind === 'uniform_price';
  const listId = `request-drgs-${index}`;
  return (
    <div className={styles.itemRow} data-testid={`request-item-editor-${index}`}>
      <select value={item.kind} disabled={disabled} onChange={(e) => onChange({ ...emptyItem(e.target.value as RequestItemKind), reason: item.reason })} data-testid="item-kind" aria-label={t('requests.kind')}>
        {KINDS.map((k) => <option key={k} value={k}>{t(`requests.kind.${k}`)}</option>)}
      </select>
      <div>
        {usesDrg ? (
          <>
            <input list={listId} value={item.drg} disabled={disabled} placeholder={t('requests.pickDrg')} aria-label={t('requests.drg')} aria-invalid={invalid('drg')} onChange={(e) => set({ drg: e.target.value })} data-testid="item-drg" />
            <datalist id={listId}>
              {levers?.drgs.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
            </datalist>
          </>
        ) : item.kind === 'case_rule' ? (
          <select value={item.rule} disabled={disabled} aria-label={t('requests.rule')} onChange={(e) => set({ rule: e.target.value as CaseRule, value: isSwitchRule(e.target.value as CaseRule) ? 'true' : '' })} data-testid="item-rule">
            {CASE_RULES.map((r) => <option key={r} value={r}>{t(`requests.rule.${r}`)}</option>)}
          </select>
        ) : (
          <span>{levers ? `${levers.hospital.code} ${levers.hospital.name}` : ''}</span>
        )}
      </div>
      <div>
        {item.kind === 'uniform_price' ? (
          <select value={item.action} disabled={disabled} aria-label={t('requests.value')} onChange={(e) => set({ action: e.target.value as 'add' | 'remove' })} data-testid="item-action">
            <option value="add">{t('requests.action.add')}</option>
            <option value="remove">{t('requests.action.remove')}</option>
          </select>
        ) : item.kind === 'case_rule' && isSwitchRule(item.rule) ? (
          <select value={item.value} disabled={disabled} aria-label={t('requests.value')} onChange={(e) => set({ value: e.target.value })} data-testid="item-value">
            <option value="true">{t('requests.yes')}</option>
            <option value="false">{t('requests.no')}</option>
          </select>
        ) : (
          <input inputMode="decimal" value={item.value} disabled={disabled} placeholder={t('requests.value')} aria-label={t('requests.value')} aria-invalid={invalid('value') ?? invalid('range')} onChange={(e) => set({ value: e.target.value })} data-testid="item-value" />
        )}
        {hint ? <span className={`${styles.current} ${outOfRange ? styles.errors : ''}`} data-testid="item-hint">{outOfRange ? `${t('requests.outOfRange')} · ${hint}` : hint}</span> : null}
      </div>
      <textarea value={item.reason} disabled={disabled} maxLength={1000} placeholder={t('requests.reasonPlaceholder')} aria-label={t('requests.reason')} aria-invalid={invalid('reason')} onChange={(e) => set({ reason: e.target.value })} data-testid="item-reason" />
      <button type="button" disabled={disabled} onClick={onRemove}>{t('requests.removeItem')}</button>
    </div>
  );
}
