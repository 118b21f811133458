'use client';
import { useState } from 'react';
import { localTime } from '../../lib/format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import { ArrowLeftIcon, ArrowRightIcon } from '../../components/icons';
import type { RoundStatus } from '@/db/schema';
import type { RoundSummary } from './types';
import { StatusBadge } from './StatusBadge';
import { NoticeLinks } from './NoticeLinks';
import { paramsFingerprint } from '@/worker/params-fingerprint';
import styles from './rounds-panel.module.css';

const FORWARD: Partial<Record<RoundStatus, RoundStatus>> = { draft: 'proposed', proposed: 'agreed', agreed: 'locked' };
const BACK: Partial<Record<RoundStatus, RoundStatus>> = { proposed: 'draft', agreed: 'proposed' };

/** 谈判轮次: list, create from any round, rename, note the reason, move the status on, delete drafts. */
export function RoundsPanel({ rounds, onOpen }: { rounds: RoundSummary[]; onOpen: (id: number) => void }) {
  const { t } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() }),
    onError: (e: { message: string }) => setError(e.message),
  };
  const update = useMutation(trpc.rounds.update.mutationOptions(options));
  const setStatus = useMutation(trpc.rounds.setStatus.mutationOptions(options));
  const remove = useMutation(trpc.rounds.delete.mutationOptions(options));
  const create = useMutation(
    trpc.rounds.create.mutationOptions({ ...options, onSuccess: async (r) => { await options.onSuccess(); onOpen(r.id); } }),
  );
  const byId = new Map(rounds.map((r) => [r.id, r]));
  return (
    <div className="panel" data-testid="rounds-panel">
      {error ? <p className="error" role="alert">{error}</p> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t('rounds.name')}</th>
              <th>{t('rounds.parent')}</th>
              <th>{t('rounds.status')}</th>
              <th>{t('rounds.reason')}</th>
              <th>{t('rounds.updated')}</th>
              <th>{t('rounds.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => {
              const locked = r.status === 'locked';
              return (
                <tr key={r.id} data-round-id={r.id}>
                  <td className={styles.name}>
                    <input
                      defaultValue={r.name}
                      disabled={locked}
                      aria-label={t('rounds.name')}
                      onBlur={(e) => e.target.value.trim() !== r.name && update.mutate({ id: r.id, name: e.target.value })}
                    />
                    <NoticeLinks roundId={r.id} />
                  </td>
                  <td className={styles.parent}>{r.parentId ? byId.get(r.parentId)?.name ?? r.parentId : '—'}</td>
                  <td><StatusBadge status={r.status} /></td>
                  <td className={styles.reason}>
                    <input
                      defaultValue={r.reason ?? ''}
                      disabled={locked}
                      title={r.reason ?? undefined}
                      aria-label={t('rounds.reason')}
                      onBlur={(e) => e.target.value !== (r.reason ?? '') && update.mutate({ id: r.id, reason: e.target.value || null })}
                    />
                  </td>
                  <td className={`muted ${styles.updated}`}>
                    <span className={styles.line}>{r.updatedBy} · {localTime(r.updatedAt)}</span>
                    <br />
                    <span title={t('export.fingerprintHelp')}>
                      {t('export.about.fingerprint')} <code data-testid="round-fingerprint">{paramsFingerprint(r.params)}</code>
                    </span>
                  </td>
                  <td className={styles.actions}>
                    <div>
                      <button type="button" onClick={() => onOpen(r.id)}>{t('rounds.open')}</button>
                      <button
                        type="button"
                        onClick={() => create.mutate({ datasetId: r.datasetId, parentId: r.id, name: `${r.name} ${t('rounds.copySuffix')}` })}
                      >
                        {t('rounds.createChild')}
                      </button>
                      {BACK[r.status] ? (
                        <button type="button" onClick={() => setStatus.mutate({ id: r.id, status: BACK[r.status]! })}>
                          <ArrowLeftIcon /> {t(`status.${BACK[r.status]!}`)}
                        </button>
                      ) : null}
                      {FORWARD[r.status] ? (
                        <button type="button" onClick={() => setStatus.mutate({ id: r.id, status: FORWARD[r.status]! })}>
                          {t(`status.${FORWARD[r.status]!}`)} <ArrowRightIcon />
                        </button>
                      ) : null}
                      {r.status === 'draft' ? (
                        <button type="button" onClick={() => window.confirm(t('rounds.confirmDelete', { name: r.name })) && remove.mutate({ id: r.id })}>
                          {t('rounds.delete')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
