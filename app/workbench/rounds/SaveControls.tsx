'use client';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import type { RoundParams } from '@/worker/settlement/round';
import type { WorkbenchState } from '../useWorkbenchUrl';
import type { RoundSummary } from './types';
import { topLevelLabel } from '../diff/param-text';
import { paramsPatch, patchedParams } from '@/worker/settlement/params-patch';
import { formulaNotes } from '../../lib/edit-notes';
import styles from './toolbar.module.css';

type Params = Record<string, unknown>;

/** A save refused because another save came first: what they changed, what this editor changed, and the fresh version. */
interface Conflict {
  by: string;
  version: number;
  /** the saved parameters now */
  fresh: Params;
  theirs: string[];
  mine: Params;
}

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
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const update = useMutation(
    trpc.rounds.update.mutationOptions({
      onSuccess: () => {
        setConflict(null);
        setError(null);
        return refresh();
      },
      onError: async (e, sent) => {
        if (e.data?.code !== 'CONFLICT' || !sent.paramsPatch) return setError(e.message);
        // someone saved this round since it was opened: show both changes, keep this editor's edits (no refresh,
        // which would reset them) until it re-applies them onto the fresh version or lets them go
        const fresh = await queryClient.fetchQuery(trpc.rounds.get.queryOptions({ id: round.id }, { staleTime: 0 }));
        setConflict({ by: fresh.updatedBy, version: fresh.version, fresh: fresh.params as Params, theirs: patchedParams(paramsPatch(round.params as Params, fresh.params as Params)), mine: sent.paramsPatch });
      },
    }),
  );
  // the formula edits made since the round was opened go into its history with the save (ANALYSIS.md §D)
  const notes = formulaNotes(history);
  const withNotes = notes.length > 0 ? { notes } : {};
  const save = () => params && update.mutate({ id: round.id, paramsPatch: paramsPatch(round.params as Params, params as Params), version: round.version, ...withNotes });
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
          <button type="button" data-testid="save-here" title={t('toolbar.save')} disabled={!canSaveHere || update.isPending} onClick={save}>
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
              onClick={() => create.mutate({ datasetId, parentId: round.id, name, reason: reason || null, ...(params ? { params: params as Record<string, unknown> } : {}), ...withNotes })}
            >
              {t('toolbar.confirm')}
            </button>
            <button type="button" onClick={() => setNaming(false)}>{t('toolbar.cancel')}</button>
          </span>
        </span>
      ) : null}
      {error ? <span className="error" role="alert">{error}</span> : null}
      {conflict ? (
        <span className={`panel ${styles.popoverPanel}`} role="alertdialog" data-testid="save-conflict">
          <strong>{t('conflict.title', { user: conflict.by })}</strong>
          <span>{t('conflict.theirs')}: {conflict.theirs.map((k) => topLevelLabel(k, t)).join('、') || '—'}</span>
          <span>{t('conflict.mine')}: {patchedParams(conflict.mine).map((k) => topLevelLabel(k, t)).join('、')}</span>
          {Object.keys(conflict.mine).some((path) => Object.keys(paramsPatch(round.params as Params, conflict.fresh)).includes(path)) ? <span className="error">{t('conflict.overlap')}</span> : null}
          <span className={styles.saveButtons}>
            <button type="button" className="primary" data-testid="save-conflict-reapply" onClick={() => update.mutate({ id: round.id, paramsPatch: conflict.mine, version: conflict.version, ...withNotes })}>
              {t('conflict.reapply')}
            </button>
            <button type="button" onClick={() => { setConflict(null); void refresh(); }}>{t('conflict.discard')}</button>
          </span>
        </span>
      ) : null}
    </span>
  );
}
