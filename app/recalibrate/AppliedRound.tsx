'use client';
import Link from 'next/link';
import { useLocale } from '../i18n/locale';

/**
 * The draft round applied from this page, with a link to the workbench comparing it with the round it came from
 * (who gains and loses). It reads the round from the page's URL (?created=), so a reload still shows it.
 */
export function AppliedRound({ datasetId, created, parent }: { datasetId: number; created: { id: number; name: string }; parent: { id: number; name: string } }) {
  const { t } = useLocale();
  return (
    <p className="panel" data-testid="recal-apply-done" data-round-id={created.id}>
      {t('recal.apply.done', { name: created.name })} —{' '}
      <Link href={`/workbench?dataset=${datasetId}&round=${created.id}&baseline=${parent.id}`} prefetch={false} data-testid="recal-compare-link">
        {t('recal.apply.compare', { name: created.name, parent: parent.name })}
      </Link>
    </p>
  );
}
