'use client';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import type { RoundParams } from '@/worker/settlement/round';
import type { WorkbenchState } from '../useWorkbenchUrl';
import type { RoundSummary } from './types';
import styles from './toolbar.module.css';

export interface SaveControlsProps {
  datasetId: number;
  rounds: RoundSummary[];
  round: RoundSummary;
  params: RoundParams | null;
  /** the undo history's labels: the last ones become the new round's reason */
  history: readonly string[];
  dirty: boolean;
  onChange: (patch: Partial<WorkbenchState>) => void;
}

/**
 * Save into the round (draft or proposed), or as a new child round. A locked round has nothing to save: it
 * offers only its copy as a new round, to go on negotiating from it.
 */
export function SaveControls({ datasetId, rounds, round, params, history, dirty, onChange }: SaveControlsProps) {
  const { t } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
  const update = useMutation(trpc.rounds.update.mutationOptions({ onSuccess: refresh, onError: (e) => setError(e.message) }));
  const create = useMutation(
    trpc.rounds.create.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        setNaming(false);
        onChange({ roundId: created.id, view: 'compare' });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const locked = round.status === 'locked';
  const canSaveHere = dirty && (round.status === 'draft' || round.status === 'proposed');
  const openNaming = () => {
    setName(t('toolbar.roundN', { n: rounds.length }));
    setReason(history.slice(-5).join('；'));
    setNaming((open) => !open);
  };
  return (
    <span className={styles.save}>
      {locked ? (
        <button type="button" data-testid="copy-round" onClick={openNaming}>{t('toolbar.copyLocked')}</button>
      ) : (
        <>
          <button type="button" data-testid="save-here" title={t('toolbar.save')} disabled={!canSaveHere || update.isPending} onClick={() => params && update.mutate({ id: round.id, params: params as Record<string, unknown> })}>
            {t('toolbar.saveShort')}
          </button>
          <button type="button" className="primary" data-testid="save-round" title={t('toolbar.saveAsNew')} onClick={openNaming}>{t('toolbar.saveAsNewShort')}</button>
        </>
      )}
      {naming ? (
        <span className={`panel ${styles.popoverPanel} ${styles.saveForm}`}>
          <input data-testid="save-round-name" value={name} onChange={(e) => setName(e.target.value)} aria-label={t('rounds.name')} />
          <input data-testid="save-round-reason" value={reason} placeholder={t('rounds.reason')} onChange={(e) => setReason(e.target.value)} aria-label={t('rounds.reason')} />
          <span className={styles.saveButtons}>
            <button
              type="button"
              className="primary"
              data-testid="save-round-confirm"
              disabled={!name.trim() || create.isPending}
              onClick={() => create.mutate({ datasetId, parentId: round.id, name, reason: reason || null, ...(params ? { params: params as Record<string, unknown> } : {}) })}
            >
              {t('toolbar.confirm')}
            </button>
            <button type="button" onClick={() => setNaming(false)}>{t('toolbar.cancel')}</button>
          </span>
        </span>
      ) : null}
      {error ? <span className="error" role="alert">{error}</span> : null}
    </span>
  );
}
