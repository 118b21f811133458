'use client';
import { useState } from 'react';
import Link from 'next/link';
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
}

/** 应用为新草稿轮次, then a link to the workbench comparing the new round with the one it came from. */
export function ApplyPanel({ datasetId, round, options, stale }: Props) {
  const { t } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(`${round.name}${t('recal.apply.nameSuffix')}`.slice(0, 100));
  const create = useMutation(
    trpc.recalibration.createDraft.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.rounds.list.queryKey({ datasetId }) }),
    }),
  );
  const created = create.data;
  const compareHref = created ? `/workbench?dataset=${datasetId}&round=${created.id}&baseline=${round.id}` : null;
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
      {created && compareHref ? (
        <p data-testid="recal-apply-done" data-round-id={created.id}>
          {t('recal.apply.done', { name: created.name })} —{' '}
          <Link href={compareHref} prefetch={false} data-testid="recal-compare-link">
            {t('recal.apply.compare', { name: created.name, parent: round.name })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
