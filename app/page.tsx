import { Suspense } from 'react';
import { DatasetsView } from './datasets/DatasetsView';
import { requirePage } from '@/server/auth/page';
import { BUREAU } from '@/server/auth/policy';

export default async function HomePage() {
  await requirePage(BUREAU, '/');
  return (
    <Suspense>
      <DatasetsView />
    </Suspense>
  );
}
