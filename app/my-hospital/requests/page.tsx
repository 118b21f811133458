import { Suspense } from 'react';
import { redirect } from 'next/navigation';
import { requirePage } from '@/server/auth/page';
import { SIGNED_IN } from '@/server/auth/policy';
import { MyRequestsView } from './MyRequestsView';

/** 本院诉求: a hospital representative's requests; the bureau's side reads them in its queue (/requests). */
export default async function MyRequestsPage() {
  const user = await requirePage(SIGNED_IN, '/my-hospital/requests');
  if (user.role !== 'hospital') redirect('/requests');
  return (
    <Suspense>
      <MyRequestsView />
    </Suspense>
  );
}
