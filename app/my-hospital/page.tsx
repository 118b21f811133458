import { Suspense } from 'react';
import { requirePage } from '@/server/auth/page';
import { SIGNED_IN } from '@/server/auth/policy';
import { MyHospitalView } from './MyHospitalView';

/** 本院: a hospital representative's page (the bureau's side may open it too, naming a hospital with ?hospital=). */
export default async function MyHospitalPage() {
  const user = await requirePage(SIGNED_IN, '/my-hospital');
  return (
    <Suspense>
      <MyHospitalView ownHospital={user.role === 'hospital' ? user.hospitalCode : null} />
    </Suspense>
  );
}
