import { Suspense } from 'react';
import { requirePage } from '@/server/auth/page';
import { SIGNED_IN } from '@/server/auth/policy';
import { AuditView } from './AuditView';

/** 操作日志: who changed what and when (a hospital user: its own entries). */
export default async function AuditPage() {
  const user = await requirePage(SIGNED_IN, '/audit');
  return (
    <Suspense>
      <AuditView ownOnly={user.role === 'hospital'} />
    </Suspense>
  );
}
