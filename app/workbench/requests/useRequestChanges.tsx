'use client';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import type { RoundParams } from '@/worker/settlement/round';
import type { UndoableParams } from '../params/useUndoable';
import styles from '../../requests/requests.module.css';

/** `requests=1,2` of the URL the page was opened with (the workbench rewrites its URL without it). */
function requestIds(text: string | null): number[] {
  return (text ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .slice(0, 20);
}

export interface RequestChanges {
  ids: number[];
  applied: boolean;
  error: string | null;
}

/**
 * 查看诉求影响: a workbench opened from the requests queue (/workbench?round=R&requests=1,2) applies the requests'
 * combined changes to round R once, as an unsaved edit (undo takes it back), so the comparison shows their impact
 * on every hospital. Nothing is saved.
 */
export function useRequestChanges(roundId: number | null, draft: UndoableParams): RequestChanges {
  const trpc = useTRPC();
  const search = useSearchParams();
  const [ids] = useState(() => requestIds(search.get('requests')));
  const combined = useQuery(trpc.requests.combined.queryOptions({ ids }, { enabled: ids.length > 0, staleTime: Infinity }));
  const done = useRef(false);
  const [applied, setApplied] = useState(false);
  const { apply } = draft;
  const ready = draft.params !== null;
  useEffect(() => {
    const data = combined.data;
    if (done.current || !data || !ready || roundId !== data.roundId) return;
    done.current = true;
    apply(data.params as RoundParams, `诉求 #${data.requestIds.join(' #')}`);
    setApplied(true);
  }, [combined.data, roundId, ready, apply]);
  return { ids, applied, error: combined.error?.message ?? null };
}

/** The line above the comparison saying which requests' changes are applied, or why they could not be. */
export function RequestChangesNote({ changes }: { changes: RequestChanges }) {
  const { t } = useLocale();
  if (!changes.ids.length) return null;
  if (changes.error) return <p className={`${styles.banner} error`} data-testid="request-changes">{t('requests.appliedFailed', { message: changes.error })}</p>;
  if (!changes.applied) return null;
  return (
    <p className={styles.banner} data-testid="request-changes" data-state="applied">
      {t('requests.appliedBanner', { ids: changes.ids.map((id) => `#${id}`).join(' ') })}
    </p>
  );
}
