'use client';
import type { RoundStatus } from '@/db/schema';
import { useLocale } from '../../i18n/locale';
import { LockIcon } from '../../components/icons';

const COLORS: Record<RoundStatus, string> = { draft: '#5a6b7b', proposed: '#e38b1b', agreed: '#1a7f37', locked: '#14202b' };

/** A round's status; a locked one with its padlock, and "· 只读" where the round is open (`readOnly`). */
export function StatusBadge({ status, readOnly = false }: { status: RoundStatus; readOnly?: boolean }) {
  const { t } = useLocale();
  return (
    <span
      data-testid="round-status"
      style={{ background: COLORS[status], color: '#fff', borderRadius: 999, padding: '0.1rem 0.6rem', fontSize: '0.85rem', whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: '0.3em' }}
    >
      {status === 'locked' ? <LockIcon /> : null}
      {readOnly ? t('toolbar.readOnly') : t(`status.${status}`)}
    </span>
  );
}
