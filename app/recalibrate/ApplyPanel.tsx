'use client';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale } from '../i18n/locale';
import { useTRPC } from '../lib/trpc';
import type { RecalibrationOptions } from '@/worker/recalibration';
import styles from './recalibrate.module.css';

interface Props {
  datasetId: number;
  round: { id: number; name: string; version: number };
  options: RecalibrationOptions;
  /** the result shown was computed with other options than the form's */
  stale: boolean;
  onCreated: (id: number) => void;
}

/** 应用为新草稿轮次 (the link to the comparison that follows is the page's: AppliedRound). */
export function ApplyPanel({ datasetId, round, options, stale, onCreated }: Props) {
  const { t } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(`${round.name}${t('recal.apply.nameSuffix')}`.slice(0, 100));
  const create = useMutation(
    trpc.recalibration.createDraft.mutationOptions({
      onSuccess: (round) => {
        onCreated(round.id);
        void queryClient.invalidateQueries({ queryKey: trpc.rounds.list.queryKey({ datasetId }) });
      },
    }),
  );
  return (
    <section className="panel" data-testid="recal-apply">
      <h3>{t('recal.apply.title')}</h3>
      <p className={styles.note}>{t('recal.apply.note', { parent: round.name })}</p>
      <div className={styles.apply}>
        <label>
          {t('recal.apply.name')}{' '}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="recal-apply-name" />
        </label>
        <button
          type="button"
          className="primary"
          disabled={stale || create.isPending || name.trim() === ''}
          onClick={() => create.mutate({ datasetId, roundId: round.id, roundVersion: round.version, options, name: name.trim() })}
          data-testid="recal-apply-button"
        >
          {create.isPending ? t('recal.apply.pending') : t('recal.apply.button')}
        </button>
        {stale ? <span className={styles.stale}>{t('recal.apply.stale')}</span> : null}
      </div>
      {create.error ? <p className="error" role="alert" data-testid="recal-apply-error">{create.error.message}</p> : null}
    </section>
  );
}
