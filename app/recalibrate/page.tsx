import { Suspense } from 'react';
import { requirePage } from '@/server/auth/page';
import { BUREAU } from '@/server/auth/policy';
import { RecalibrateView } from './RecalibrateView';

/** 权重测算 (ANALYSIS.md §C): policy staff and the panel draft weights from the year's cases; hospital users never. */
export default async function RecalibratePage() {
  await requirePage(BUREAU, '/recalibrate');
  return (
    <Suspense>
      <RecalibrateView />
    </Suspense>
  );
}
