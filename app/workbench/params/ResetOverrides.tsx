'use client';
import { useLocale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { useParamsEditing } from './EditContext';
import { getIn, setIn } from './paths';
import { gate } from './validate';

export type OverrideKey = 'weights' | 'benchmark_costs' | 'hospital_coefficients' | 'evaluation_scores';

/** How many codes the round overrides in one of its override maps. */
export function overrideCount(params: unknown, key: OverrideKey): number {
  const map = getIn(params, [key]);
  return map !== null && typeof map === 'object' ? Object.keys(map).length : 0;
}

/** Clears one override map: the catalog or hospital file applies again (one undoable step). */
export function ResetOverrides({ overrideKey, text, label }: { overrideKey: OverrideKey; text: MessageKey; label: MessageKey }) {
  const { t } = useLocale();
  const { params, readOnly, commit } = useParamsEditing();
  const count = overrideCount(params, overrideKey);
  const reset = () => {
    const result = gate(setIn(params, [overrideKey], undefined));
    if (result.ok) commit(result.next, t(label, { count }));
  };
  return (
    <button type="button" disabled={readOnly || count === 0} data-testid={`reset-${overrideKey}`} onClick={reset}>
      {t(text, { count })}
    </button>
  );
}
