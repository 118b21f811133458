'use client';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import styles from './requests.module.css';

/** 不采纳: the reason the hospital will read, then the rejection. */
export function RejectForm({ requestId, onDone }: { requestId: number; onDone: () => void }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const [reason, setReason] = useState('');
  const reject = useMutation(trpc.requests.reject.mutationOptions({ onSuccess: onDone }));
  return (
    <form
      className={styles.rejectForm}
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) reject.mutate({ id: requestId, reason });
      }}
    >
      <label>
        {t('requests.rejectReason')}
        <textarea value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} data-testid="request-reject-reason" />
      </label>
      <div className={styles.actions}>
        <button type="submit" disabled={!reason.trim() || reject.isPending} data-testid="request-reject">{t('requests.confirmReject')}</button>
        {reject.error ? <span className="error">{reject.error.message}</span> : null}
      </div>
    </form>
  );
}
