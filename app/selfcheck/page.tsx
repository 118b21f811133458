import { Suspense } from 'react';
import { SelfCheck } from './SelfCheck';
import { requirePage } from '@/server/auth/page';
import { BUREAU } from '@/server/auth/policy';

export default async function SelfCheckPage() {
  await requirePage(BUREAU, '/selfcheck');
  return (
    <Suspense>
      <SelfCheck />
    </Suspense>
  );
}
