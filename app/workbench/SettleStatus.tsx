'use client';
import { useLocale } from '../i18n/locale';
import { newestRunMs, type Settlement } from './engine/useSettlement';

/**
 * "settling… / settled in N ms" over all the workers of the view. N is the newest run's time: after an edit,
 * the edited round's rerun, not the baseline's first settlement; after a load, the last worker to finish.
 */
export function SettleStatus({ settlements }: { settlements: Settlement[] }) {
  const { t } = useLocale();
  const error = settlements.find((s) => s.status === 'error');
  const busy = settlements.some((s) => s.status === 'loading' || s.status === 'settling');
  const ms = newestRunMs(settlements) ?? 0;
  const state = error ? 'error' : busy ? 'settling' : settlements.every((s) => s.status === 'settled') ? 'settled' : 'idle';
  const text =
    state === 'error' ? `${t('common.error')}: ${error?.error ?? ''}` :
    state === 'settling' ? t('settle.running') :
    state === 'settled' ? t('settle.done', { ms: ms < 10 ? ms.toFixed(1) : Math.round(ms) }) : '';
  return (
    <span data-testid="settle-status" data-state={state} data-runs={settlements.reduce((n, s) => n + s.runs, 0)} className={state === 'error' ? 'error' : 'muted'} style={{ minWidth: '12rem' }}>
      {text}
    </span>
  );
}
