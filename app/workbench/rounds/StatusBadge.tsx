'use client';
import type { RoundStatus } from '@/db/schema';
import { useLocale } from '../../i18n/locale';

const COLORS: Record<RoundStatus, string> = { draft: '#5a6b7b', proposed: '#e38b1b', agreed: '#1a7f37', locked: '#14202b' };

export function StatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useLocale();
  return (
    <span
      data-testid="round-status"
      style={{ background: COLORS[status], color: '#fff', borderRadius: 999, padding: '0.1rem 0.6rem', fontSize: '0.85rem' }}
    >
      {status === 'locked' ? '🔒 ' : ''}
      {t(`status.${status}`)}
    </span>
  );
}
