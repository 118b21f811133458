import { Suspense } from 'react';
import { SelfCheck } from './SelfCheck';

export default function SelfCheckPage() {
  return (
    <Suspense>
      <SelfCheck />
    </Suspense>
  );
}
