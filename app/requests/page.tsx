import { Suspense } from 'react';
import { requirePage } from '@/server/auth/page';
import { BUREAU } from '@/server/auth/policy';
import { RequestsQueue } from './RequestsQueue';

/** 医院诉求: the bureau's queue of submitted hospital requests (a hospital user has its own page). */
export default async function RequestsPage() {
  await requirePage(BUREAU, '/requests');
  return (
    <Suspense>
      <RequestsQueue />
    </Suspense>
  );
}
