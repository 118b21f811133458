'use client';
import { useLocale } from '../../i18n/locale';
import { CloseIcon, PlusIcon } from '../../components/icons';
import type { WorkbenchState } from '../useWorkbenchUrl';
import { Popover } from './Popover';
import type { RoundSummary } from './types';
import styles from './toolbar.module.css';

export interface ComparePickerProps {
  /** every round of the data set, in lineage order */
  rounds: RoundSummary[];
  round: RoundSummary;
  /** the other rounds compared, in lineage order */
  extras: RoundSummary[];
  max: number;
  onChange: (patch: Partial<WorkbenchState>) => void;
}

/** 同时对比, folded: a button naming how many more rounds are compared; under it, those rounds and one to add. */
export function ComparePicker({ rounds, round, extras, max, onChange }: ComparePickerProps) {
  const { t } = useLocale();
  const ids = extras.map((r) => r.id);
  const candidates = rounds.filter((r) => r.id !== round.id && !ids.includes(r.id));
  return (
    <Popover
      testId="compare-rounds"
      title={t('toolbar.comparedTitle', { max })}
      label={extras.length ? t('toolbar.compared', { n: extras.length }) : <><PlusIcon /> {t('toolbar.comparedNone')}</>}
    >
      <div className={styles.chips}>
        {extras.map((r) => (
          <button key={r.id} type="button" className="chip" title={t('toolbar.removeCompared', { name: r.name })} data-testid={`compare-remove-${r.id}`} onClick={() => onChange({ compareIds: ids.filter((id) => id !== r.id) })}>
            {r.name} <CloseIcon />
          </button>
        ))}
      </div>
      {extras.length < max && candidates.length > 0 ? (
        <select value="" aria-label={t('toolbar.addCompare')} data-testid="compare-add" onChange={(e) => e.target.value && onChange({ compareIds: [...ids, Number(e.target.value)] })}>
          <option value="">+ {t('toolbar.addCompare')}</option>
          {candidates.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      ) : null}
    </Popover>
  );
}
